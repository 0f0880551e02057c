#include "domain/EntityJson.h"

#include "domain/NameNormalizer.h"
#include "domain/PatientValidator.h"
#include "domain/PhoneNumber.h"

#include <QJsonArray>
#include <QJsonValue>

#include <array>
#include <cmath>
#include <utility>

namespace medora {

namespace {

constexpr int kMaxNoteText = 500; // visit and payment remarks
constexpr qint64 kMaxAmount = 1000000000000LL;
constexpr qint64 kMaxTicket = 1000000;
constexpr qint64 kMaxQueuePosition = 1000000;
constexpr qint64 kMsPerDay = 86400000;
constexpr qint64 kUnixEpochJulianDay = 2440588;
// Unknown keys are named in the error; a hostile key must not make the field name huge.
constexpr qsizetype kMaxKeyInFieldName = 40;
// Plausible birth dates without reading a clock: both the server and every PC decode with
// this, and a PC whose clock is wrong must still accept what the server sends. The "not in
// the future, at most 130 years ago" rule is PatientValidator's, applied when typed.
const QDate kOldestBirthDate(1800, 1, 1);
const QDate kLatestBirthDate(2199, 12, 31);
// PatientValidator's birth date rule needs a day; its birthDate verdict is not used here.
const QDate kValidationDay(2000, 1, 1);

const QLatin1String kSexNames[] = {QLatin1String("unknown"), QLatin1String("male"), QLatin1String("female")};
const QLatin1String kPriorityNames[] = {QLatin1String("normal"), QLatin1String("urgent")};
const QLatin1String kVisitStatusNames[] = {QLatin1String("waiting"),     QLatin1String("called"),
                                           QLatin1String("in_progress"), QLatin1String("done"),
                                           QLatin1String("cancelled"),   QLatin1String("no_show")};
const QLatin1String kPaymentMethodNames[] = {QLatin1String("cash"), QLatin1String("card"),
                                             QLatin1String("transfer"), QLatin1String("other")};
const QLatin1String kReportStatusNames[] = {QLatin1String("draft"), QLatin1String("signed")};

struct VitalUnit
{
    QLatin1String code;
    QString unit;
};

constexpr int kVitalCount = 9;

const VitalUnit &vitalUnit(int index)
{
    static const VitalUnit units[kVitalCount] = {
        {QLatin1String("temperature"), QStringLiteral("°C")},
        {QLatin1String("pulse"), QStringLiteral("bpm")},
        {QLatin1String("bp_systolic"), QStringLiteral("mmHg")},
        {QLatin1String("bp_diastolic"), QStringLiteral("mmHg")},
        {QLatin1String("resp_rate"), QStringLiteral("/min")},
        {QLatin1String("spo2"), QStringLiteral("%")},
        {QLatin1String("weight"), QStringLiteral("kg")},
        {QLatin1String("height"), QStringLiteral("cm")},
        {QLatin1String("glucose"), QStringLiteral("mmol/L")},
    };
    return units[index];
}

template <typename Enum, std::size_t N> QString enumName(Enum value, const QLatin1String (&names)[N])
{
    const auto index = static_cast<std::size_t>(static_cast<int>(value));
    return index < N ? QString(names[index]) : QString();
}

template <typename Enum, std::size_t N>
bool enumFromName(const QString &name, const QLatin1String (&names)[N], Enum *value)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == names[i]) {
            if (value)
                *value = static_cast<Enum>(int(i));
            return true;
        }
    }
    return false;
}

template <std::size_t N> QString enumChoices(const QLatin1String (&names)[N])
{
    QString text;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0)
            text += QLatin1String(", ");
        text += names[i];
    }
    return text;
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isHexDigit(QChar c)
{
    return isDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

bool digitsAt(const QString &text, qsizetype at, int count, int *out)
{
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const QChar c = text[i];
        if (!isDigit(c))
            return false;
        value = value * 10 + (c.unicode() - '0');
    }
    *out = value;
    return true;
}

void writeDigits(char *out, int value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

QString dateText(const QDate &date)
{
    if (!date.isValid())
        return QString();
    int year = 0, month = 0, day = 0;
    date.getDate(&year, &month, &day);
    if (year < 1 || year > 9999)
        return QString();
    char buffer[10];
    writeDigits(buffer, year, 4);
    buffer[4] = '-';
    writeDigits(buffer + 5, month, 2);
    buffer[7] = '-';
    writeDigits(buffer + 8, day, 2);
    return QString::fromLatin1(buffer, 10);
}

QDate dateFromText(const QString &text)
{
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || text[4] != QLatin1Char('-') || text[7] != QLatin1Char('-') ||
        !digitsAt(text, 0, 4, &year) || !digitsAt(text, 5, 2, &month) || !digitsAt(text, 8, 2, &day))
        return QDate();
    return QDate(year, month, day); // invalid for year 0, month 13, 30 February, ...
}

