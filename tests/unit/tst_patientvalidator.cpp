#include "domain/PatientValidator.h"

#include <QTest>

using medora::FieldError;
using medora::FieldErrors;
using medora::Patient;
using medora::PatientValidator;
using medora::Sex;

Q_DECLARE_METATYPE(Patient)

class TestPatientValidator : public QObject
{
    Q_OBJECT

private slots:
    void validPatients_data();
    void validPatients();
    void invalidPatients_data();
    void invalidPatients();
    void everyFieldCanFailAtOnce();
    void ageInYears_data();
    void ageInYears();
    void birthDateFromAge_data();
    void birthDateFromAge();
    void birthDateFromAgeOutOfRange();
};

namespace {

const QDate kToday(2024, 6, 11);

Patient validPatient()
{
    Patient patient;
    patient.lastName = QStringLiteral("Karimov");
    patient.firstName = QStringLiteral("Ali");
    patient.birthDate = QDate(1980, 3, 15);
    patient.sex = Sex::Male;
    return patient;
}

template <typename Change> Patient changed(Change change)
{
    Patient patient = validPatient();
    change(patient);
    return patient;
}

} // namespace

void TestPatientValidator::validPatients_data()
{
    QTest::addColumn<Patient>("patient");

    QTest::newRow("minimal") << validPatient();
    QTest::newRow("unknown birth date") << changed([](Patient &p) { p.birthDate = QDate(); });
    QTest::newRow("female") << changed([](Patient &p) { p.sex = Sex::Female; });
    QTest::newRow("born today") << changed([](Patient &p) { p.birthDate = kToday; });
    QTest::newRow("exactly 130 years ago") << changed([](Patient &p) { p.birthDate = QDate(1894, 6, 11); });
    QTest::newRow("1-char names") << changed([](Patient &p) {
        p.lastName = QStringLiteral("K");
        p.firstName = QStringLiteral("A");
    });
    QTest::newRow("100-char names") << changed([](Patient &p) {
        p.lastName = QString(100, QLatin1Char('k'));
        p.firstName = QString(100, QChar(u'ж'));
        p.fatherName = QString(100, QLatin1Char('o'));
    });
    QTest::newRow("surrounding space not counted") << changed(
        [](Patient &p) { p.lastName = QStringLiteral("  ") + QString(100, QLatin1Char('k')) + "  "; });
    QTest::newRow("cyrillic") << changed([](Patient &p) {
        p.lastName = QStringLiteral("Каримова");
        p.firstName = QStringLiteral("Алёна");
        p.fatherName = QStringLiteral("Ўктамовна");
    });
    QTest::newRow("letter marks and hyphen") << changed([](Patient &p) {
        p.lastName = QStringLiteral("Abdulla-zoda");
        p.firstName = QStringLiteral("Oʻktam G'ulom O‘ O’ O` Oʼ Oʹ");
        p.fatherName = QStringLiteral("Gʻulomovich");
    });
    QTest::newRow("decomposed letter")
        << changed([](Patient &p) { p.firstName = QStringLiteral("Евгении\u0306"); });
    QTest::newRow("letter outside the BMP")
        << changed([](Patient &p) { p.firstName = QStringLiteral("A𝐀"); });
    QTest::newRow("phone E.164") << changed([](Patient &p) { p.phone = QStringLiteral("+998901234567"); });
    QTest::newRow("phone local form")
        << changed([](Patient &p) { p.phone = QStringLiteral("90 123 45 67"); });
    QTest::newRow("free text at 4000") << changed([](Patient &p) {
        const QString text(4000, QLatin1Char('x'));
        p.address = p.allergies = p.medications = p.history = p.notes = text;
    });
}

void TestPatientValidator::validPatients()
{
    QFETCH(Patient, patient);
    const FieldErrors errors = PatientValidator::validate(patient, kToday);
    QVERIFY2(errors.isEmpty(),
             qPrintable(errors.isEmpty() ? QString() : errors.first().field + ": " + errors.first().message));
}

