#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace medora::server {

// A .env file: KEY=VALUE lines, '#' comments, blank lines, an optional "export " prefix,
// 'single-quoted' (literal) and "double-quoted" (\n \t \" \\ escapes) values, and inline
// " # comments" after unquoted values. Nothing is expanded ($VAR stays literal). A line that
// does not parse is reported with its number and the variable name, never with its value,
// because .env files hold secrets.
class DotEnvFile
{
public:
    struct Problem
    {
        int line = 0;
        QString message;
    };

    static DotEnvFile parse(const QByteArray &content);
    // Reads and parses `path`; false with `error` when the file cannot be read.
    static bool read(const QString &path, DotEnvFile *file, QString *error);

    const QMap<QString, QString> &values() const { return m_values; }
    const QList<Problem> &problems() const { return m_problems; }
    bool contains(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name) const { return m_values.value(name); }

private:
    void parseLine(const QByteArray &line, int number);

    QMap<QString, QString> m_values;
    QList<Problem> m_problems;
};

} // namespace medora::server