// The canonical UUID text: 36 characters, hyphens at 8, 13, 18 and 23. Braces and other
// forms QUuid would accept are refused so that one id has one spelling on the wire.
bool uuidFromText(const QString &text, QUuid *uuid)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const QChar c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != QLatin1Char('-'))
                return false;
        } else if (!isHexDigit(c)) {
            return false;
        }
    }
    *uuid = QUuid::fromString(QStringView(text));
    return true;
}

QString uuidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QJsonValue nullableUuid(const QUuid &uuid)
{
    return uuid.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(uuidText(uuid));
}

QJsonValue nullableTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(EntityJson::timeText(time)) : QJsonValue(QJsonValue::Null);
}

// A field's name ("data.sections.vitals[2].value"), built only when an error must name it.
struct FieldPath
{
    FieldPath() = default;
    FieldPath(const FieldPath *parentPath, QLatin1String name, qsizetype position = -1)
        : parent(parentPath), key(name), index(position)
    {}

    const FieldPath *parent = nullptr;
    QLatin1String key;
    qsizetype index = -1;

    void appendTo(QString &out) const
    {
        if (parent)
            parent->appendTo(out);
        if (key.size() > 0) {
            if (!out.isEmpty())
                out += QLatin1Char('.');
            out += key;
        }
        if (index >= 0) {
            out += QLatin1Char('[');
            out += QString::number(index);
            out += QLatin1Char(']');
        }
    }

    QString child(const QString &name) const
    {
        QString text;
        appendTo(text);
        if (!text.isEmpty())
            text += QLatin1Char('.');
        text += name;
        return text;
    }
};

enum class Nulls
{
    Refused,
    Allowed,
};

// Reads one JSON object field by field. Every field is required (the encoder always writes
// all of them); the outputs are written only when the field is sound.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject &object, const FieldPath &path, FieldErrors &errors)
        : m_object(object), m_path(path), m_errors(errors)
    {}

    void fail(QLatin1String key, const QString &message)
    {
        m_errors.append(FieldError{m_path.child(key), message});
    }

    QJsonValue take(QLatin1String key)
    {
        if (m_knownCount < int(m_known.size()))
            m_known[m_knownCount++] = key;
        const auto it = m_object.constFind(key);
        if (it == m_object.constEnd()) {
            fail(key, EntityJson::tr("This field is required."));
            return QJsonValue(QJsonValue::Undefined);
        }
        ++m_present;
        return it.value();
    }

    bool text(QLatin1String key, int maxLength, QString *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (!value.isString()) {
            fail(key, EntityJson::tr("Must be text."));
            return false;
        }
        QString text = value.toString();
        if (text.size() > maxLength) {
            fail(key, EntityJson::tr("Must be at most %n characters.", nullptr, maxLength));
            return false;
        }
        *out = std::move(text);
        return true;
    }

    bool boolean(QLatin1String key, bool *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (!value.isBool()) {
            fail(key, EntityJson::tr("Must be true or false."));
            return false;
        }
        *out = value.toBool();
        return true;
    }

    bool integer(QLatin1String key, qint64 min, qint64 max, qint64 *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number)) {
            fail(key, EntityJson::tr("Must be a whole number."));
            return false;
        }
        // Bounds are well inside 2^53, so the comparison is exact.
        if (number < double(min) || number > double(max)) {
            fail(key, EntityJson::tr("Must be between %1 and %2.").arg(min).arg(max));
            return false;
        }
        *out = qint64(number);
        return true;
    }

    bool integer(QLatin1String key, qint64 min, qint64 max, int *out)
    {
        qint64 value = 0;
        if (!integer(key, min, max, &value))
            return false;
        *out = int(value);
        return true;
    }

    bool uuid(QLatin1String key, Nulls nulls, QUuid *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (value.isNull() && nulls == Nulls::Allowed) {
            *out = QUuid();
            return true;
        }
        QUuid parsed;
        if (!value.isString() || !uuidFromText(value.toString(), &parsed) || parsed.isNull()) {
            fail(key, EntityJson::tr("Must be an id such as 0190f5a4-7b1c-7d3e-8f00-0123456789ab."));
            return false;
        }
        *out = parsed;
        return true;
    }

    // A server user id: UUID text, kept in its canonical lower-case spelling.
    bool userId(QLatin1String key, QString *out)
    {
        QUuid parsed;
        if (!uuid(key, Nulls::Refused, &parsed))
            return false;
        *out = uuidText(parsed);
        return true;
    }

    bool date(QLatin1String key, Nulls nulls, QDate *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (value.isNull() && nulls == Nulls::Allowed) {
            *out = QDate();
            return true;
        }
        const QDate parsed = value.isString() ? dateFromText(value.toString()) : QDate();
        if (!parsed.isValid()) {
            fail(key, EntityJson::tr("Must be a date such as 2026-11-28."));
            return false;
        }
        *out = parsed;
        return true;
    }

    bool time(QLatin1String key, Nulls nulls, QDateTime *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (value.isNull() && nulls == Nulls::Allowed) {
            *out = QDateTime();
            return true;
        }
        bool ok = false;
        QDateTime parsed;
        if (value.isString())
            parsed = EntityJson::timeFromText(value.toString(), &ok);
        if (!ok) {
            fail(key, EntityJson::tr("Must be a UTC time such as 2026-11-28T06:00:00.000Z."));
            return false;
        }
        *out = parsed;
        return true;
    }

    template <typename Enum, std::size_t N>
    bool enumeration(QLatin1String key, const QLatin1String (&names)[N], Enum *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (!value.isString() || !enumFromName(value.toString(), names, out)) {
            fail(key, EntityJson::tr("Must be one of: %1.").arg(enumChoices(names)));
            return false;
        }
        return true;
    }

    bool object(QLatin1String key, QJsonObject *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (!value.isObject()) {
            fail(key, EntityJson::tr("Must be an object."));
            return false;
        }
        *out = value.toObject();
        return true;
    }

    bool array(QLatin1String key, QJsonArray *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (!value.isArray()) {
            fail(key, EntityJson::tr("Must be a list."));
            return false;
        }
        *out = value.toArray();
        return true;
    }

    // Refuses the first key no reader asked for (one error is enough to say what is wrong,
    // and a hostile object with thousands of keys must not produce thousands of errors).
    void refuseUnknownKeys()
    {
        if (m_object.size() <= m_present)
            return;
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            const QString key = it.key();
            bool known = false;
            for (int i = 0; i < m_knownCount && !known; ++i)
                known = key == m_known[i];
            if (!known) {
                QString shown = key.left(kMaxKeyInFieldName);
                if (shown.size() < key.size())
                    shown += QStringLiteral("…");
                m_errors.append(FieldError{m_path.child(shown), EntityJson::tr("This field is not known.")});
                return;
            }
        }
    }