void TestPatientValidator::invalidPatients_data()
{
    QTest::addColumn<Patient>("patient");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QString tooLong(101, QLatin1Char('k'));
    const QString textTooLong(4001, QLatin1Char('x'));

    QTest::newRow("last name missing") << changed([](Patient &p) { p.lastName.clear(); }) << "lastName"
                                       << "Last name is required.";
    QTest::newRow("last name blank") << changed([](Patient &p) { p.lastName = QStringLiteral("   "); })
                                     << "lastName"
                                     << "Last name is required.";
    QTest::newRow("last name 101 chars") << changed([&](Patient &p) { p.lastName = tooLong; }) << "lastName"
                                         << "Last name must be at most 100 characters.";
    QTest::newRow("last name digit") << changed([](Patient &p) { p.lastName = QStringLiteral("Karimov2"); })
                                     << "lastName"
                                     << "Last name may contain only letters, spaces, hyphens and the ʻ mark.";
    QTest::newRow("last name symbol")
        << changed([](Patient &p) { p.lastName = QStringLiteral("Karimov."); }) << "lastName"
        << "Last name may contain only letters, spaces, hyphens and the ʻ mark.";
    QTest::newRow("last name without letters")
        << changed([](Patient &p) { p.lastName = QStringLiteral("-'"); }) << "lastName"
        << "Last name may contain only letters, spaces, hyphens and the ʻ mark.";
    QTest::newRow("first name missing") << changed([](Patient &p) { p.firstName.clear(); }) << "firstName"
                                        << "First name is required.";
    QTest::newRow("first name 101 chars")
        << changed([&](Patient &p) { p.firstName = tooLong; }) << "firstName"
        << "First name must be at most 100 characters.";
    QTest::newRow("first name digit")
        << changed([](Patient &p) { p.firstName = QStringLiteral("Ali1"); }) << "firstName"
        << "First name may contain only letters, spaces, hyphens and the ʻ mark.";
    QTest::newRow("first name comma")
        << changed([](Patient &p) { p.firstName = QStringLiteral("Ali, Vali"); }) << "firstName"
        << "First name may contain only letters, spaces, hyphens and the ʻ mark.";
    QTest::newRow("father's name 101 chars")
        << changed([&](Patient &p) { p.fatherName = tooLong; }) << "fatherName"
        << "Father's name must be at most 100 characters.";
    QTest::newRow("father's name digit")
        << changed([](Patient &p) { p.fatherName = QStringLiteral("Ali2"); }) << "fatherName"
        << "Father's name may contain only letters, spaces, hyphens and the ʻ mark.";
    QTest::newRow("born tomorrow") << changed([](Patient &p) { p.birthDate = kToday.addDays(1); })
                                   << "birthDate"
                                   << "Date of birth cannot be in the future.";
    QTest::newRow("130 years and a day ago")
        << changed([](Patient &p) { p.birthDate = QDate(1894, 6, 10); }) << "birthDate"
        << "Date of birth is more than 130 years ago.";
    QTest::newRow("sex unknown") << changed([](Patient &p) { p.sex = Sex::Unknown; }) << "sex"
                                 << "Sex is required.";
    QTest::newRow("sex out of range") << changed([](Patient &p) { p.sex = static_cast<Sex>(7); }) << "sex"
                                      << "Sex is required.";
    QTest::newRow("phone foreign") << changed([](Patient &p) { p.phone = QStringLiteral("+79123456789"); })
                                   << "phone"
                                   << "Phone number must be an Uzbek number such as +998 90 123 45 67.";
    QTest::newRow("phone too short") << changed([](Patient &p) { p.phone = QStringLiteral("90 123 45 6"); })
                                     << "phone"
                                     << "Phone number must be an Uzbek number such as +998 90 123 45 67.";
    QTest::newRow("address 4001") << changed([&](Patient &p) { p.address = textTooLong; }) << "address"
                                  << "Address must be at most 4000 characters.";
    QTest::newRow("allergies 4001") << changed([&](Patient &p) { p.allergies = textTooLong; }) << "allergies"
                                    << "Allergies must be at most 4000 characters.";
    QTest::newRow("medications 4001")
        << changed([&](Patient &p) { p.medications = textTooLong; }) << "medications"
        << "Current medications must be at most 4000 characters.";
    QTest::newRow("history 4001") << changed([&](Patient &p) { p.history = textTooLong; }) << "history"
                                  << "Medical history must be at most 4000 characters.";
    QTest::newRow("notes 4001") << changed([&](Patient &p) { p.notes = textTooLong; }) << "notes"
                                << "Notes must be at most 4000 characters.";
}

void TestPatientValidator::invalidPatients()
{
    QFETCH(Patient, patient);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const FieldErrors errors = PatientValidator::validate(patient, kToday);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, field);
    QCOMPARE(errors.first().message, message);
}

void TestPatientValidator::everyFieldCanFailAtOnce()
{
    Patient patient;
    patient.fatherName = QStringLiteral("1");
    patient.birthDate = kToday.addYears(1);
    patient.phone = QStringLiteral("abc");
    const QString text(4001, QLatin1Char('x'));
    patient.address = patient.allergies = patient.medications = patient.history = patient.notes = text;

    QStringList fields;
    for (const FieldError &error : PatientValidator::validate(patient, kToday))
        fields.append(error.field);
    QCOMPARE(fields, (QStringList{"lastName", "firstName", "fatherName", "birthDate", "sex", "phone",
                                  "address", "allergies", "medications", "history", "notes"}));
}

