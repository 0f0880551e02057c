#include "registry/PatientRegistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora;

namespace {

Patient person(const QString &last, const QString &first, const QString &phone = QString())
{
    Patient patient;
    patient.lastName = last;
    patient.firstName = first;
    patient.sex = Sex::Male;
    patient.birthDate = QDate(1980, 5, 17);
    patient.phone = phone;
    return patient;
}

QStringList lastNamesFound(const PatientRegistry &registry, const QString &query)
{
    QStringList names;
    for (const Patient &patient : registry.patients(registry.search(query, 50)))
        names << patient.lastName;
    return names;
}

} // namespace

class TestPatientRegistry : public QObject
{
    Q_OBJECT

private slots:
    void registeredPatientIsFoundAcrossScriptsAndAfterReopen()
    {
        QTemporaryDir dir;
        {
            PatientRegistry registry;
            QVERIFY2(registry.open(dir.path()), qPrintable(registry.lastError().message));
            Patient patient =
                person(QStringLiteral("Каримов"), QStringLiteral("Алишер"), QStringLiteral("90 123 45 67"));
            FieldErrors errors;
            QVERIFY(registry.registerPatient(patient, &errors));
            QVERIFY(errors.isEmpty());
            QCOMPARE(patient.phone, QStringLiteral("+998901234567"));
            QCOMPARE(lastNamesFound(registry, QStringLiteral("karimov")),
                     QStringList{QStringLiteral("Каримов")});
        }
        PatientRegistry reopened;
        QVERIFY(reopened.open(dir.path()));
        QCOMPARE(reopened.patientCount(), qint64(1));
        QCOMPARE(lastNamesFound(reopened, QStringLiteral("Karimov Alisher")),
                 QStringList{QStringLiteral("Каримов")});
        QCOMPARE(lastNamesFound(reopened, QStringLiteral("4567")), QStringList{QStringLiteral("Каримов")});
    }

    void invalidPatientIsRefusedAndNothingIsWritten()
    {
        QTemporaryDir dir;
        PatientRegistry registry;
        QVERIFY(registry.open(dir.path()));
        Patient patient = person(QString(), QStringLiteral("Ali"), QStringLiteral("12345"));
        FieldErrors errors;
        QVERIFY(!registry.registerPatient(patient, &errors));
        QStringList fields;
        for (const FieldError &error : errors)
            fields << error.field;
        QVERIFY(fields.contains(QStringLiteral("lastName")));
        QVERIFY(fields.contains(QStringLiteral("phone")));
        QCOMPARE(registry.patientCount(), qint64(0));
        QCOMPARE(registry.store().count(), qint64(0));
    }

    // Another process (medora-cli, a second client) writing to the same folder while this
    // registry is open: its rows must still be searchable after this registry closes.
    void writesOfAnotherWriterAreNotLostFromTheIndex()
    {
        QTemporaryDir dir;
        PatientRegistry first;
        QVERIFY(first.open(dir.path()));
        Patient own = person(QStringLiteral("Rahimov"), QStringLiteral("Bobur"));
        QVERIFY(first.registerPatient(own));
        {
            PatientRegistry second;
            QVERIFY(second.open(dir.path()));
            Patient other = person(QStringLiteral("Юсупов"), QStringLiteral("Ислом"));
            QVERIFY(second.registerPatient(other));
            second.close();
        }
        Patient later = person(QStringLiteral("Aliyev"), QStringLiteral("Sardor"));
        QVERIFY(first.registerPatient(later)); // sees the other writer's row as well
        QCOMPARE(lastNamesFound(first, QStringLiteral("yusupov")), QStringList{QStringLiteral("Юсупов")});
        first.close();

        PatientRegistry reopened;
        QVERIFY(reopened.open(dir.path()));
        QCOMPARE(reopened.patientCount(), qint64(3));
        QCOMPARE(lastNamesFound(reopened, QStringLiteral("yusupov")), QStringList{QStringLiteral("Юсупов")});
        QCOMPARE(lastNamesFound(reopened, QStringLiteral("rahimov")), QStringList{QStringLiteral("Rahimov")});
    }

    void missingOrDamagedSnapshotIsRebuiltFromTheRows()
    {
        QTemporaryDir dir;
        {
            PatientRegistry registry;
            QVERIFY(registry.open(dir.path()));
            Patient patient = person(QStringLiteral("Oʻktamov"), QStringLiteral("Jasur"));
            QVERIFY(registry.registerPatient(patient));
        }
        const QString snapshot = dir.filePath(QStringLiteral("medora.search"));
        QVERIFY(QFile::exists(snapshot));
        QFile damaged(snapshot);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write("not a snapshot at all");
        damaged.close();
        {
            PatientRegistry registry;
            QVERIFY(registry.open(dir.path()));
            QCOMPARE(lastNamesFound(registry, QStringLiteral("O'ktamov")),
                     QStringList{QStringLiteral("Oʻktamov")});
        }
        QVERIFY(QFile::remove(snapshot));
        PatientRegistry registry;
        QVERIFY(registry.open(dir.path()));
        QCOMPARE(lastNamesFound(registry, QStringLiteral("Ўктамов")),
                 QStringList{QStringLiteral("Oʻktamov")});
    }

    // A bulk import that brings a number of this PC's own series further down the batch
    // must not hand that number to an earlier row without one.
    void importNumbersNeverClashWithOwnSeriesInTheBatch()
    {
        QTemporaryDir dir;
        PatientRegistry registry;
        QVERIFY(registry.open(dir.path()));
        const QString prefix = registry.database().meta(QStringLiteral("device_prefix"));
        std::vector<Patient> batch{person(QStringLiteral("Sobirov"), QStringLiteral("Anvar")),
                                   person(QStringLiteral("Qodirov"), QStringLiteral("Aziz"))};
        batch[1].number = prefix + QStringLiteral("-00001");
        QVERIFY2(registry.importPatients(batch), qPrintable(registry.lastError().message));
        QVERIFY(batch[0].number != batch[1].number);
        QCOMPARE(registry.patientCount(), qint64(2));
        QCOMPARE(lastNamesFound(registry, QStringLiteral("Кодиров")), QStringList{QStringLiteral("Qodirov")});
    }

    void dataFolderThatIsAFileGivesAClearError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("not-a-folder"));
        QFile blocker(file);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.write("x");
        blocker.close();
        PatientRegistry registry;
        QVERIFY(!registry.open(file));
        QCOMPARE(registry.lastError().code, StoreError::Code::CannotCreateFolder);
        QVERIFY(registry.lastError().message.contains(QStringLiteral("not-a-folder")));
    }
};

QTEST_GUILESS_MAIN(TestPatientRegistry)
#include "tst_patientregistry.moc"
