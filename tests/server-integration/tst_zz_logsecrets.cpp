#include "ServerProcess.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using medora::ServerProcess;

// Runs after every integration test (CTest fixture medora_server_logs, see tests/CMakeLists.txt):
// each ServerProcess left its server's log and the secrets it was given in MEDORA_TEST_LOG_DIR.
// No secret of any run may appear in any log, and an empty folder is a failure, not a pass.
class TestZzLogSecrets : public QObject
{
    Q_OBJECT

private:
    struct Scan
    {
        int logs = 0;
        int secrets = 0;
        QStringList leaks; // "<log file>: secret <n> of <secrets file> (<first 4 characters>...)"
    };

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static Scan scan(const QString &directory)
    {
        Scan result;
        const QDir dir(directory);
        QList<QPair<QString, QByteArray>> logs;
        for (const QString &name : dir.entryList({QStringLiteral("*.log")}, QDir::Files, QDir::Name))
            logs.append({name, readAll(dir.filePath(name))});
        result.logs = int(logs.size());
        for (const QString &name : dir.entryList({QStringLiteral("*.secrets")}, QDir::Files, QDir::Name)) {
            const QList<QByteArray> lines = readAll(dir.filePath(name)).split('\n');
            int index = 0;
            for (const QByteArray &line : lines) {
                if (line.trimmed().isEmpty())
                    continue;
                ++index;
                ++result.secrets;
                const QByteArray secret = QByteArray::fromBase64(line.trimmed());
                for (const auto &log : std::as_const(logs)) {
                    if (log.second.contains(secret)) {
                        result.leaks.append(QStringLiteral("%1: secret %2 of %3 (%4...)")
                                                .arg(log.first)
                                                .arg(index)
                                                .arg(name, QString::fromUtf8(secret.left(4))));
                    }
                }
            }
        }
        return result;
    }

    static bool write(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

private slots:
    void scanFindsAPlantedSecret()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray secret = "planted-secret-value-31337";
        QVERIFY(write(dir.filePath(QStringLiteral("a-1-1.secrets")),
                      secret.toBase64() + '\n' + QByteArray("unused-secret-value-4242").toBase64() + '\n'));
        QVERIFY(write(dir.filePath(QStringLiteral("a-1-1.log")), "{\"event\":\"server.listening\"}\n"));
        QVERIFY(write(dir.filePath(QStringLiteral("b-2-1.log")), "{\"message\":\"key " + secret + "\"}\n"));

        const Scan result = scan(dir.path());
        QCOMPARE(result.logs, 2);
        QCOMPARE(result.secrets, 2);
        QCOMPARE(result.leaks.size(), 1);
        QVERIFY2(result.leaks.first().startsWith(QLatin1String("b-2-1.log: secret 1 of a-1-1.secrets")),
                 qPrintable(result.leaks.first()));
    }

    void noRecordedSecretIsInAnyServerLog()
    {
        const QString directory = qEnvironmentVariable("MEDORA_TEST_LOG_DIR");
        QVERIFY2(!directory.isEmpty(), "MEDORA_TEST_LOG_DIR is not set (run through CTest)");
        const Scan result = scan(directory);
        QVERIFY2(result.logs > 0, qPrintable(QStringLiteral("no server logs in %1: the integration tests "
                                                            "did not run or did not record them")
                                                 .arg(directory)));
        // Every server carries the fake integration secrets, so their absence means nothing was recorded.
        QVERIFY2(
            result.secrets >= result.logs,
            qPrintable(
                QStringLiteral("%1 logs but only %2 secrets recorded").arg(result.logs).arg(result.secrets)));
        qInfo("checked %d server logs against %d recorded secrets", result.logs, result.secrets);
        QVERIFY2(result.leaks.isEmpty(), qPrintable(result.leaks.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestZzLogSecrets)
#include "tst_zz_logsecrets.moc"
