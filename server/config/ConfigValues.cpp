#include "config/ConfigValues.h"

#include <QFileInfo>

namespace medora::server {

ConfigValues ConfigValues::load(const QProcessEnvironment &environment)
{
    ConfigValues values;
    values.m_environment = environment;
    QString path = environment.value(QStringLiteral("MEDORA_ENV_FILE"));
    if (path.isEmpty() && QFileInfo::exists(QStringLiteral(".env")))
        path = QStringLiteral(".env");
    if (!path.isEmpty()) {
        QString error;
        // Problems in the file are ServerConfig::load's to report; what parsed is used.
        if (DotEnvFile::read(path, &values.m_file, &error))
            values.m_envFilePath = QFileInfo(path).absoluteFilePath();
    }
    return values;
}

bool ConfigValues::has(const QString &name) const
{
    return !value(name).isEmpty();
}

QString ConfigValues::value(const QString &name) const
{
    if (m_environment.contains(name))
        return m_environment.value(name).trimmed();
    return m_file.value(name).trimmed();
}

int ConfigValues::integer(const QString &name, int fallback, int minimum, int maximum) const
{
    bool ok = false;
    const int parsed = value(name).toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum)
        return fallback;
    return parsed;
}

} // namespace medora::server
