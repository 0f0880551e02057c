#pragma once

#include "config/DotEnvFile.h"

#include <QProcessEnvironment>
#include <QString>

namespace medora::server {

// The raw settings ServerConfig::load reads (the environment over MEDORA_ENV_FILE or ./.env),
// for settings ServerConfig does not model: backups, preflight, integrations of other parts.
// One resolution rule for every command, so `preflight` sees what `serve` sees.
class ConfigValues
{
public:
    static ConfigValues load(const QProcessEnvironment &environment);

    bool has(const QString &name) const;
    QString value(const QString &name) const; // trimmed; empty when unset
    int integer(const QString &name, int fallback, int minimum, int maximum) const;
    QString envFilePath() const { return m_envFilePath; } // the .env read (absolute), or empty

private:
    QProcessEnvironment m_environment;
    DotEnvFile m_file;
    QString m_envFilePath;
};

} // namespace medora::server