private:
    const QJsonObject &m_object;
    const FieldPath &m_path;
    FieldErrors &m_errors;
    std::array<QLatin1String, 20> m_known;
    int m_knownCount = 0;
    qsizetype m_present = 0; // keys asked for and found; each is asked for once
};

const FieldPath kDataPath{nullptr, QLatin1String("data")};

// True when PatientValidator certainly accepts `name` as a name (or an empty optional one):
// only letters, spaces, hyphens and letter marks, at least one letter, short enough. The
// validator itself (and its translated messages) runs only when this cannot tell, which
// keeps a page of a thousand patients from costing thousands of translation look-ups.
bool isPlainName(const QString &name, bool optional)
{
    constexpr qsizetype kMaxNameLength = 100; // PatientValidator's
    if (name.isEmpty())
        return optional;
    if (name.size() > kMaxNameLength)
        return false;
    bool hasLetter = false;
    for (const QChar c : name) {
        // Marks first: ʻ is itself a (modifier) letter but does not count as one.
        if (NameNormalizer::isLetterMark(c) || c == QLatin1Char(' ') || c == QLatin1Char('-'))
            continue;
        if (!c.isLetter() || c.isSurrogate())
            return false;
        hasLetter = true;
    }
    return hasLetter;
}

bool finish(FieldErrors &found, FieldErrors *errors)
{
    if (errors)
        *errors = found;
    return found.isEmpty();
}

// "36.6", "-2", "1200.05": 1..4 integer digits, optionally 1..2 fraction digits.
bool isVitalValue(const QString &value)
{
    qsizetype i = 0;
    const qsizetype size = value.size();
    if (i < size && value[i] == QLatin1Char('-'))
        ++i;
    const qsizetype integerStart = i;
    while (i < size && isDigit(value[i]))
        ++i;
    const qsizetype integerDigits = i - integerStart;
    if (integerDigits < 1 || integerDigits > 4)
        return false;
    if (i == size)
        return true;
    if (value[i] != QLatin1Char('.'))
        return false;
    ++i;
    const qsizetype fractionStart = i;
    while (i < size && isDigit(value[i]))
        ++i;
    const qsizetype fractionDigits = i - fractionStart;
    return i == size && fractionDigits >= 1 && fractionDigits <= 2;
}

