#include "RegistryGenerator.h"
#include "domain/PatientValidator.h"
#include "registry/PatientCsvExporter.h"
#include "registry/PatientCsvImporter.h"
#include "registry/PatientRegistry.h"

#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace medora;

namespace {

const QDate kToday(2024, 3, 15);
const QByteArray
    kHeader("number,last_name,first_name,father_name,birth_date,birth_date_estimated,sex,phone,address,"
            "notes,age");

// A sequential device that endlessly serves `prefix` followed by `filler`: a stream
// without a size, as stdin is.
class EndlessDevice : public QIODevice
{
public:
    EndlessDevice(QByteArray prefix, char filler) : m_prefix(std::move(prefix)), m_filler(filler)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 served() const { return m_served; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 fromPrefix = std::clamp<qint64>(m_prefix.size() - m_served, 0, maxSize);
        if (fromPrefix > 0)
            std::memcpy(data, m_prefix.constData() + m_served, size_t(fromPrefix));
        std::memset(data + fromPrefix, m_filler, size_t(maxSize - fromPrefix));
        m_served += maxSize;
        return maxSize;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_prefix;
    char m_filler;
    qint64 m_served = 0;
};

Patient findByLastName(PatientRegistry &registry, const QString &lastName)
{
    for (const Patient &patient : registry.patients(registry.browseOrder())) {
        if (patient.lastName == lastName)
            return patient;
    }
    return Patient();
}

QStringList errorTexts(const PatientCsvImporter &importer)
{
    QStringList texts;
    for (const PatientCsvImporter::Error &error : importer.errors())
        texts << error.text();
    return texts;
}

} // namespace

class TestPatientCsvImporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;

    PatientCsvImporter::Outcome importBytes(PatientCsvImporter &importer, const QByteArray &csv,
                                            PatientCsvImporter::Mode mode = PatientCsvImporter::Mode::Import)
    {
        QBuffer buffer;
        buffer.setData(csv);
        buffer.open(QIODevice::ReadOnly);
        return importer.importFrom(buffer, mode);
    }

    PatientCsvImporter makeImporter(PatientRegistry &registry)
    {
        PatientCsvImporter importer(registry);
        importer.setToday(kToday);
        return importer;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_registry = std::make_unique<PatientRegistry>();
        QVERIFY2(m_registry->open(m_dir->filePath(QStringLiteral("data"))),
                 qPrintable(m_registry->lastError().message));
    }

    void cleanup()
    {
        m_registry.reset();
        m_dir.reset();
    }

    void quotedFieldsFollowRfc4180()
    {
        const QByteArray csv =
            "last_name,first_name,sex,address,notes\r\n"
            "Karimov,Alisher,m,\"Toshkent, Chilonzor 5\",\"He said \"\"hello\"\"\r\nand left\"\r\n"
            "Rahimova,Dilnoza,f,\"line one\nline two\",plain\r\n"
            "Aliyev,Bobur,m,,\"a;b,c\"\"\"";
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::Imported);
        QVERIFY2(importer.errors().isEmpty(), qPrintable(errorTexts(importer).join(QLatin1Char('\n'))));
        QCOMPARE(importer.rowCount(), 3);
        QCOMPARE(m_registry->patientCount(), 3);

