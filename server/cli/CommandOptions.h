#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace medora::server {

// "--name value", "--name=value" and "--flag" options of one subcommand. Anything not
// declared, a missing value or a stray positional argument is a usage error.
class CommandOptions
{
public:
    CommandOptions(QStringList valueOptions, QStringList flagOptions);

    bool parse(const QStringList &arguments, QString *error);

    bool has(const QString &name) const { return m_values.contains(name) || m_flags.contains(name); }
    QString value(const QString &name) const { return m_values.value(name); }
    // The value of a required option; sets `error` when it is missing or empty.
    QString required(const QString &name, QString *error) const;

private:
    QStringList m_valueOptions;
    QStringList m_flagOptions;
    QHash<QString, QString> m_values;
    QSet<QString> m_flags;
};

} // namespace medora::server