// ICD-10: a letter, two digits, optionally a dot and 1..4 digits or capitals ("J06.9").
bool isIcd10(const QString &code)
{
    const auto upper = [](QChar c) { return c >= QLatin1Char('A') && c <= QLatin1Char('Z'); };
    if (code.size() < 3 || !upper(code[0]) || !isDigit(code[1]) || !isDigit(code[2]))
        return false;
    if (code.size() == 3)
        return true;
    if (code.size() < 5 || code.size() > 8 || code[3] != QLatin1Char('.'))
        return false;
    for (qsizetype i = 4; i < code.size(); ++i) {
        if (!isDigit(code[i]) && !upper(code[i]))
            return false;
    }
    return true;
}

int vitalIndex(const QString &code)
{
    for (int i = 0; i < kVitalCount; ++i) {
        if (code == vitalUnit(i).code)
            return i;
    }
    return -1;
}

} // namespace

QJsonObject EntityJson::toJson(const Patient &patient)
{
    QJsonObject data;
    data.insert(QLatin1String("number"), patient.number);
    data.insert(QLatin1String("lastName"), patient.lastName);
    data.insert(QLatin1String("firstName"), patient.firstName);
    data.insert(QLatin1String("fatherName"), patient.fatherName);
    data.insert(QLatin1String("birthDate"), patient.birthDate.isValid()
                                                ? QJsonValue(dateText(patient.birthDate))
                                                : QJsonValue(QJsonValue::Null));
    data.insert(QLatin1String("birthDateEstimated"), patient.birthDateEstimated);
    data.insert(QLatin1String("sex"), sexName(patient.sex));
    data.insert(QLatin1String("phone"), patient.phone);
    data.insert(QLatin1String("address"), patient.address);
    data.insert(QLatin1String("allergies"), patient.allergies);
    data.insert(QLatin1String("medications"), patient.medications);
    data.insert(QLatin1String("history"), patient.history);
    data.insert(QLatin1String("notes"), patient.notes);
    data.insert(QLatin1String("createdAt"), timeText(patient.createdAt));
    data.insert(QLatin1String("createdBy"), patient.createdBy);
    return data;
}

QJsonObject EntityJson::toJson(const Visit &visit)
{
    QJsonObject data;
    data.insert(QLatin1String("patientId"), nullableUuid(visit.patientId));
    data.insert(QLatin1String("doctorId"), visit.doctorId);
    data.insert(QLatin1String("day"), dateText(visit.day));
    data.insert(QLatin1String("ticket"), visit.ticket);
    data.insert(QLatin1String("priority"), priorityName(visit.priority));
    data.insert(QLatin1String("status"), visitStatusName(visit.status));
    data.insert(QLatin1String("queuePosition"), visit.queuePosition);
    data.insert(QLatin1String("note"), visit.note);
    data.insert(QLatin1String("createdAt"), timeText(visit.createdAt));
    data.insert(QLatin1String("calledAt"), nullableTime(visit.calledAt));
    data.insert(QLatin1String("startedAt"), nullableTime(visit.startedAt));
    data.insert(QLatin1String("finishedAt"), nullableTime(visit.finishedAt));
    data.insert(QLatin1String("createdBy"), visit.createdBy);
    return data;
}

QJsonObject EntityJson::toJson(const Report &report)
{
    const ReportSections &s = report.sections;
    QJsonArray vitals;
    for (const Vital &vital : s.vitals) {
        QJsonObject item;
        item.insert(QLatin1String("code"), vital.code);
        item.insert(QLatin1String("value"), vital.value);
        item.insert(QLatin1String("unit"), vital.unit);
        vitals.append(item);
    }
    QJsonObject sections;
    sections.insert(QLatin1String("complaints"), s.complaints);
    sections.insert(QLatin1String("anamnesis"), s.anamnesis);
    sections.insert(QLatin1String("vitals"), vitals);
    sections.insert(QLatin1String("examination"), s.examination);
    sections.insert(QLatin1String("diagnosis"), s.diagnosis);
    sections.insert(QLatin1String("icd10"), s.icd10);
    sections.insert(QLatin1String("treatmentPlan"), s.treatmentPlan);
    sections.insert(QLatin1String("recommendations"), s.recommendations);
    sections.insert(QLatin1String("notes"), s.notes);
    // Written only when there is AI-drafted text, so a report without any encodes exactly as
    // before the field existed (signed reports compare byte for byte on the server).
    if (!s.aiDrafted.isEmpty())
        sections.insert(QLatin1String("aiDrafted"), QJsonArray::fromStringList(s.aiDrafted));

    QJsonObject data;
    data.insert(QLatin1String("visitId"), nullableUuid(report.visitId));
    data.insert(QLatin1String("patientId"), nullableUuid(report.patientId));
    data.insert(QLatin1String("authorId"), report.authorId);
    data.insert(QLatin1String("status"), reportStatusName(report.status));
    data.insert(QLatin1String("addendumTo"), nullableUuid(report.addendumTo));
    data.insert(QLatin1String("variantOf"), nullableUuid(report.variantOf));
    data.insert(QLatin1String("sections"), sections);
    data.insert(QLatin1String("createdAt"), timeText(report.createdAt));
    data.insert(QLatin1String("signedAt"), nullableTime(report.signedAt));
    return data;
}