void TestPatientValidator::ageInYears_data()
{
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<int>("age");

    QTest::newRow("day before birthday") << QDate(1980, 3, 15) << QDate(2024, 3, 14) << 43;
    QTest::newRow("on birthday") << QDate(1980, 3, 15) << QDate(2024, 3, 15) << 44;
    QTest::newRow("day after birthday") << QDate(1980, 3, 15) << QDate(2024, 3, 16) << 44;
    QTest::newRow("newborn") << QDate(2024, 6, 11) << QDate(2024, 6, 11) << 0;
    QTest::newRow("end of first year") << QDate(2023, 6, 12) << QDate(2024, 6, 11) << 0;
    QTest::newRow("first birthday") << QDate(2023, 6, 11) << QDate(2024, 6, 11) << 1;
    QTest::newRow("29 Feb, 27 Feb common year") << QDate(2000, 2, 29) << QDate(2023, 2, 27) << 22;
    QTest::newRow("29 Feb, 28 Feb common year") << QDate(2000, 2, 29) << QDate(2023, 2, 28) << 23;
    QTest::newRow("29 Feb, 28 Feb leap year") << QDate(2000, 2, 29) << QDate(2024, 2, 28) << 23;
    QTest::newRow("29 Feb, 29 Feb leap year") << QDate(2000, 2, 29) << QDate(2024, 2, 29) << 24;
    QTest::newRow("29 Feb, 1 Mar common year") << QDate(2000, 2, 29) << QDate(2023, 3, 1) << 23;
    QTest::newRow("born 1 Mar, today 29 Feb") << QDate(2000, 3, 1) << QDate(2024, 2, 29) << 23;
    QTest::newRow("year end") << QDate(1999, 12, 31) << QDate(2024, 1, 1) << 24;
    QTest::newRow("born in the future") << QDate(2025, 1, 1) << QDate(2024, 6, 11) << -1;
    QTest::newRow("unknown birth date") << QDate() << QDate(2024, 6, 11) << -1;
}

void TestPatientValidator::ageInYears()
{
    QFETCH(QDate, birth);
    QFETCH(QDate, today);
    QFETCH(int, age);
    QCOMPARE(PatientValidator::ageInYears(birth, today), age);
}

void TestPatientValidator::birthDateFromAge_data()
{
    QTest::addColumn<int>("years");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QDate>("birth");

    QTest::newRow("before July") << 30 << QDate(2024, 6, 11) << QDate(1993, 7, 1);
    QTest::newRow("30 June") << 30 << QDate(2024, 6, 30) << QDate(1993, 7, 1);
    QTest::newRow("1 July") << 30 << QDate(2024, 7, 1) << QDate(1994, 7, 1);
    QTest::newRow("after July") << 30 << QDate(2024, 11, 20) << QDate(1994, 7, 1);
    QTest::newRow("newborn before July") << 0 << QDate(2024, 6, 11) << QDate(2023, 7, 1);
    QTest::newRow("newborn after July") << 0 << QDate(2024, 8, 1) << QDate(2024, 7, 1);
    // At 130, 1 July lies beyond the validation limit on every day but 1 July itself.
    QTest::newRow("130 on 1 July") << 130 << QDate(2024, 7, 1) << QDate(1894, 7, 1);
    QTest::newRow("130 after July, clamped") << 130 << QDate(2024, 8, 1) << QDate(1894, 8, 1);
    QTest::newRow("130 before July, clamped") << 130 << QDate(2024, 6, 11) << QDate(1894, 6, 11);
}

void TestPatientValidator::birthDateFromAge()
{
    QFETCH(int, years);
    QFETCH(QDate, today);
    QFETCH(QDate, birth);
    QCOMPARE(PatientValidator::birthDateFromAge(years, today), birth);
}

void TestPatientValidator::birthDateFromAgeOutOfRange()
{
    QVERIFY(!PatientValidator::birthDateFromAge(-1, kToday).isValid());
    QVERIFY(!PatientValidator::birthDateFromAge(131, kToday).isValid());
    // Every estimate gives back the age it came from and passes validation, on every day
    // of a leap year.
    for (QDate today(2024, 1, 1); today.year() == 2024; today = today.addDays(1)) {
        for (int years = 0; years <= 130; ++years) {
            const QDate birth = PatientValidator::birthDateFromAge(years, today);
            QCOMPARE(PatientValidator::ageInYears(birth, today), years);
            Patient patient = validPatient();
            patient.birthDate = birth;
            QVERIFY(PatientValidator::validate(patient, today).isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(TestPatientValidator)
#include "tst_patientvalidator.moc"
