#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace medora::server {

// JSON-lines log: one object per line with "ts" (UTC ISO-8601 ms), "level", "event" and
// fields. Thread-safe. Any configured secret value found in a line is replaced by "***"
// before the line is written, as a last line of defence; callers never log tokens or
// passwords in the first place.
class JsonLogger
{
public:
    enum class Level
    {
        Debug,
        Info,
        Warning,
        Error
    };

    static JsonLogger &instance();

    void configure(Level minimum, const QString &filePath, const QList<QByteArray> &secrets);
    static bool parseLevel(const QString &text, Level *level);
    // Reopens the log file (after logrotate moved it; SIGHUP). No-op when logging to stderr.
    void reopen();

    // Cheap (no lock): lets hot paths skip building fields for a line that would be dropped.
    bool isEnabled(Level level);
    void log(Level level, const QString &event, const QJsonObject &fields = {});
    void debug(const QString &event, const QJsonObject &fields = {}) { log(Level::Debug, event, fields); }
    void info(const QString &event, const QJsonObject &fields = {}) { log(Level::Info, event, fields); }
    void warning(const QString &event, const QJsonObject &fields = {}) { log(Level::Warning, event, fields); }
    void error(const QString &event, const QJsonObject &fields = {}) { log(Level::Error, event, fields); }

private:
    JsonLogger() = default;
    struct State;
    State *state();
};

} // namespace medora::server