QJsonObject EntityJson::toJson(const Payment &payment)
{
    QJsonObject data;
    data.insert(QLatin1String("patientId"), nullableUuid(payment.patientId));
    data.insert(QLatin1String("visitId"), nullableUuid(payment.visitId));
    data.insert(QLatin1String("amount"), payment.amount);
    data.insert(QLatin1String("method"), paymentMethodName(payment.method));
    data.insert(QLatin1String("takenBy"), payment.takenBy);
    data.insert(QLatin1String("takenAt"), timeText(payment.takenAt));
    data.insert(QLatin1String("reverses"), nullableUuid(payment.reverses));
    data.insert(QLatin1String("receiptRef"), payment.receiptRef);
    data.insert(QLatin1String("note"), payment.note);
    return data;
}

bool EntityJson::fromJson(const QJsonObject &data, Patient *patient, FieldErrors *errors)
{
    FieldErrors found;
    ObjectReader reader(data, kDataPath, found);
    Patient decoded = *patient;
    reader.text(QLatin1String("number"), kMaxShortText, &decoded.number);
    reader.text(QLatin1String("lastName"), kMaxShortText, &decoded.lastName);
    reader.text(QLatin1String("firstName"), kMaxShortText, &decoded.firstName);
    reader.text(QLatin1String("fatherName"), kMaxShortText, &decoded.fatherName);
    if (reader.date(QLatin1String("birthDate"), Nulls::Allowed, &decoded.birthDate) &&
        decoded.birthDate.isValid() &&
        (decoded.birthDate < kOldestBirthDate || decoded.birthDate > kLatestBirthDate))
        reader.fail(QLatin1String("birthDate"), tr("Date of birth is not plausible."));
    reader.boolean(QLatin1String("birthDateEstimated"), &decoded.birthDateEstimated);
    reader.enumeration(QLatin1String("sex"), kSexNames, &decoded.sex);
    if (reader.text(QLatin1String("phone"), kMaxShortText, &decoded.phone) && !decoded.phone.isEmpty() &&
        PhoneNumber::toE164(decoded.phone) != decoded.phone)
        reader.fail(QLatin1String("phone"),
                    tr("Must be an Uzbek number in E.164 form such as +998901234567."));
    reader.text(QLatin1String("address"), kMaxLongText, &decoded.address);
    reader.text(QLatin1String("allergies"), kMaxLongText, &decoded.allergies);
    reader.text(QLatin1String("medications"), kMaxLongText, &decoded.medications);
    reader.text(QLatin1String("history"), kMaxLongText, &decoded.history);
    reader.text(QLatin1String("notes"), kMaxLongText, &decoded.notes);
    reader.time(QLatin1String("createdAt"), Nulls::Refused, &decoded.createdAt);
    reader.text(QLatin1String("createdBy"), kMaxShortText, &decoded.createdBy);
    reader.refuseUnknownKeys();

    // The same rules as when the patient is typed, so the server refuses what a PC would
    // refuse. Not applied: the birth date rule, which needs a trustworthy "today", and the
    // sex rule, because "unknown" is a stored state (older and imported cards) that must sync.
    const bool plainNames = isPlainName(decoded.lastName, false) && isPlainName(decoded.firstName, false) &&
                            isPlainName(decoded.fatherName, true);
    const FieldErrors rules =
        plainNames ? FieldErrors() : PatientValidator::validate(decoded, kValidationDay);
    for (const FieldError &rule : rules) {
        if (rule.field == QLatin1String("birthDate") || rule.field == QLatin1String("sex"))
            continue;
        const QString field = QLatin1String("data.") + rule.field;
        bool known = false;
        for (const FieldError &error : std::as_const(found))
            known = known || error.field == field;
        if (!known)
            found.append(FieldError{field, rule.message});
    }

    if (!finish(found, errors))
        return false;
    *patient = std::move(decoded);
    return true;
}

