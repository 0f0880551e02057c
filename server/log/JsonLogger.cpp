#include "log/JsonLogger.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace medora::server {

namespace {

// Secrets shorter than this are not scrubbed: replacing a two-letter value everywhere would
// make every line unreadable, and such values are refused as secrets anyway.
constexpr int kShortestScrubbedSecret = 6;

const char *levelName(JsonLogger::Level level)
{
    switch (level) {
    case JsonLogger::Level::Debug:
        return "debug";
    case JsonLogger::Level::Info:
        return "info";
    case JsonLogger::Level::Warning:
        return "warning";
    case JsonLogger::Level::Error:
        return "error";
    }
    return "info";
}

// The form a value takes inside a JSON string, so a secret is found even when it holds
// characters JSON escapes.
QByteArray jsonEscaped(const QByteArray &value)
{
    QByteArray text = QJsonDocument(QJsonArray{QString::fromUtf8(value)}).toJson(QJsonDocument::Compact);
    return text.mid(2, text.size() - 4); // strip [" and "]
}

} // namespace

struct JsonLogger::State
{
    QMutex mutex;
    std::atomic<int> minimum{int(Level::Info)};
    QString filePath;
    QFile file;
    QList<QByteArray> secrets; // raw and JSON-escaped forms, longest first
};

JsonLogger &JsonLogger::instance()
{
    static JsonLogger logger;
    return logger;
}

JsonLogger::State *JsonLogger::state()
{
    static State s;
    return &s;
}

bool JsonLogger::parseLevel(const QString &text, Level *level)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("debug"))
        *level = Level::Debug;
    else if (t == QLatin1String("info"))
        *level = Level::Info;
    else if (t == QLatin1String("warning") || t == QLatin1String("warn"))
        *level = Level::Warning;
    else if (t == QLatin1String("error"))
        *level = Level::Error;
    else
        return false;
    return true;
}

void JsonLogger::configure(Level minimum, const QString &filePath, const QList<QByteArray> &secrets)
{
    State *s = state();
    QMutexLocker lock(&s->mutex);
    s->minimum.store(int(minimum), std::memory_order_relaxed);
    s->secrets.clear();
    for (const QByteArray &secret : secrets) {
        if (secret.size() < kShortestScrubbedSecret)
            continue;
        s->secrets.append(secret);
        const QByteArray escaped = jsonEscaped(secret);
        if (escaped != secret)
            s->secrets.append(escaped);
    }
    std::sort(s->secrets.begin(), s->secrets.end(),
              [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    if (s->file.isOpen())
        s->file.close();
    s->filePath = filePath;
    if (!filePath.isEmpty()) {
        s->file.setFileName(filePath);
        if (!s->file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
            std::fprintf(stderr, "medora-server: cannot open log file %s: %s; logging to stderr\n",
                         qPrintable(filePath), qPrintable(s->file.errorString()));
            s->filePath.clear();
        }
    }
}

void JsonLogger::reopen()
{
    State *s = state();
    QMutexLocker lock(&s->mutex);
    if (s->filePath.isEmpty())
        return;
    s->file.close();
    s->file.setFileName(s->filePath);
    if (!s->file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        std::fprintf(stderr, "medora-server: cannot reopen log file %s: %s\n", qPrintable(s->filePath),
                     qPrintable(s->file.errorString()));
}

bool JsonLogger::isEnabled(Level level)
{
    return int(level) >= state()->minimum.load(std::memory_order_relaxed);
}

void JsonLogger::log(Level level, const QString &event, const QJsonObject &fields)
{
    if (!isEnabled(level))
        return;
    State *s = state();
    QJsonObject object = fields;
    object.insert(QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("level"), QLatin1String(levelName(level)));
    object.insert(QStringLiteral("event"), event);
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);

    QMutexLocker lock(&s->mutex);
    for (const QByteArray &secret : std::as_const(s->secrets)) {
        if (line.contains(secret))
            line.replace(secret, "***");
    }
    line += '\n';
    if (s->file.isOpen()) {
        s->file.write(line);
    } else {
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
    }
}

} // namespace medora::server
