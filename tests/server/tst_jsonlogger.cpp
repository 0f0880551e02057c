#include "log/JsonLogger.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using medora::server::JsonLogger;

// JSON-lines output, level filtering and the last-line-of-defence secret scrubbing.
class TestJsonLogger : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QList<QJsonObject> readLines(const QString &path, QByteArray *raw)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        *raw = file.readAll();
        QList<QJsonObject> lines;
        for (const QByteArray &line : raw->split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            lines.append(document.isObject() ? document.object() : QJsonObject());
        }
        return lines;
    }

private slots:
    void writesOneJsonObjectPerLineAboveTheLevel()
    {
        const QString path = m_dir.filePath(QStringLiteral("levels.log"));
        JsonLogger &log = JsonLogger::instance();
        log.configure(JsonLogger::Level::Info, path, {});
        log.debug(QStringLiteral("hidden.debug"));
        log.info(QStringLiteral("shown.info"), {{QStringLiteral("port"), 8443}});
        log.warning(QStringLiteral("shown.warning"), {{QStringLiteral("event"), QStringLiteral("spoofed")}});
        log.error(QStringLiteral("shown.error"));
        log.configure(JsonLogger::Level::Info, QString(), {});

        QByteArray raw;
        const QList<QJsonObject> lines = readLines(path, &raw);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).value(QStringLiteral("event")).toString(), QStringLiteral("shown.info"));
        QCOMPARE(lines.at(0).value(QStringLiteral("level")).toString(), QStringLiteral("info"));
        QCOMPARE(lines.at(0).value(QStringLiteral("port")).toInt(), 8443);
        QCOMPARE(lines.at(1).value(QStringLiteral("event")).toString(), QStringLiteral("shown.warning"));
        QCOMPARE(lines.at(2).value(QStringLiteral("level")).toString(), QStringLiteral("error"));
        for (const QJsonObject &line : lines) {
            const QDateTime ts =
                QDateTime::fromString(line.value(QStringLiteral("ts")).toString(), Qt::ISODateWithMs);
            QVERIFY(ts.isValid());
            QCOMPARE(ts.timeSpec(), Qt::UTC);
            QVERIFY(line.value(QStringLiteral("ts")).toString().endsWith(QLatin1Char('Z')));
        }
    }

    void scrubsConfiguredSecretsInRawAndEscapedForm()
    {
        const QString path = m_dir.filePath(QStringLiteral("secrets.log"));
        const QByteArray plain = "gemini-key-0123456789";
        const QByteArray quoted = "tg\"token\\with/escapes";
        JsonLogger &log = JsonLogger::instance();
        log.configure(JsonLogger::Level::Debug, path, {plain, quoted, "abc"});
        log.info(QStringLiteral("leak.attempt"),
                 {{QStringLiteral("detail"), QStringLiteral("key=") + QString::fromLatin1(plain)},
                  {QStringLiteral("other"), QString::fromLatin1(quoted)},
                  {QStringLiteral("short"), QStringLiteral("abc")}});
        log.configure(JsonLogger::Level::Info, QString(), {});

        QByteArray raw;
        const QList<QJsonObject> lines = readLines(path, &raw);
        QCOMPARE(lines.size(), 1);
        QVERIFY(!raw.contains(plain));
        QVERIFY(!raw.contains("tg\\\"token"));
        QVERIFY(!raw.contains("with/escapes"));
        QCOMPARE(lines.at(0).value(QStringLiteral("detail")).toString(), QStringLiteral("key=***"));
        QCOMPARE(lines.at(0).value(QStringLiteral("other")).toString(), QStringLiteral("***"));
        // Too short to scrub without wrecking every line; such values are refused as secrets.
        QCOMPARE(lines.at(0).value(QStringLiteral("short")).toString(), QStringLiteral("abc"));
    }

    void parsesLevels()
    {
        JsonLogger::Level level = JsonLogger::Level::Error;
        QVERIFY(JsonLogger::parseLevel(QStringLiteral("DEBUG"), &level));
        QCOMPARE(level, JsonLogger::Level::Debug);
        QVERIFY(JsonLogger::parseLevel(QStringLiteral("warning"), &level));
        QCOMPARE(level, JsonLogger::Level::Warning);
        QVERIFY(!JsonLogger::parseLevel(QStringLiteral("verbose"), &level));
    }
};

QTEST_GUILESS_MAIN(TestJsonLogger)
#include "tst_jsonlogger.moc"