bool EntityJson::fromJson(const QJsonObject &data, Visit *visit, FieldErrors *errors)
{
    FieldErrors found;
    ObjectReader reader(data, kDataPath, found);
    Visit decoded = *visit;
    reader.uuid(QLatin1String("patientId"), Nulls::Refused, &decoded.patientId);
    reader.userId(QLatin1String("doctorId"), &decoded.doctorId);
    reader.date(QLatin1String("day"), Nulls::Refused, &decoded.day);
    reader.integer(QLatin1String("ticket"), 1, kMaxTicket, &decoded.ticket);
    reader.enumeration(QLatin1String("priority"), kPriorityNames, &decoded.priority);
    reader.enumeration(QLatin1String("status"), kVisitStatusNames, &decoded.status);
    reader.integer(QLatin1String("queuePosition"), 0, kMaxQueuePosition, &decoded.queuePosition);
    reader.text(QLatin1String("note"), kMaxNoteText, &decoded.note);
    reader.time(QLatin1String("createdAt"), Nulls::Refused, &decoded.createdAt);
    reader.time(QLatin1String("calledAt"), Nulls::Allowed, &decoded.calledAt);
    reader.time(QLatin1String("startedAt"), Nulls::Allowed, &decoded.startedAt);
    reader.time(QLatin1String("finishedAt"), Nulls::Allowed, &decoded.finishedAt);
    reader.userId(QLatin1String("createdBy"), &decoded.createdBy);
    reader.refuseUnknownKeys();
    if (!finish(found, errors))
        return false;
    *visit = std::move(decoded);
    return true;
}

bool EntityJson::fromJson(const QJsonObject &data, Report *report, FieldErrors *errors)
{
    FieldErrors found;
    ObjectReader reader(data, kDataPath, found);
    Report decoded = *report;
    reader.uuid(QLatin1String("visitId"), Nulls::Refused, &decoded.visitId);
    reader.uuid(QLatin1String("patientId"), Nulls::Refused, &decoded.patientId);
    reader.userId(QLatin1String("authorId"), &decoded.authorId);
    const bool statusRead = reader.enumeration(QLatin1String("status"), kReportStatusNames, &decoded.status);
    reader.uuid(QLatin1String("addendumTo"), Nulls::Allowed, &decoded.addendumTo);
    reader.uuid(QLatin1String("variantOf"), Nulls::Allowed, &decoded.variantOf);

    QJsonObject sectionsObject;
    if (reader.object(QLatin1String("sections"), &sectionsObject)) {
        const FieldPath sectionsPath{&kDataPath, QLatin1String("sections")};
        ObjectReader sections(sectionsObject, sectionsPath, found);
        ReportSections &s = decoded.sections;
        sections.text(QLatin1String("complaints"), kMaxReportSection, &s.complaints);
        sections.text(QLatin1String("anamnesis"), kMaxReportSection, &s.anamnesis);
        QJsonArray vitals;
        if (sections.array(QLatin1String("vitals"), &vitals)) {
            if (vitals.size() > kMaxVitals) {
                sections.fail(QLatin1String("vitals"), tr("At most %n vital signs.", nullptr, kMaxVitals));
            } else {
                QList<Vital> decodedVitals;
                decodedVitals.reserve(vitals.size());
                for (qsizetype i = 0; i < vitals.size(); ++i) {
                    const FieldPath vitalPath{&sectionsPath, QLatin1String("vitals"), i};
                    const QJsonValue item = vitals.at(i);
                    if (!item.isObject()) {
                        QString field;
                        vitalPath.appendTo(field);
                        found.append(FieldError{field, tr("Must be an object.")});
                        continue;
                    }
                    const QJsonObject vitalObject = item.toObject();
                    ObjectReader vitalReader(vitalObject, vitalPath, found);
                    Vital vital;
                    int index = -1;
                    if (vitalReader.text(QLatin1String("code"), kMaxShortText, &vital.code)) {
                        index = vitalIndex(vital.code);
                        if (index < 0)
                            vitalReader.fail(QLatin1String("code"),
                                             tr("Must be one of: %1.")
                                                 .arg(QStringLiteral("temperature, pulse, bp_systolic, "
                                                                     "bp_diastolic, resp_rate, spo2, weight, "
                                                                     "height, glucose")));
                    }
                    if (vitalReader.text(QLatin1String("value"), kMaxShortText, &vital.value) &&
                        !isVitalValue(vital.value))
                        vitalReader.fail(QLatin1String("value"),
                                         tr("Must be a number with at most 4 digits before and 2 after "
                                            "the point, such as 36.6."));
                    if (vitalReader.text(QLatin1String("unit"), kMaxShortText, &vital.unit) && index >= 0 &&
                        vital.unit != vitalUnit(index).unit)
                        vitalReader.fail(QLatin1String("unit"), tr("Must be %1.").arg(vitalUnit(index).unit));
                    vitalReader.refuseUnknownKeys();
                    decodedVitals.append(std::move(vital));
                }
                s.vitals = std::move(decodedVitals);
            }
        }
        sections.text(QLatin1String("examination"), kMaxReportSection, &s.examination);
        sections.text(QLatin1String("diagnosis"), kMaxReportSection, &s.diagnosis);
        if (sections.text(QLatin1String("icd10"), kMaxShortText, &s.icd10) && !s.icd10.isEmpty() &&
            !isIcd10(s.icd10))
            sections.fail(QLatin1String("icd10"), tr("Must be an ICD-10 code such as J06.9."));
        sections.text(QLatin1String("treatmentPlan"), kMaxReportSection, &s.treatmentPlan);
        sections.text(QLatin1String("recommendations"), kMaxReportSection, &s.recommendations);
        sections.text(QLatin1String("notes"), kMaxReportSection, &s.notes);
        // Optional (issue 6): the text sections holding AI-drafted text, each named once.
        s.aiDrafted.clear();
        QJsonArray aiDrafted;
        if (sectionsObject.contains(QLatin1String("aiDrafted")) &&
            sections.array(QLatin1String("aiDrafted"), &aiDrafted)) {
            for (const QJsonValue &value : std::as_const(aiDrafted)) {
                const QString key = value.toString();
                if (!value.isString() || !aiDraftableSections().contains(key) || s.aiDrafted.contains(key)) {
                    sections.fail(QLatin1String("aiDrafted"),
                                  tr("Must list report sections, each once: %1.")
                                      .arg(aiDraftableSections().join(QLatin1String(", "))));
                    s.aiDrafted.clear();
                    break;
                }
                s.aiDrafted.append(key);
            }
        }
        sections.refuseUnknownKeys();
    }

    reader.time(QLatin1String("createdAt"), Nulls::Refused, &decoded.createdAt);
    if (reader.time(QLatin1String("signedAt"), Nulls::Allowed, &decoded.signedAt) && statusRead) {
        if (decoded.status == ReportStatus::Signed && !decoded.signedAt.isValid())
            reader.fail(QLatin1String("signedAt"), tr("A signed report needs the time it was signed."));
        else if (decoded.status == ReportStatus::Draft && decoded.signedAt.isValid())
            reader.fail(QLatin1String("signedAt"), tr("A draft has no signing time."));
    }
    reader.refuseUnknownKeys();
    if (!finish(found, errors))
        return false;
    *report = std::move(decoded);
    return true;
}

