#pragma once

#include <QString>
#include <QStringList>

namespace medora::server {

// `medora-server <command> [options]`: loads the configuration (environment + .env) the same
// way for every command, then runs serve or one of the operator commands.
class CommandLine
{
public:
    explicit CommandLine(QString version);
    // `arguments` as from QCoreApplication::arguments() (program name first).
    int run(const QStringList &arguments);
    static QString usage();

private:
    QString m_version;
};

} // namespace medora::server
