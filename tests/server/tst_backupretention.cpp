#include "backup/BackupManifest.h"
#include "backup/BackupRetention.h"
#include "backup/BackupSettings.h"
#include "config/ConfigValues.h"
#include "config/ServerConfig.h"

#include <QTemporaryDir>
#include <QtTest>

using medora::server::BackupManifest;
using medora::server::BackupRetention;
using medora::server::BackupSettings;
using medora::server::ConfigValues;
using medora::server::ServerConfig;

// Which backups the retention policy keeps, the manifest's round trip through its files, and
// the backup settings' validation.
class TestBackupRetention : public QObject
{
    Q_OBJECT

private:
    static BackupRetention::Entry at(const QString &name, const QString &iso)
    {
        return {name, QDateTime::fromString(iso, Qt::ISODate).toUTC()};
    }

private slots:
    void keepsNewestPerDayAndWeek()
    {
        // Three a day over ten days (2026-11-19 .. 2026-11-28), newest first.
        QList<BackupRetention::Entry> backups;
        for (int day = 19; day <= 28; ++day) {
            for (int hour : {2, 10, 18})
                backups << at(
                    QStringLiteral("d%1h%2").arg(day).arg(hour),
                    QStringLiteral("2026-11-%1T%2:00:00Z").arg(day).arg(hour, 2, 10, QLatin1Char('0')));
        }
        const QStringList doomed = BackupRetention::toDelete(backups, 3, 2);
        QStringList kept;
        for (const auto &entry : std::as_const(backups)) {
            if (!doomed.contains(entry.path))
                kept << entry.path;
        }
        kept.sort();
        // Newest of 28, 27, 26 (days) and of the ISO weeks of 28 (week 48: 23..29) and of
        // week 47 (16..22): its newest is the 22nd.
        QCOMPARE(kept, (QStringList{QStringLiteral("d22h18"), QStringLiteral("d26h18"),
                                    QStringLiteral("d27h18"), QStringLiteral("d28h18")}));
        QCOMPARE(doomed.size(), backups.size() - 4);
    }

    void newestIsAlwaysKeptAndOneDayKeepsOne()
    {
        const QList<BackupRetention::Entry> backups{
            at(QStringLiteral("a"), QStringLiteral("2026-11-28T01:00:00Z")),
            at(QStringLiteral("b"), QStringLiteral("2026-11-28T05:00:00Z")),
            at(QStringLiteral("c"), QStringLiteral("2026-11-27T05:00:00Z"))};
        QCOMPARE(BackupRetention::toDelete(backups, 1, 0),
                 (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
        QVERIFY(BackupRetention::toDelete({}, 1, 0).isEmpty());
        // Only the newest of a day counts, however many days are kept.
        QCOMPARE(BackupRetention::toDelete(backups, 7, 4), QStringList{QStringLiteral("a")});
    }

    void manifestRoundTripsThroughItsFiles()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        BackupManifest manifest;
        manifest.engine = QStringLiteral("sqlite");
        manifest.fileName = QStringLiteral("medora-20261128T020000Z.sqlite");
        manifest.sha256 = QByteArray(64, 'a');
        manifest.sizeBytes = 4096;
        manifest.schemaVersion = 8;
        manifest.databaseId = QStringLiteral("00112233445566778899aabbccddeeff");
        manifest.startedAtMs = 1795000000000;
        manifest.finishedAtMs = 1795000001234;
        manifest.rowCounts = {{QStringLiteral("clinics"), 2}, {QStringLiteral("audit_events"), 7}};
        manifest.auditHeadSequence = 7;
        manifest.auditHeadHash = QByteArray(64, 'b');
        const QString path = folder.filePath(manifest.fileName);
        QString error;
        QVERIFY2(manifest.write(path, &error), qPrintable(error));

        QFile checksum(BackupManifest::checksumPath(path));
        QVERIFY(checksum.open(QIODevice::ReadOnly));
        // The format `sha256sum -c` reads.
        QCOMPARE(checksum.readAll(), QByteArray(64, 'a') + "  medora-20261128T020000Z.sqlite\n");
        QVERIFY(!(QFileInfo(BackupManifest::manifestPath(path)).permissions() &
                  (QFileDevice::ReadGroup | QFileDevice::ReadOther)));

        BackupManifest read;
        QVERIFY2(BackupManifest::read(path, &read, &error), qPrintable(error));
        QCOMPARE(read.toJson(), manifest.toJson());
        QCOMPARE(read.rowCounts.value(QStringLiteral("audit_events")), qint64(7));

        QFile broken(BackupManifest::manifestPath(path));
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write(R"({"format":"something-else"})");
        broken.close();
        QVERIFY(!BackupManifest::read(path, &read, &error));
        QVERIFY2(error.contains(QLatin1String("medora-backup-1")), qPrintable(error));
    }

    void settingsDefaultAndRefuseBadValues()
    {
        ServerConfig config;
        config.dataDir = QStringLiteral("/var/lib/medora");
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("MEDORA_ENV_FILE"), QStringLiteral("/nonexistent/.env"));
        BackupSettings settings;
        QStringList errors;
        QVERIFY(BackupSettings::load(ConfigValues::load(environment), config, &settings, &errors));
        QCOMPARE(settings.directory, QStringLiteral("/var/lib/medora/backups"));
        QCOMPARE(settings.keepDaily, 7);
        QCOMPARE(settings.maxAgeHours, 26);

        environment.insert(QStringLiteral("MEDORA_BACKUP_DIR"), QStringLiteral("/srv/backups"));
        environment.insert(QStringLiteral("MEDORA_BACKUP_KEEP_DAILY"), QStringLiteral("14"));
        QVERIFY(BackupSettings::load(ConfigValues::load(environment), config, &settings, &errors));
        QCOMPARE(settings.directory, QStringLiteral("/srv/backups"));
        QCOMPARE(settings.keepDaily, 14);

        environment.insert(QStringLiteral("MEDORA_BACKUP_KEEP_DAILY"), QStringLiteral("0"));
        environment.insert(QStringLiteral("MEDORA_BACKUP_MAX_AGE_HOURS"), QStringLiteral("soon"));
        QVERIFY(!BackupSettings::load(ConfigValues::load(environment), config, &settings, &errors));
        QCOMPARE(errors.size(), qsizetype(2));
        QVERIFY(errors.at(0).startsWith(QLatin1String("MEDORA_BACKUP_KEEP_DAILY")));
        QVERIFY(errors.at(1).startsWith(QLatin1String("MEDORA_BACKUP_MAX_AGE_HOURS")));
    }
};

QTEST_GUILESS_MAIN(TestBackupRetention)
#include "tst_backupretention.moc"