bool EntityJson::fromJson(const QJsonObject &data, Payment *payment, FieldErrors *errors)
{
    FieldErrors found;
    ObjectReader reader(data, kDataPath, found);
    Payment decoded = *payment;
    reader.uuid(QLatin1String("patientId"), Nulls::Refused, &decoded.patientId);
    reader.uuid(QLatin1String("visitId"), Nulls::Allowed, &decoded.visitId);
    const bool amountRead = reader.integer(QLatin1String("amount"), -kMaxAmount, kMaxAmount, &decoded.amount);
    reader.enumeration(QLatin1String("method"), kPaymentMethodNames, &decoded.method);
    reader.userId(QLatin1String("takenBy"), &decoded.takenBy);
    reader.time(QLatin1String("takenAt"), Nulls::Refused, &decoded.takenAt);
    const bool reversesRead = reader.uuid(QLatin1String("reverses"), Nulls::Allowed, &decoded.reverses);
    reader.text(QLatin1String("receiptRef"), kMaxShortText, &decoded.receiptRef);
    reader.text(QLatin1String("note"), kMaxNoteText, &decoded.note);
    if (amountRead) {
        if (decoded.amount == 0)
            reader.fail(QLatin1String("amount"), tr("The amount cannot be zero."));
        else if (reversesRead && decoded.amount < 0 && decoded.reverses.isNull())
            reader.fail(QLatin1String("amount"), tr("Only a reversing entry may have a negative amount."));
        else if (reversesRead && decoded.amount > 0 && !decoded.reverses.isNull())
            reader.fail(QLatin1String("amount"), tr("A reversing entry must have a negative amount."));
    }
    reader.refuseUnknownKeys();
    if (!finish(found, errors))
        return false;
    *payment = std::move(decoded);
    return true;
}

