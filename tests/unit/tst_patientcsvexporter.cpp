#include "RegistryGenerator.h"
#include "registry/PatientCsvExporter.h"
#include "registry/PatientRegistry.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace medora;

namespace {

const QByteArray kBom("\xEF\xBB\xBF");
const QByteArray
    kHeaderLine("number,last_name,first_name,father_name,birth_date,birth_date_estimated,sex,phone,"
                "address,allergies,medications,history,notes\r\n");

// Keeps every write apart, so a test can see how the export reached the device.
class RecordingDevice : public QIODevice
{
public:
    RecordingDevice() { open(QIODevice::WriteOnly); }
    QList<QByteArray> writes;
    QByteArray all() const
    {
        QByteArray bytes;
        for (const QByteArray &write : writes)
            bytes += write;
        return bytes;
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        writes.append(QByteArray(data, size));
        return size;
    }
};

// Accepts `capacity` bytes, then fails like a full disk.
class FailingDevice : public QIODevice
{
public:
    explicit FailingDevice(qint64 capacity) : m_capacity(capacity) { open(QIODevice::WriteOnly); }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        if (m_written + size > m_capacity) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        m_written += size;
        return size;
    }

private:
    qint64 m_capacity;
    qint64 m_written = 0;
};

Patient samplePatient()
{
    Patient patient;
    patient.lastName = QStringLiteral("Каримова");
    patient.firstName = QStringLiteral("Gʻulnora");
    patient.fatherName = QStringLiteral("Baxtiyorovna");
    patient.birthDate = QDate(1990, 7, 1);
    patient.birthDateEstimated = true;
    patient.sex = Sex::Female;
    patient.phone = QStringLiteral("90 123 45 67");
    patient.address = QStringLiteral("Toshkent, Chilonzor 5");
    patient.allergies = QStringLiteral("yoʻq");
    patient.medications = QStringLiteral("\"Analgin\"; 1 tab");
    patient.history = QStringLiteral("first\nsecond");
    patient.notes = QStringLiteral(" spaced ");
    return patient;
}

} // namespace

class TestPatientCsvExporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;

    Patient registered(Patient patient)
    {
        FieldErrors errors;
        if (!m_registry->registerPatient(patient, &errors))
            qFatal("cannot register %s", qPrintable(patient.displayName()));
        return patient;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_registry = std::make_unique<PatientRegistry>();
        QVERIFY(m_registry->open(m_dir->filePath(QStringLiteral("data"))));
    }

    void cleanup()
    {
        m_registry.reset();
        m_dir.reset();
    }

    void emptyRegistryGivesBomAndHeader()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        PatientCsvExporter exporter(*m_registry);
        QVERIFY(exporter.write(buffer, m_registry->browseOrder()));
        QCOMPARE(buffer.data(), kBom + kHeaderLine);
        QCOMPARE(exporter.exportedCount(), 0);
        QCOMPARE(PatientCsvExporter::headerLine(), kHeaderLine);
    }

    void rowHoldsWhatTheRegistryStores()
    {
        const Patient patient = registered(samplePatient());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        PatientCsvExporter exporter(*m_registry);
        QVERIFY(exporter.write(buffer, m_registry->browseOrder()));
        QCOMPARE(exporter.exportedCount(), 1);
        const QByteArray expected =
            patient.number.toUtf8() +
            ",Каримова,Gʻulnora,Baxtiyorovna,1990-07-01,1,f,+998901234567,"
            "\"Toshkent, Chilonzor 5\",yoʻq,\"\"\"Analgin\"\"; 1 tab\",\"first\nsecond\","
            "\" spaced \"\r\n";
        QCOMPARE(buffer.data(), kBom + kHeaderLine + expected);
    }

    void unknownDateAndSexStayEmpty()
    {
        Patient patient;
        patient.number = QStringLiteral("KQX-00007");
        patient.lastName = QStringLiteral("Aliyev");
        patient.firstName = QStringLiteral("Vali");
        patient.birthDateEstimated = true; // meaningless without a date
        QCOMPARE(PatientCsvExporter::csvLine(patient), QByteArray("KQX-00007,Aliyev,Vali,,,,,,,,,,\r\n"));
        patient.sex = Sex::Male;
        patient.birthDate = QDate(2001, 1, 9);
        patient.birthDateEstimated = false;
        QCOMPARE(PatientCsvExporter::csvLine(patient),
                 QByteArray("KQX-00007,Aliyev,Vali,,2001-01-09,0,m,,,,,,\r\n"));
    }

    void quotesOnlyWhereNeeded_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("plain") << QStringLiteral("Karimov") << QByteArray("Karimov");
        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("Cyrillic") << QStringLiteral("Тошкент") << QByteArray("Тошкент");
        QTest::newRow("letter mark") << QStringLiteral("Oʻktam") << QByteArray("Oʻktam");
        QTest::newRow("inner space") << QStringLiteral("a b") << QByteArray("a b");
        QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("semicolon") << QStringLiteral("a;b") << QByteArray("\"a;b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("LF") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
        QTest::newRow("CRLF") << QStringLiteral("a\r\nb") << QByteArray("\"a\r\nb\"");
        QTest::newRow("leading space") << QStringLiteral(" a") << QByteArray("\" a\"");
        QTest::newRow("trailing tab") << QStringLiteral("a\t") << QByteArray("\"a\t\"");
    }

    void quotesOnlyWhereNeeded()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, field);
        QCOMPARE(PatientCsvExporter::csvField(text), field);
    }

    void onlyLivePatientsAreWritten()
    {
        const Patient kept = registered(samplePatient());
        Patient gone = samplePatient();
        gone.lastName = QStringLiteral("Ketgan");
        gone = registered(gone);
        const std::vector<qint64> before = m_registry->browseOrder();
        QVERIFY(m_registry->removePatient(gone.localId));

        PatientCsvExporter exporter(*m_registry);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(exporter.write(buffer, m_registry->browseOrder()));
        QCOMPARE(exporter.exportedCount(), 1);
        QVERIFY(buffer.data().contains(kept.number.toUtf8()));
        QVERIFY(!buffer.data().contains("Ketgan"));

        // An id list taken before the removal still leaves the removed patient out.
        QBuffer stale;
        stale.open(QIODevice::WriteOnly);
        QVERIFY(exporter.write(stale, before));
        QCOMPARE(exporter.exportedCount(), 1);
        QVERIFY(!stale.data().contains("Ketgan"));
    }

    void searchResultExportsOnlyItsPatients()
    {
        Patient karimov = samplePatient();
        karimov.lastName = QStringLiteral("Karimov");
        karimov.firstName = QStringLiteral("Alisher");
        karimov.sex = Sex::Male;
        karimov = registered(karimov);
        Patient rahimov = samplePatient();
        rahimov.lastName = QStringLiteral("Rahimov");
        rahimov.phone.clear();
        registered(rahimov);

        PatientCsvExporter exporter(*m_registry);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(exporter.write(buffer, m_registry->search(QStringLiteral("Каримов"))));
        QCOMPARE(exporter.exportedCount(), 1);
        // Rows end in CRLF; the LF inside the quoted history field is not a row end.
        QCOMPARE(buffer.data().count("\r\n"), 2);
        QVERIFY(buffer.data()
                    .mid(kBom.size() + kHeaderLine.size())
                    .startsWith(karimov.number.toUtf8() + ",Karimov,Alisher,"));
    }

    void streamsOnePageAtATime()
    {
        RegistryGenerator generator(11);
        std::vector<Patient> patients = generator.generate(1234);
        QVERIFY(m_registry->importPatients(patients));

        RecordingDevice device;
        PatientCsvExporter exporter(*m_registry);
        QVERIFY(exporter.write(device, m_registry->browseOrder()));
        QCOMPARE(exporter.exportedCount(), 1234);
        // The header, then one write per page of kPageSize rows: never the whole file at once.
        const int pages = (1234 + PatientCsvExporter::kPageSize - 1) / PatientCsvExporter::kPageSize;
        QCOMPARE(device.writes.size(), 1 + pages);
        QCOMPARE(device.writes[1].count("\r\n"), PatientCsvExporter::kPageSize);
        QCOMPARE(device.writes.back().count("\r\n"), 1234 - (pages - 1) * PatientCsvExporter::kPageSize);

        QSet<QString> numbers;
        for (const Patient &patient : patients)
            numbers.insert(patient.number);
        const QList<QByteArray> lines = device.all().split('\n');
        QSet<QString> exported;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (!lines[i].isEmpty())
                exported.insert(QString::fromUtf8(lines[i].left(lines[i].indexOf(','))));
        }
        QCOMPARE(exported, numbers);
    }

    void deviceFailureIsReported()
    {
        RegistryGenerator generator(3);
        std::vector<Patient> patients = generator.generate(800);
        QVERIFY(m_registry->importPatients(patients));
        FailingDevice device(4096);
        PatientCsvExporter exporter(*m_registry);
        QVERIFY(!exporter.write(device, m_registry->browseOrder()));
        QVERIFY2(exporter.errorString().contains(QStringLiteral("No space left on device")),
                 qPrintable(exporter.errorString()));
    }

    void writeFileReplacesOnlyOnSuccess()
    {
        registered(samplePatient());
        const QString path = m_dir->filePath(QStringLiteral("patients.csv"));
        PatientCsvExporter exporter(*m_registry);
        QVERIFY2(exporter.writeFile(path, m_registry->browseOrder()), qPrintable(exporter.errorString()));
        QCOMPARE(exporter.exportedCount(), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        file.close();
        QVERIFY(written.startsWith(kBom + kHeaderLine));
        QCOMPARE(written.count("\r\n"), 2);

        // A failed export leaves the earlier file as it was, and no temporary beside it.
        m_registry->close();
        QVERIFY(!exporter.writeFile(path, {1}));
        QVERIFY(!exporter.errorString().isEmpty());
        QCOMPARE(exporter.exportedCount(), 0);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), written);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("patients.csv")});

        const QString unwritable = m_dir->filePath(QStringLiteral("missing-folder/patients.csv"));
        QVERIFY(!exporter.writeFile(unwritable, {}));
        QVERIFY2(exporter.errorString().contains(QStringLiteral("missing-folder")),
                 qPrintable(exporter.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestPatientCsvExporter)
#include "tst_patientcsvexporter.moc"