        const Patient karimov = findByLastName(*m_registry, QStringLiteral("Karimov"));
        QCOMPARE(karimov.address, QStringLiteral("Toshkent, Chilonzor 5"));
        QCOMPARE(karimov.notes, QStringLiteral("He said \"hello\"\r\nand left"));
        const Patient rahimova = findByLastName(*m_registry, QStringLiteral("Rahimova"));
        QCOMPARE(rahimova.address, QStringLiteral("line one\nline two"));
        QCOMPARE(rahimova.notes, QStringLiteral("plain"));
        QCOMPARE(rahimova.sex, Sex::Female);
        const Patient aliyev = findByLastName(*m_registry, QStringLiteral("Aliyev"));
        QCOMPARE(aliyev.address, QString());
        QCOMPARE(aliyev.notes, QStringLiteral("a;b,c\""));
    }

    void lineEndingsAndLineNumbers_data()
    {
        QTest::addColumn<QByteArray>("lineEnd");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
    }

    void lineEndingsAndLineNumbers()
    {
        QFETCH(QByteArray, lineEnd);
        // The second record spans two lines, so the bad fourth record starts on line 6.
        const QByteArray csv = "last_name,first_name,sex,notes" + lineEnd + "Karimov,Alisher,m,x" + lineEnd +
                               "Rahimova,Dilnoza,f,\"two" + lineEnd + "lines\"" + lineEnd +
                               "Aliyev,Bobur,m," + lineEnd + "Bad,Row,q," + lineEnd;
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv, PatientCsvImporter::Mode::DryRun),
                 PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 1);
        QCOMPARE(importer.errors().front().line, 6);
        QCOMPARE(importer.errors().front().column, QStringLiteral("sex"));
        QCOMPARE(importer.rowCount(), 3);

        // The same file without the bad row imports, and the line break inside the quoted
        // field is kept as written.
        const QByteArray good = csv.left(csv.indexOf("Bad,Row"));
        QCOMPARE(importBytes(importer, good), PatientCsvImporter::Outcome::Imported);
        QCOMPARE(m_registry->patientCount(), 3);
        QCOMPARE(findByLastName(*m_registry, QStringLiteral("Rahimova")).notes,
                 QStringLiteral("two") + QString::fromLatin1(lineEnd) + QStringLiteral("lines"));
    }

    void semicolonDelimiterFromHeader()
    {
        const QByteArray csv = "Last_Name;First_Name;Sex;Address;Phone\r\n"
                               "Karimov;Alisher;m;Toshkent, Yunusobod 7;+998 90 123 45 67\r\n"
                               "Rahimova;Dilnoza;f;\"Samarqand; Registon\";\r\n";
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::Imported);
        QCOMPARE(m_registry->patientCount(), 2);
        const Patient karimov = findByLastName(*m_registry, QStringLiteral("Karimov"));
        QCOMPARE(karimov.address, QStringLiteral("Toshkent, Yunusobod 7"));
        QCOMPARE(karimov.phone, QStringLiteral("+998901234567"));
        QCOMPARE(findByLastName(*m_registry, QStringLiteral("Rahimova")).address,
                 QStringLiteral("Samarqand; Registon"));
    }

    void byteOrderMarkIsOptional_data()
    {
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("with BOM") << QByteArray("\xEF\xBB\xBF");
        QTest::newRow("without BOM") << QByteArray();
    }

    void byteOrderMarkIsOptional()
    {
        QFETCH(QByteArray, start);
        const QByteArray csv = start + "last_name,first_name,sex\nКаримов,Алишер,м\nOʻktamov,Gʻulom,erkak\n";
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::Imported);
        QCOMPARE(m_registry->patientCount(), 2);
        QCOMPARE(findByLastName(*m_registry, QStringLiteral("Каримов")).firstName, QStringLiteral("Алишер"));
        QCOMPARE(findByLastName(*m_registry, QStringLiteral("Oʻktamov")).firstName, QStringLiteral("Gʻulom"));
    }

    void invalidUtf8IsReportedWithLineAndColumn()
    {
        // "Петров" as Windows-1251 bytes, the encoding old Excel uses for "CSV".
        const QByteArray cp1251Name("\xCF\xE5\xF2\xF0\xEE\xE2");
        const QByteArray csv = "last_name,first_name,sex,notes\n"
                               "Karimov,Alisher,m,\"first\nsecond\"\n"
                               "Ivanov," +
                               cp1251Name + ",m,\n" + "\xD0\x9F\xD0,Anna,f,\n";
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 2);
        QCOMPARE(importer.errors()[0].line, 4);
        QCOMPARE(importer.errors()[0].column, QStringLiteral("first_name"));
        QVERIFY(importer.errors()[0].message.contains(QStringLiteral("UTF-8")));
        QVERIFY(importer.errors()[0].text().startsWith(QStringLiteral("line 4, column first_name: ")));
        // A multi-byte sequence cut short at the end of a field.
        QCOMPARE(importer.errors()[1].line, 5);
        QCOMPARE(importer.errors()[1].column, QStringLiteral("last_name"));
        QCOMPARE(m_registry->patientCount(), 0);
    }

    void invalidUtf8InTheHeader()
    {
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, "last_name,first_name,sex,\xCE\xEC\xE0\n"),
                 PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 1);
        QCOMPARE(importer.errors()[0].line, 1);
        QCOMPARE(importer.errors()[0].column, QStringLiteral("#4"));
        QVERIFY(importer.errors()[0].message.contains(QStringLiteral("UTF-8")));
    }

    void utf16IsRefused()
    {
        const QString text = QStringLiteral("last_name,first_name,sex\nKarimov,Alisher,m\n");
        QByteArray utf16("\xFF\xFE");
        utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, utf16), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 1);
        QCOMPARE(importer.errors()[0].line, 0);
        QVERIFY(importer.errors()[0].message.contains(QStringLiteral("UTF-16")));
        QCOMPARE(m_registry->patientCount(), 0);
    }

    void fieldErrorsNameLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("message");

        const auto row = [](const char *number, const char *last, const char *first, const char *father,
                            const char *birth, const char *estimated, const char *sex, const char *phone,
                            const char *notes, const char *age) {
            return QByteArray(number) + ',' + last + ',' + first + ',' + father + ',' + birth + ',' +
                   estimated + ',' + sex + ',' + phone + ",Toshkent," + notes + ',' + age;
        };
        const QByteArray longNotes(4001, 'x');
        QTest::newRow("last name") << row("", "Karimov1", "Ali", "", "", "", "m", "", "", "") << "last_name"
                                   << "Last name may contain only letters, spaces, hyphens and the ʻ mark.";
        QTest::newRow("first name missing")
            << row("", "Karimov", " ", "", "", "", "m", "", "", "") << "first_name"
            << "First name is required.";
        QTest::newRow("father's name")
            << row("", "Karimov", "Ali", "X@Y", "", "", "m", "", "", "") << "father_name"
            << "Father's name may contain only letters, spaces, hyphens and the ʻ mark.";
        QTest::newRow("no such date")
            << row("", "Karimov", "Ali", "", "31.02.1990", "", "m", "", "", "") << "birth_date"
            << "\"31.02.1990\" is not a date; write it as YYYY-MM-DD or DD.MM.YYYY.";
        QTest::newRow("future date") << row("", "Karimov", "Ali", "", "2024-03-16", "", "m", "", "", "")
                                     << "birth_date"
                                     << "Date of birth cannot be in the future.";
        QTest::newRow("estimated flag")
            << row("", "Karimov", "Ali", "", "1980-01-01", "maybe", "m", "", "", "") << "birth_date_estimated"
            << "\"maybe\" is neither yes nor no; write 1 or 0.";
        QTest::newRow("unknown sex")
            << row("", "Karimov", "Ali", "", "", "", "x", "", "", "") << "sex"
            << "\"x\" is not a sex; write m or f (also male/female, erkak/ayol, м/ж, "
               "муж/жен).";
        QTest::newRow("sex missing") << row("", "Karimov", "Ali", "", "", "", "", "", "", "") << "sex"
                                     << "Sex is required.";
        QTest::newRow("phone") << row("", "Karimov", "Ali", "", "", "", "m", "12345", "", "") << "phone"
                               << "Phone number must be an Uzbek number such as +998 90 123 45 67.";
        QTest::newRow("notes too long")
            << row("", "Karimov", "Ali", "", "", "", "m", "", longNotes.constData(), "") << "notes"
            << "Notes must be at most 4000 characters.";
        QTest::newRow("number") << row("123", "Karimov", "Ali", "", "", "", "m", "", "", "") << "number"
                                << "\"123\" is not a patient number such as KQX-00042.";
        QTest::newRow("age not a number")
            << row("", "Karimov", "Ali", "", "", "", "m", "", "", "forty") << "age"
            << "\"forty\" is not an age; write whole years from 0 to 130.";
        QTest::newRow("age too high") << row("", "Karimov", "Ali", "", "", "", "m", "", "", "131") << "age"
                                      << "\"131\" is not an age; write whole years from 0 to 130.";
        QTest::newRow("negative age") << row("", "Karimov", "Ali", "", "", "", "m", "", "", "-3") << "age"
                                      << "\"-3\" is not an age; write whole years from 0 to 130.";
        QTest::newRow("age and date")
            << row("", "Karimov", "Ali", "", "1980-01-01", "", "m", "", "", "44") << "age"
            << "Give either a date of birth or an age, not both.";
    }

    void fieldErrorsNameLineAndColumn()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, column);
        QFETCH(QString, message);
        const QByteArray good("KQX-00001,Rahimov,Bobur,Aliyevich,1980-05-01,0,m,90 123 45 67,Toshkent,ok,");
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, kHeader + '\n' + good + '\n' + row + '\n'),
                 PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(errorTexts(importer),
                 QStringList{QStringLiteral("line 3, column %1: %2").arg(column, message)});
        QCOMPARE(importer.errors().front().line, 3);
        QCOMPARE(importer.errors().front().column, column);
        QCOMPARE(importer.errors().front().message, message);
        QCOMPARE(m_registry->patientCount(), 0);
    }

    void errorsNameTheLineTheirFieldStartsOn()
    {
        const QByteArray csv = "last_name,first_name,sex,address,phone,notes\n"
                               "Karimov,Ali,m,\"Toshkent,\nChilonzor\n5\",123,\"" +
                               QByteArray(4001, 'x') + "\"\n";
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 2);
        QCOMPARE(importer.errors()[0].line, 4);
        QCOMPARE(importer.errors()[0].column, QStringLiteral("phone"));
        QCOMPARE(importer.errors()[1].line, 4);
        QCOMPARE(importer.errors()[1].column, QStringLiteral("notes"));
    }

    void everyErrorOfARowIsListed()
    {
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, kHeader + "\n,Karimov1,,,tomorrow,,q,555,,,\n"),
                 PatientCsvImporter::Outcome::InvalidInput);
        QStringList columns;
        for (const PatientCsvImporter::Error &error : importer.errors())
            columns << error.column;
        columns.sort();
        QCOMPARE(columns,
                 (QStringList{QStringLiteral("birth_date"), QStringLiteral("first_name"),
                              QStringLiteral("last_name"), QStringLiteral("phone"), QStringLiteral("sex")}));
    }

    void headerErrors()
    {
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, "last_name,first_name,email,First_Name\nKarimov,Ali,a@b.uz,Ali\n"),
                 PatientCsvImporter::Outcome::InvalidInput);
        const QList<PatientCsvImporter::Error> errors = importer.errors();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors[0].line, 1);
        QCOMPARE(errors[0].column, QStringLiteral("email"));
        QVERIFY(errors[0].message.startsWith(QStringLiteral("Unknown column.")));
        QVERIFY(errors[0].message.contains(QStringLiteral("birth_date_estimated")));
        QCOMPARE(errors[1].column, QStringLiteral("First_Name"));
        QCOMPARE(errors[1].message, QStringLiteral("This column appears more than once in the header."));
        QCOMPARE(errors[2].column, QStringLiteral("sex"));
        QCOMPARE(errors[2].message, QStringLiteral("This column is required but missing from the header."));
        QCOMPARE(importer.rowCount(), 0);
    }

    void malformedQuoting_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("expected");
        const QString inside = QStringLiteral("A quote (\") inside a field that does not start with one. Put "
                                              "the whole field in quotes and write every "
                                              "quote inside it twice (\"\").");
        const QString after = QStringLiteral("Text follows the closing quote of this field. Write every "
                                             "quote inside a quoted field twice (\"\").");
        const QString unclosed =
            QStringLiteral("A quoted field starts here but its closing quote is missing.");

        QTest::newRow("quote inside unquoted field")
            << QByteArray("last_name,first_name,sex\nKar\"imov,Ali,m\nRahimov,Bobur,q\n")
            << QStringList{
                   QStringLiteral("line 2, column last_name: ") + inside,
                   QStringLiteral("line 3, column sex: \"q\" is not a sex; write m or f (also male/female, "
                                  "erkak/ayol, м/ж, муж/жен).")};
        QTest::newRow("text after closing quote")
            << QByteArray("last_name,first_name,sex\nKarimov,\"Ali\"x,m\nRahimov,Bobur,m\n")
            << QStringList{QStringLiteral("line 2, column first_name: ") + after};
        QTest::newRow("closing quote missing")
            << QByteArray(
                   "last_name,first_name,sex,notes\nKarimov,Ali,m,ok\nRahimov,Bobur,m,\"open\nand on\n")
            << QStringList{QStringLiteral("line 3, column notes: ") + unclosed};
    }

    void malformedQuoting()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, expected);
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(errorTexts(importer), expected);
        QCOMPARE(m_registry->patientCount(), 0);
    }

    void fieldCountMustMatchTheHeader()
    {
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, "last_name,first_name,sex\nKarimov,Ali\nRahimov,Bobur,m,extra\n"),
                 PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(errorTexts(importer),
                 (QStringList{QStringLiteral("line 2: The row has 2 fields but the header has 3."),
                              QStringLiteral("line 3: The row has 4 fields but the header has 3.")}));

        // Empty cells a spreadsheet appends, empty rows and blank lines are not data.
        QCOMPARE(
            importBytes(importer, "last_name;first_name;sex;\n\nKarimov;Ali;m;;\n;;;\nRahimov;Bobur;m;\n\n"),
            PatientCsvImporter::Outcome::Imported);
        QCOMPARE(importer.rowCount(), 2);
        QCOMPARE(m_registry->patientCount(), 2);

        QCOMPARE(importBytes(importer, "last_name;first_name;sex;\nAliyev;Ali;m;stray\n"),
                 PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(errorTexts(importer),
                 QStringList{QStringLiteral(
                     "line 2, column #4: A value in a column that has no name in the header.")});
    }

    void rowLongerThanTheLimitIsRefused()
    {
        const QByteArray huge(int(PatientCsvImporter::kMaxRowBytes), 'x');
        const QByteArray csv = "last_name,first_name,sex,notes\nKarimov,Ali,m,\"" + huge +
                               "\"\nRahimov,Bobur,m,short\nAliyev,Vali,q,\n";
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 2);
        QCOMPARE(importer.errors()[0].text(),
                 QStringLiteral("line 2: The row is longer than 64 KB; no field can be that long."));
        // Parsing stayed in step after the long row.
        QCOMPARE(importer.errors()[1].line, 4);
        QCOMPARE(importer.errors()[1].column, QStringLiteral("sex"));
        QCOMPARE(m_registry->patientCount(), 0);
    }

    void fileLargerThanTheLimitIsRefusedUnread()
    {
        const QString path = m_dir->filePath(QStringLiteral("huge.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.write("last_name,first_name,sex\n") > 0);
            // Sparse: the size is what counts, no 200 MB are written.
            QVERIFY(file.resize(PatientCsvImporter::kMaxFileBytes + 1));
        }
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importer.importFile(path), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 1);
        QCOMPARE(importer.errors()[0].line, 0);
        QVERIFY(importer.errors()[0].message.contains(QStringLiteral("larger than 200 MB")));
    }

    void streamLargerThanTheLimitIsCutOff()
    {
        // One endless quoted field: a stream has no size to check up front.
        EndlessDevice stream("last_name,first_name,sex,notes\nKarimov,Ali,m,\"", 'x');
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importer.importFrom(stream), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 1);
        QVERIFY(importer.errors()[0].message.contains(QStringLiteral("larger than 200 MB")));
        QVERIFY(stream.served() > PatientCsvImporter::kMaxFileBytes);
        QVERIFY(stream.served() < PatientCsvImporter::kMaxFileBytes + 1024 * 1024);
    }

    void oneBadRowAmongHundredWritesNothing()
    {
        Patient existing;
        existing.lastName = QStringLiteral("Oldinov");
        existing.firstName = QStringLiteral("Bor");
        existing.sex = Sex::Male;
        QVERIFY(m_registry->registerPatient(existing));

        QByteArray csv = "last_name,first_name,sex,birth_date\n";
        for (int i = 1; i <= 100; ++i) {
            const QByteArray sex = i == 57 ? "unknown" : (i % 2 ? "m" : "f");
            csv += "Importov,Row" + QByteArray(1, char('A' + i % 26)) + ',' + sex + ",1980-01-01\n";
        }
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 1);
        QCOMPARE(importer.errors()[0].line, 58);
        QCOMPARE(importer.rowCount(), 99);
        QCOMPARE(m_registry->patientCount(), 1);
        QVERIFY(m_registry->search(QStringLiteral("Importov")).empty());

        csv.replace("unknown", "f");
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::Imported);
        QCOMPARE(m_registry->patientCount(), 101);
        QCOMPARE(m_registry->search(QStringLiteral("Importov"), 1000).size(), size_t(100));
    }

    void dryRunWritesNothing()
    {
        PatientCsvImporter importer = makeImporter(*m_registry);
        const QByteArray csv = "last_name,first_name,sex\nKarimov,Ali,m\nRahimova,Dilnoza,f\n";
        QCOMPARE(importBytes(importer, csv, PatientCsvImporter::Mode::DryRun),
                 PatientCsvImporter::Outcome::Valid);
        QCOMPARE(importer.rowCount(), 2);
        QCOMPARE(m_registry->patientCount(), 0);
        QCOMPARE(m_registry->store().count(), 0);
        QVERIFY(m_registry->search(QStringLiteral("Karimov")).empty());
    }

    void ageColumnGivesAnEstimatedBirthDate()
    {
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(
            importBytes(importer,
                        "last_name,first_name,sex,age\nKarimov,Ali,m,40\nChaqaloq,Oy,f,0\nYoshsiz,Ali,m,\n"),
            PatientCsvImporter::Outcome::Imported);
        const Patient karimov = findByLastName(*m_registry, QStringLiteral("Karimov"));
        QCOMPARE(karimov.birthDate, PatientValidator::birthDateFromAge(40, kToday));
        QCOMPARE(karimov.birthDate, QDate(1983, 7, 1));
        QVERIFY(karimov.birthDateEstimated);
        QCOMPARE(PatientValidator::ageInYears(karimov.birthDate, kToday), 40);
        const Patient baby = findByLastName(*m_registry, QStringLiteral("Chaqaloq"));
        QCOMPARE(PatientValidator::ageInYears(baby.birthDate, kToday), 0);
        QVERIFY(baby.birthDateEstimated);
        const Patient unknown = findByLastName(*m_registry, QStringLiteral("Yoshsiz"));
        QVERIFY(!unknown.birthDate.isValid());
        QVERIFY(!unknown.birthDateEstimated);
    }

    void dateFormats_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QDate>("date");
        QTest::newRow("ISO") << QByteArray("1985-03-02") << QDate(1985, 3, 2);
        QTest::newRow("ISO without zeros") << QByteArray("1985-3-2") << QDate(1985, 3, 2);
        QTest::newRow("dotted") << QByteArray("02.03.1985") << QDate(1985, 3, 2);
        QTest::newRow("dotted without zeros") << QByteArray("2.3.1985") << QDate(1985, 3, 2);
        QTest::newRow("29 February") << QByteArray("29.02.2000") << QDate(2000, 2, 29);
    }

    void dateFormats()
    {
        QFETCH(QByteArray, text);
        QFETCH(QDate, date);
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(
            importBytes(importer, "last_name,first_name,sex,birth_date,birth_date_estimated\nKarimov,Ali,m," +
                                      text + ",yes\n"),
            PatientCsvImporter::Outcome::Imported);
        const Patient patient = findByLastName(*m_registry, QStringLiteral("Karimov"));
        QCOMPARE(patient.birthDate, date);
        QVERIFY(patient.birthDateEstimated);
    }

    void sexInThreeLanguages_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("sex");
        for (const char *word : {"m", "M", "male", "Male", "erkak", "ERKAK", "м", "М", "муж", "Муж", " m "})
            QTest::newRow(word) << QString::fromUtf8(word) << int(Sex::Male);
        for (const char *word : {"f", "F", "female", "ayol", "Ayol", "ж", "Ж", "жен", "ЖЕН"})
            QTest::newRow(word) << QString::fromUtf8(word) << int(Sex::Female);
    }

    void sexInThreeLanguages()
    {
        QFETCH(QString, word);
        QFETCH(int, sex);
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, "last_name,first_name,sex\nKarimov,Ali," + word.toUtf8() + '\n'),
                 PatientCsvImporter::Outcome::Imported);
        QCOMPARE(int(findByLastName(*m_registry, QStringLiteral("Karimov")).sex), sex);
    }

    void patientNumbersMustBeNew()
    {
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, "number,last_name,first_name,sex\nkqx-00042,Karimov,Ali,m\n"),
                 PatientCsvImporter::Outcome::Imported);
        QCOMPARE(findByLastName(*m_registry, QStringLiteral("Karimov")).number, QStringLiteral("KQX-00042"));

        QCOMPARE(importBytes(importer, "number,last_name,first_name,sex\n"
                                       "KQX-00043,Rahimov,Ali,m\n"
                                       "KQX-00042,Aliyev,Ali,m\n"
                                       "KQX-00043,Valiyev,Ali,m\n"),
                 PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(
            errorTexts(importer),
            (QStringList{
                QStringLiteral(
                    "line 3, column number: A patient with the number KQX-00042 is already in the registry."),
                QStringLiteral("line 4, column number: The patient number KQX-00043 is also on line 2.")}));
        QCOMPARE(m_registry->patientCount(), 1);
    }

    void errorListIsCapped()
    {
        QByteArray csv = "last_name,first_name,sex\n";
        for (int i = 0; i < 150; ++i)
            csv += "Karimov,Ali,?\n";
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, csv), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 150);
        QCOMPARE(importer.errors().size(), PatientCsvImporter::kMaxListedErrors);
        const QStringList report = importer.errorReport();
        QCOMPARE(report.size(), 101);
        QVERIFY(report.front().startsWith(QStringLiteral("line 2, column sex: ")));
        QVERIFY(report[99].startsWith(QStringLiteral("line 101, column sex: ")));
        QCOMPARE(report.back(), QStringLiteral("… and 50 more error(s)."));
    }

    void emptyAndHeaderOnlyFiles()
    {
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, ""), PatientCsvImporter::Outcome::InvalidInput);
        QVERIFY(importer.errors()[0].message.startsWith(QStringLiteral("The file is empty.")));
        QCOMPARE(importBytes(importer, "\xEF\xBB\xBF\r\n\r\n"), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importBytes(importer, "last_name,first_name,sex\r\n"),
                 PatientCsvImporter::Outcome::Imported);
        QCOMPARE(importer.rowCount(), 0);
        QCOMPARE(m_registry->patientCount(), 0);
    }

    void missingFileIsReported()
    {
        PatientCsvImporter importer = makeImporter(*m_registry);
        const QString path = m_dir->filePath(QStringLiteral("absent.csv"));
        QCOMPARE(importer.importFile(path), PatientCsvImporter::Outcome::InvalidInput);
        QCOMPARE(importer.errorCount(), 1);
        QVERIFY(importer.errors()[0].message.contains(QStringLiteral("absent.csv")));
    }

    void closedRegistryIsAStoreFailure()
    {
        m_registry->close();
        PatientCsvImporter importer = makeImporter(*m_registry);
        QCOMPARE(importBytes(importer, "last_name,first_name,sex\nKarimov,Ali,m\n"),
                 PatientCsvImporter::Outcome::StoreFailed);
        QVERIFY(!importer.storeError().ok());
        QVERIFY(!importer.storeError().message.isEmpty());
    }

    void cyrillicAndLetterMarkRoundTripExactly()
    {
        std::vector<Patient> originals;
        const auto add = [&](const char *last, const char *first, const char *father, QDate birth,
                             bool estimated, Sex sex, const char *phone, const char *address,
                             const char *notes) {
            Patient patient;
            patient.lastName = QString::fromUtf8(last);
            patient.firstName = QString::fromUtf8(first);
            patient.fatherName = QString::fromUtf8(father);
            patient.birthDate = birth;
            patient.birthDateEstimated = estimated;
            patient.sex = sex;
            patient.phone = QString::fromUtf8(phone);
            patient.address = QString::fromUtf8(address);
            patient.allergies = QStringLiteral("пенициллин, аспирин; \"йод\"");
            patient.medications = QStringLiteral("metformin 500 mg\nx2");
            patient.history = QStringLiteral("  qandli diabet  ");
            patient.notes = QString::fromUtf8(notes);
            originals.push_back(patient);
        };
        add("Каримов", "Алишер", "Баходирович", QDate(1985, 3, 12), false, Sex::Male, "90 123 45 67",
            "Тошкент, Чилонзор 5", "первый визит\r\nжалобы: \"боль\"");
        add("Oʻktamova", "Gʻulnora", "Ne'matovna", QDate(1990, 7, 1), true, Sex::Female, "+998 71 234-56-78",
            "Fargʻona; Qoʻqon", "");
        add("Ёқубов", "Ўткир", "", QDate(), false, Sex::Male, "", "", "=SUM(A1)");
        add("O'ktamov", "G‘ulom", "Shavkat oʻgʻli", QDate(2024, 2, 29), false, Sex::Male, "", "", "a,b;c\nd");
        RegistryGenerator generator(7);
        for (Patient &patient : generator.generate(200))
            originals.push_back(patient);

        for (Patient &patient : originals) {
            FieldErrors errors;
            QVERIFY2(m_registry->registerPatient(patient, &errors),
                     qPrintable(errors.isEmpty() ? m_registry->lastError().message : errors.front().message));
        }

        const QString csvPath = m_dir->filePath(QStringLiteral("export.csv"));
        PatientCsvExporter exporter(*m_registry);
        QVERIFY2(exporter.writeFile(csvPath, m_registry->browseOrder()), qPrintable(exporter.errorString()));
        QCOMPARE(exporter.exportedCount(), qint64(originals.size()));

        QTemporaryDir freshDir;
        PatientRegistry fresh;
        QVERIFY(fresh.open(freshDir.path()));
        PatientCsvImporter importer(fresh); // judged against the real today, like the registration
        QCOMPARE(importer.importFile(csvPath), PatientCsvImporter::Outcome::Imported);
        QVERIFY2(importer.errors().isEmpty(), qPrintable(errorTexts(importer).join(QLatin1Char('\n'))));
        QCOMPARE(fresh.patientCount(), qint64(originals.size()));

        QHash<QString, Patient> imported;
        for (const Patient &patient : fresh.patients(fresh.browseOrder()))
            imported.insert(patient.number, patient);
        for (const Patient &original : originals) {
            QVERIFY2(imported.contains(original.number), qPrintable(original.number));
            const Patient &copy = imported.value(original.number);
            QCOMPARE(copy.lastName, original.lastName);
            QCOMPARE(copy.firstName, original.firstName);
            QCOMPARE(copy.fatherName, original.fatherName);
            QCOMPARE(copy.birthDate, original.birthDate);
            QCOMPARE(copy.birthDateEstimated, original.birthDateEstimated);
            QCOMPARE(copy.sex, original.sex);
            QCOMPARE(copy.phone, original.phone);
            QCOMPARE(copy.address, original.address);
            QCOMPARE(copy.allergies, original.allergies);
            QCOMPARE(copy.medications, original.medications);
            QCOMPARE(copy.history, original.history);
            QCOMPARE(copy.notes, original.notes);
        }
        // Spot checks against the literal text, not only against what the registry kept.
        QVERIFY(imported.value(originals[0].number).lastName == QStringLiteral("Каримов"));
        QVERIFY(imported.value(originals[1].number).firstName == QStringLiteral("Gʻulnora"));
        QVERIFY(imported.value(originals[0].number).notes ==
                QStringLiteral("первый визит\r\nжалобы: \"боль\""));
        QVERIFY(!fresh.search(QStringLiteral("Karimov")).empty());
    }
};

QTEST_GUILESS_MAIN(TestPatientCsvImporter)
#include "tst_patientcsvimporter.moc"