QStringList EntityJson::patientMergeFields()
{
    static const QStringList fields = {
        QStringLiteral("lastName"),
        QStringLiteral("firstName"),
        QStringLiteral("fatherName"),
        QStringLiteral("birthDate"),
        QStringLiteral("birthDateEstimated"),
        QStringLiteral("sex"),
        QStringLiteral("phone"),
        QStringLiteral("address"),
        QStringLiteral("allergies"),
        QStringLiteral("medications"),
        QStringLiteral("history"),
        QStringLiteral("notes"),
    };
    return fields;
}

QString EntityJson::visitStatusName(VisitStatus status)
{
    return enumName(status, kVisitStatusNames);
}

bool EntityJson::visitStatusFromName(const QString &name, VisitStatus *status)
{
    return enumFromName(name, kVisitStatusNames, status);
}

QString EntityJson::priorityName(VisitPriority priority)
{
    return enumName(priority, kPriorityNames);
}

bool EntityJson::priorityFromName(const QString &name, VisitPriority *priority)
{
    return enumFromName(name, kPriorityNames, priority);
}

QString EntityJson::paymentMethodName(PaymentMethod method)
{
    return enumName(method, kPaymentMethodNames);
}

bool EntityJson::paymentMethodFromName(const QString &name, PaymentMethod *method)
{
    return enumFromName(name, kPaymentMethodNames, method);
}

const QStringList &EntityJson::aiDraftableSections()
{
    static const QStringList keys = {QStringLiteral("complaints"),    QStringLiteral("anamnesis"),
                                     QStringLiteral("examination"),   QStringLiteral("diagnosis"),
                                     QStringLiteral("treatmentPlan"), QStringLiteral("recommendations"),
                                     QStringLiteral("notes")};
    return keys;
}

QString EntityJson::reportStatusName(ReportStatus status)
{
    return enumName(status, kReportStatusNames);
}

bool EntityJson::reportStatusFromName(const QString &name, ReportStatus *status)
{
    return enumFromName(name, kReportStatusNames, status);
}

QString EntityJson::sexName(Sex sex)
{
    return enumName(sex, kSexNames);
}

bool EntityJson::sexFromName(const QString &name, Sex *sex)
{
    return enumFromName(name, kSexNames, sex);
}

QString EntityJson::timeText(const QDateTime &utc)
{
    if (!utc.isValid())
        return QString();
    const qint64 ms = utc.toMSecsSinceEpoch();
    qint64 days = ms / kMsPerDay;
    qint64 inDay = ms % kMsPerDay;
    if (inDay < 0) {
        inDay += kMsPerDay;
        --days;
    }
    int year = 0, month = 0, day = 0;
    QDate::fromJulianDay(days + kUnixEpochJulianDay).getDate(&year, &month, &day);
    if (year < 1 || year > 9999)
        return QString();
    char buffer[24];
    writeDigits(buffer, year, 4);
    buffer[4] = '-';
    writeDigits(buffer + 5, month, 2);
    buffer[7] = '-';
    writeDigits(buffer + 8, day, 2);
    buffer[10] = 'T';
    writeDigits(buffer + 11, int(inDay / 3600000), 2);
    buffer[13] = ':';
    writeDigits(buffer + 14, int(inDay / 60000 % 60), 2);
    buffer[16] = ':';
    writeDigits(buffer + 17, int(inDay / 1000 % 60), 2);
    buffer[19] = '.';
    writeDigits(buffer + 20, int(inDay % 1000), 3);
    buffer[23] = 'Z';
    return QString::fromLatin1(buffer, 24);
}

QDateTime EntityJson::timeFromText(const QString &text, bool *ok)
{
    if (ok)
        *ok = false;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millisecond = 0;
    if (text.size() != 24 || text[4] != QLatin1Char('-') || text[7] != QLatin1Char('-') ||
        text[10] != QLatin1Char('T') || text[13] != QLatin1Char(':') || text[16] != QLatin1Char(':') ||
        text[19] != QLatin1Char('.') || text[23] != QLatin1Char('Z') || !digitsAt(text, 0, 4, &year) ||
        !digitsAt(text, 5, 2, &month) || !digitsAt(text, 8, 2, &day) || !digitsAt(text, 11, 2, &hour) ||
        !digitsAt(text, 14, 2, &minute) || !digitsAt(text, 17, 2, &second) ||
        !digitsAt(text, 20, 3, &millisecond))
        return QDateTime();
    const QDate date(year, month, day);
    if (!date.isValid() || hour > 23 || minute > 59 || second > 59)
        return QDateTime();
    const qint64 ms = (date.toJulianDay() - kUnixEpochJulianDay) * kMsPerDay + hour * 3600000LL +
                      minute * 60000LL + second * 1000LL + millisecond;
    if (ok)
        *ok = true;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace medora
