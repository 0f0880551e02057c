#include "registry/PatientCsvImporter.h"

#include "domain/NameNormalizer.h"
#include "domain/PatientNumber.h"
#include "domain/PatientValidator.h"
#include "registry/PatientCsvExporter.h"
#include "registry/PatientRegistry.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QIODevice>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <climits>
#include <functional>
#include <optional>

namespace medora {

namespace {

constexpr qint64 kReadChunk = 64 * 1024;
const QByteArray kUtf8Bom("\xEF\xBB\xBF");

// One record as it stands in the file: raw bytes of each field, before decoding, with
// the physical line each field starts on (a quoted field may span lines).
struct RawRecord
{
    enum class Problem
    {
        None,
        QuoteInUnquotedField,
        TextAfterClosingQuote,
        UnclosedQuote,
    };

    qint64 line = 0;
    QList<QByteArray> fields;
    QList<qint64> fieldLines;
    qint64 bytes = 0;
    bool tooLong = false;
    Problem problem = Problem::None;
    qint64 problemLine = 0;
    qsizetype problemField = 0;

    bool isBlank() const
    {
        return problem == Problem::None && !tooLong &&
               std::all_of(fields.begin(), fields.end(),
                           [](const QByteArray &field) { return field.isEmpty(); });
    }
};

// RFC 4180 tokenizer over bytes. Delimiters, quotes and line breaks are ASCII and never
// occur inside a UTF-8 multi-byte sequence, so records can be split before decoding and
// each field decoded on its own, which lets an encoding error be reported with its line.
// Memory stays bounded: a record past the row limit keeps being parsed (so that quoting
// stays in step) but its bytes are no longer kept.
class RecordReader
{
public:
    using Sink = std::function<bool(RawRecord &)>; // false: stop reading

    RecordReader(char delimiter, qint64 maxRowBytes, Sink sink)
        : m_delimiter(delimiter), m_maxRowBytes(maxRowBytes), m_sink(std::move(sink))
    {}

    bool feed(const char *data, qsizetype size)
    {
        qsizetype i = 0;
        while (i < size) {
            const char c = data[i];
            if (!m_started) {
                // The LF of a CRLF that already ended the previous record.
                if (c == '\n' && m_lastWasCr) {
                    m_lastWasCr = false;
                    ++i;
                    continue;
                }
                startRecord();
            }
            switch (m_state) {
            case State::FieldStart:
                if (c == '"') {
                    m_state = State::Quoted;
                    countBytes(1);
                    ++i;
                    m_lastWasCr = false;
                    continue;
                }
                m_state = State::Unquoted;
                continue; // the same byte, as the first of an unquoted field
            case State::Unquoted: {
                const qsizetype run = plainRun(data + i, size - i, false);
                if (run > 0) {
                    append(data + i, run);
                    i += run;
                    m_lastWasCr = false;
                    continue;
                }
                if (c == m_delimiter) {
                    countBytes(1);
                    endField();
                    ++i;
                    m_lastWasCr = false;
                } else if (c == '\r' || c == '\n') {
                    countLineBreak(c);
                    ++i;
                    if (!endRecord())
                        return false;
                } else { // '"'
                    fail(RawRecord::Problem::QuoteInUnquotedField, m_line);
                    ++i;
                    m_lastWasCr = false;
                }
                continue;
            }
            case State::Quoted: {
                const qsizetype run = plainRun(data + i, size - i, true);
                if (run > 0) {
                    append(data + i, run);
                    i += run;
                    m_lastWasCr = false;
                    continue;
                }
                if (c == '"') {
                    m_state = State::QuoteInQuoted;
                    countBytes(1);
                    m_lastWasCr = false;
                } else { // a line break inside the field belongs to its text
                    append(&c, 1);
                    countLineBreak(c);
                }
                ++i;
                continue;
            }
            case State::QuoteInQuoted:
                if (c == '"') { // a doubled quote stands for one
                    append(&c, 1);
                    m_state = State::Quoted;
                    ++i;
                    m_lastWasCr = false;
                } else if (c == m_delimiter) {
                    countBytes(1);
                    endField();
                    ++i;
                    m_lastWasCr = false;
                } else if (c == '\r' || c == '\n') {
                    countLineBreak(c);
                    ++i;
                    if (!endRecord())
                        return false;
                } else {
                    fail(RawRecord::Problem::TextAfterClosingQuote, m_line);
                    m_lastWasCr = false;
                    ++i;
                }
                continue;
            case State::SkipToLineEnd:
                if (c == '\r' || c == '\n') {
                    countLineBreak(c);
                    ++i;
                    if (!endRecord())
                        return false;
                } else {
                    m_lastWasCr = false;
                    ++i;
                }
                continue;
            }
        }
        return true;
    }

    bool finish()
    {
        if (!m_started)
            return true;
        if (m_state == State::Quoted)
            fail(RawRecord::Problem::UnclosedQuote, m_fieldLine);
        return endRecord();
    }

private:
    enum class State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        SkipToLineEnd,
    };

    // Length of the run of ordinary bytes at `data`: up to the next quote, line break or
    // (outside quotes) delimiter.
    qsizetype plainRun(const char *data, qsizetype size, bool quoted) const
    {
        qsizetype n = 0;
        while (n < size) {
            const char c = data[n];
            if (c == '"' || c == '\r' || c == '\n' || (!quoted && c == m_delimiter))
                break;
            ++n;
        }
        return n;
    }

    void startRecord()
    {
        m_started = true;
        m_record = RawRecord();
        m_record.line = m_line;
        m_state = State::FieldStart;
        m_field.clear();
        m_fieldLine = m_line;
    }

    void countBytes(qint64 n)
    {
        m_record.bytes += n;
        if (m_record.bytes > m_maxRowBytes && !m_record.tooLong) {
            m_record.tooLong = true;
            m_field.clear();
            m_record.fields.clear();
            m_record.fieldLines.clear();
        }
    }

    void append(const char *data, qsizetype n)
    {
        countBytes(n);
        if (!m_record.tooLong)
            m_field.append(data, n);
    }

    void countLineBreak(char c)
    {
        if (c == '\r') {
            ++m_line;
            m_lastWasCr = true;
        } else {
            if (!m_lastWasCr)
                ++m_line;
            m_lastWasCr = false;
        }
    }

    void fail(RawRecord::Problem problem, qint64 line)
    {
        if (m_record.problem == RawRecord::Problem::None) {
            m_record.problem = problem;
            m_record.problemLine = line;
            m_record.problemField = m_record.fields.size();
        }
        m_state = State::SkipToLineEnd;
    }

    void endField()
    {
        if (!m_record.tooLong) {
            m_record.fields.append(m_field);
            m_record.fieldLines.append(m_fieldLine);
        }
        m_field.clear();
        m_fieldLine = m_line;
        m_state = State::FieldStart;
    }

    bool endRecord()
    {
        if (m_state != State::SkipToLineEnd)
            endField();
        m_started = false;
        m_state = State::FieldStart;
        return m_sink(m_record);
    }

    const char m_delimiter;
    const qint64 m_maxRowBytes;
    Sink m_sink;
    State m_state = State::FieldStart;
    bool m_started = false;
    bool m_lastWasCr = false;
    qint64 m_line = 1;
    qint64 m_fieldLine = 1;
    QByteArray m_field;
    RawRecord m_record;
};

// ';' when the header line holds more semicolons than commas outside quotes, else ','.
char sniffDelimiter(const QByteArray &head)
{
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    bool content = false;
    for (const char c : head) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\r' || c == '\n')) {
            if (content)
                break;
        } else if (!quoted && c == ',') {
            ++commas;
        } else if (!quoted && c == ';') {
            ++semicolons;
        }
        if (c != '\r' && c != '\n')
            content = true;
    }
    return semicolons > commas ? ';' : ',';
}

bool holdsHeaderLine(const QByteArray &head)
{
    bool content = false;
    bool quoted = false;
    for (const char c : head) {
        if (c == '"')
            quoted = !quoted;
        if (!quoted && (c == '\r' || c == '\n')) {
            if (content)
                return true;
        } else {
            content = true;
        }
    }
    return false;
}

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    // Stateless: a sequence cut off at the end of the field is an error, not kept for later.
    // ConvertInitialBom: a U+FEFF at the start of a field is text; the file's BOM is gone.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

enum class ColumnKey
{
    Number,
    LastName,
    FirstName,
    FatherName,
    BirthDate,
    BirthDateEstimated,
    Sex,
    Phone,
    Address,
    Allergies,
    Medications,
    History,
    Notes,
    Age,
    Unnamed, // an empty header cell: tolerated while its values are empty too
};

// In the order of PatientCsvExporter::columns(), then `age`.
constexpr std::array<ColumnKey, 14> kNamedKeys = {
    ColumnKey::Number,     ColumnKey::LastName,    ColumnKey::FirstName,
    ColumnKey::FatherName, ColumnKey::BirthDate,   ColumnKey::BirthDateEstimated,
    ColumnKey::Sex,        ColumnKey::Phone,       ColumnKey::Address,
    ColumnKey::Allergies,  ColumnKey::Medications, ColumnKey::History,
    ColumnKey::Notes,      ColumnKey::Age};

QStringList knownColumnNames()
{
    return PatientCsvExporter::columns() << QStringLiteral("age");
}

// "Last Name", "last-name" and "LAST_NAME" all name last_name.
QString columnKeyText(const QString &header)
{
    QString key = header.trimmed().toLower();
    key.replace(QLatin1Char(' '), QLatin1Char('_'));
    key.replace(QLatin1Char('-'), QLatin1Char('_'));
    return key;
}

std::optional<Sex> parseSex(const QString &text)
{
    static const QHash<QString, Sex> words = {
        {QStringLiteral("m"), Sex::Male},        {QStringLiteral("male"), Sex::Male},
        {QStringLiteral("erkak"), Sex::Male},    {QStringLiteral("эркак"), Sex::Male},
        {QStringLiteral("м"), Sex::Male},        {QStringLiteral("муж"), Sex::Male},
        {QStringLiteral("мужской"), Sex::Male},  {QStringLiteral("f"), Sex::Female},
        {QStringLiteral("female"), Sex::Female}, {QStringLiteral("ayol"), Sex::Female},
        {QStringLiteral("аёл"), Sex::Female},    {QStringLiteral("ж"), Sex::Female},
        {QStringLiteral("жен"), Sex::Female},    {QStringLiteral("женский"), Sex::Female},
    };
    const auto it = words.constFind(text.trimmed().toLower());
    if (it == words.constEnd())
        return std::nullopt;
    return it.value();
}

std::optional<bool> parseFlag(const QString &text)
{
    QString word = text.trimmed().toLower();
    for (QChar &c : word) {
        if (NameNormalizer::isLetterMark(c))
            c = QLatin1Char('\'');
    }
    static const QHash<QString, bool> words = {
        {QString(), false},
        {QStringLiteral("0"), false},
        {QStringLiteral("1"), true},
        {QStringLiteral("false"), false},
        {QStringLiteral("true"), true},
        {QStringLiteral("no"), false},
        {QStringLiteral("yes"), true},
        {QStringLiteral("yo'q"), false},
        {QStringLiteral("ha"), true},
        {QStringLiteral("нет"), false},
        {QStringLiteral("да"), true},
    };
    const auto it = words.constFind(word);
    if (it == words.constEnd())
        return std::nullopt;
    return it.value();
}

std::optional<QDate> parseDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    for (const char *format : {"yyyy-MM-dd", "yyyy-M-d", "dd.MM.yyyy", "d.M.yyyy"}) {
        const QDate date = QDate::fromString(trimmed, QLatin1String(format));
        if (date.isValid())
            return date;
    }
    return std::nullopt;
}

std::optional<int> parseAge(const QString &text)
{
    const QString trimmed = text.trimmed();
    for (const QChar c : trimmed) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    bool ok = false;
    const int years = trimmed.toInt(&ok);
    if (!ok)
        return std::nullopt;
    return years;
}

} // namespace

// Turns records into patients: the header first, then one patient (or errors) per row.
class PatientCsvImporter::Parser
{
public:
    Parser(PatientCsvImporter &importer, bool keepPatients, bool checkRegistryNumbers)
        : m_importer(importer), m_keepPatients(keepPatients), m_checkRegistryNumbers(checkRegistryNumbers)
    {}

    bool take(RawRecord &record)
    {
        if (record.isBlank())
            return true;
        if (!m_haveHeader)
            return takeHeader(record);
        takeRow(record);
        return true;
    }

    std::vector<Patient> &patients() { return m_patients; }
    bool haveHeader() const { return m_haveHeader; }

private:
    struct Column
    {
        ColumnKey key = ColumnKey::Unnamed;
        QString name;
    };

    void error(qint64 line, const QString &column, const QString &message)
    {
        m_importer.addError(line, column, message);
        // From the first error on nothing will be written: stop holding patients.
        m_patients.clear();
        m_patients.shrink_to_fit();
    }

    QString columnName(qsizetype index) const
    {
        return index < m_columns.size() ? m_columns[index].name : QString();
    }

    // Reports what the tokenizer found wrong with a record; true when it was sound.
    bool checkRaw(const RawRecord &record)
    {
        if (record.tooLong) {
            error(record.line, QString(),
                  PatientCsvImporter::tr("The row is longer than %1 KB; no field can be that long.")
                      .arg(PatientCsvImporter::kMaxRowBytes / 1024));
            return false;
        }
        switch (record.problem) {
        case RawRecord::Problem::None:
            return true;
        case RawRecord::Problem::QuoteInUnquotedField:
            error(
                record.problemLine, columnName(record.problemField),
                PatientCsvImporter::tr(
                    "A quote (\") inside a field that does not start with one. Put the whole field in quotes "
                    "and write every quote inside it twice (\"\")."));
            return false;
        case RawRecord::Problem::TextAfterClosingQuote:
            error(record.problemLine, columnName(record.problemField),
                  PatientCsvImporter::tr(
                      "Text follows the closing quote of this field. Write every quote inside a quoted field "
                      "twice (\"\")."));
            return false;
        case RawRecord::Problem::UnclosedQuote:
            error(record.problemLine, columnName(record.problemField),
                  PatientCsvImporter::tr("A quoted field starts here but its closing quote is missing."));
            return false;
        }
        return false;
    }

    static QString notUtf8Message()
    {
        return PatientCsvImporter::tr(
            "The text is not valid UTF-8. Save the file as \"CSV UTF-8\" (Excel: Save As, CSV UTF-8) "
            "and import it again.");
    }

    bool takeHeader(const RawRecord &record)
    {
        m_haveHeader = true;
        if (!checkRaw(record))
            return false;

        const QStringList known = knownColumnNames();
        QHash<ColumnKey, qsizetype> seen;
        bool sound = true;
        for (qsizetype i = 0; i < record.fields.size(); ++i) {
            const std::optional<QString> name = decodeUtf8(record.fields[i]);
            if (!name) {
                error(record.line, QStringLiteral("#%1").arg(i + 1), notUtf8Message());
                sound = false;
                m_columns.append(Column{});
                continue;
            }
            Column column;
            column.name = name->trimmed();
            const QString key = columnKeyText(*name);
            if (key.isEmpty()) {
                column.name = QStringLiteral("#%1").arg(i + 1);
                m_columns.append(column);
                continue;
            }
            const qsizetype index = known.indexOf(key);
            if (index < 0) {
                error(record.line, column.name,
                      PatientCsvImporter::tr("Unknown column. The columns Medora reads are: %1.")
                          .arg(known.join(QLatin1String(", "))));
                sound = false;
            } else {
                column.key = kNamedKeys[size_t(index)];
                if (seen.contains(column.key)) {
                    error(record.line, column.name,
                          PatientCsvImporter::tr("This column appears more than once in the header."));
                    sound = false;
                }
                seen.insert(column.key, i);
            }
            m_columns.append(column);
        }
        for (const ColumnKey required : {ColumnKey::LastName, ColumnKey::FirstName, ColumnKey::Sex}) {
            if (!seen.contains(required)) {
                error(record.line, known[qsizetype(required)],
                      PatientCsvImporter::tr("This column is required but missing from the header."));
                sound = false;
            }
        }
        return sound;
    }

    void takeRow(const RawRecord &record)
    {
        if (!checkRaw(record))
            return;
        if (record.fields.size() < m_columns.size()) {
            error(record.line, QString(),
                  PatientCsvImporter::tr("The row has %1 fields but the header has %2.")
                      .arg(record.fields.size())
                      .arg(m_columns.size()));
            return;
        }
        for (qsizetype i = m_columns.size(); i < record.fields.size(); ++i) {
            // Spreadsheets append empty cells to short rows; anything else is misplaced data.
            if (!record.fields[i].isEmpty()) {
                error(record.fieldLines[i], QString(),
                      PatientCsvImporter::tr("The row has %1 fields but the header has %2.")
                          .arg(record.fields.size())
                          .arg(m_columns.size()));
                return;
            }
        }

        Patient patient;
        QHash<QString, bool> badColumns; // columns that already have an error in this row
        qsizetype ageColumn = -1;
        qsizetype birthDateColumn = -1;
        std::optional<bool> estimated;
        bool rowSound = true;
        const auto fieldError = [&](qsizetype i, const QString &message) {
            error(record.fieldLines[i], m_columns[i].name, message);
            badColumns.insert(m_columns[i].name, true);
            rowSound = false;
        };

        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            const std::optional<QString> decoded = decodeUtf8(record.fields[i]);
            if (!decoded) {
                fieldError(i, notUtf8Message());
                continue;
            }
            const QString &value = *decoded;
            switch (m_columns[i].key) {
            case ColumnKey::Unnamed:
                if (!value.trimmed().isEmpty())
                    fieldError(i,
                               PatientCsvImporter::tr("A value in a column that has no name in the header."));
                break;
            case ColumnKey::Number: {
                const QString number = value.trimmed().toUpper();
                if (number.isEmpty())
                    break;
                if (!PatientNumber::isValid(number)) {
                    fieldError(i, PatientCsvImporter::tr("\"%1\" is not a patient number such as KQX-00042.")
                                      .arg(value.trimmed()));
                    break;
                }
                const auto earlier = m_numberLines.constFind(number);
                if (earlier != m_numberLines.constEnd()) {
                    fieldError(i, PatientCsvImporter::tr("The patient number %1 is also on line %2.")
                                      .arg(number)
                                      .arg(earlier.value()));
                    break;
                }
                m_numberLines.insert(number, record.fieldLines[i]);
                if (m_checkRegistryNumbers && numberInRegistry(number)) {
                    fieldError(
                        i, PatientCsvImporter::tr("A patient with the number %1 is already in the registry.")
                               .arg(number));
                    break;
                }
                patient.number = number;
                break;
            }
            case ColumnKey::LastName:
                patient.lastName = NameNormalizer::tidy(value);
                break;
            case ColumnKey::FirstName:
                patient.firstName = NameNormalizer::tidy(value);
                break;
            case ColumnKey::FatherName:
                patient.fatherName = NameNormalizer::tidy(value);
                break;
            case ColumnKey::BirthDate:
                birthDateColumn = i;
                if (value.trimmed().isEmpty())
                    break;
                if (const std::optional<QDate> date = parseDate(value))
                    patient.birthDate = *date;
                else
                    fieldError(i, PatientCsvImporter::tr(
                                      "\"%1\" is not a date; write it as YYYY-MM-DD or DD.MM.YYYY.")
                                      .arg(value.trimmed()));
                break;
            case ColumnKey::BirthDateEstimated:
                estimated = parseFlag(value);
                if (!estimated)
                    fieldError(i, PatientCsvImporter::tr("\"%1\" is neither yes nor no; write 1 or 0.")
                                      .arg(value.trimmed()));
                break;
            case ColumnKey::Age:
                ageColumn = i;
                break;
            case ColumnKey::Sex:
                if (value.trimmed().isEmpty())
                    break; // PatientValidator says that sex is required
                if (const std::optional<Sex> sex = parseSex(value))
                    patient.sex = *sex;
                else
                    fieldError(i,
                               PatientCsvImporter::tr("\"%1\" is not a sex; write m or f (also male/female, "
                                                      "erkak/ayol, м/ж, муж/жен).")
                                   .arg(value.trimmed()));
                break;
            case ColumnKey::Phone:
                patient.phone = value.trimmed();
                break;
            case ColumnKey::Address:
                patient.address = value;
                break;
            case ColumnKey::Allergies:
                patient.allergies = value;
                break;
            case ColumnKey::Medications:
                patient.medications = value;
                break;
            case ColumnKey::History:
                patient.history = value;
                break;
            case ColumnKey::Notes:
                patient.notes = value;
                break;
            }
        }

        // The age is read last so that it can tell whether a date of birth was given too.
        bool dateFromAge = false;
        if (ageColumn >= 0) {
            const std::optional<QString> decoded = decodeUtf8(record.fields[ageColumn]);
            const QString value = decoded ? decoded->trimmed() : QString();
            if (decoded && !value.isEmpty()) {
                const bool dateGiven =
                    birthDateColumn >= 0 && !record.fields[birthDateColumn].trimmed().isEmpty();
                const std::optional<int> years = parseAge(value);
                const QDate estimate =
                    years ? PatientValidator::birthDateFromAge(*years, m_importer.m_today) : QDate();
                if (dateGiven) {
                    fieldError(ageColumn,
                               PatientCsvImporter::tr("Give either a date of birth or an age, not both."));
                } else if (!estimate.isValid()) {
                    fieldError(ageColumn, PatientCsvImporter::tr(
                                              "\"%1\" is not an age; write whole years from 0 to 130.")
                                              .arg(value));
                } else {
                    patient.birthDate = estimate;
                    patient.birthDateEstimated = true;
                    dateFromAge = true;
                }
            }
        }
        if (!dateFromAge && estimated)
            patient.birthDateEstimated = *estimated && patient.birthDate.isValid();

        for (const FieldError &problem : PatientValidator::validate(patient, m_importer.m_today)) {
            const qsizetype index = problem.field == QLatin1String("birthDate") && dateFromAge
                                        ? ageColumn
                                        : columnOf(problem.field);
            if (index < 0) // every validated field comes from a column, but never drop an error
                error(record.line, problem.field, problem.message);
            else if (!badColumns.contains(m_columns[index].name)) // else its own error says it already
                error(record.fieldLines[index], m_columns[index].name, problem.message);
            rowSound = false;
        }

        if (!rowSound)
            return;
        ++m_importer.m_rowCount;
        if (m_keepPatients && m_importer.m_errorCount == 0)
            m_patients.push_back(std::move(patient));
    }

    // The index of the column holding a PatientValidator field, or -1.
    qsizetype columnOf(const QString &field) const
    {
        static const QHash<QString, ColumnKey> keys = {
            {QStringLiteral("lastName"), ColumnKey::LastName},
            {QStringLiteral("firstName"), ColumnKey::FirstName},
            {QStringLiteral("fatherName"), ColumnKey::FatherName},
            {QStringLiteral("birthDate"), ColumnKey::BirthDate},
            {QStringLiteral("sex"), ColumnKey::Sex},
            {QStringLiteral("phone"), ColumnKey::Phone},
            {QStringLiteral("address"), ColumnKey::Address},
            {QStringLiteral("allergies"), ColumnKey::Allergies},
            {QStringLiteral("medications"), ColumnKey::Medications},
            {QStringLiteral("history"), ColumnKey::History},
            {QStringLiteral("notes"), ColumnKey::Notes},
        };
        const auto key = keys.constFind(field);
        if (key == keys.constEnd())
            return -1;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            if (m_columns[i].key == key.value())
                return i;
        }
        return -1;
    }

    bool numberInRegistry(const QString &number) const
    {
        const std::vector<qint64> hits = m_importer.m_registry.search(number, 5);
        if (hits.empty())
            return false;
        const QList<Patient> found = m_importer.m_registry.patients(hits);
        return std::any_of(found.begin(), found.end(), [&number](const Patient &patient) {
            return patient.number.compare(number, Qt::CaseInsensitive) == 0;
        });
    }

    PatientCsvImporter &m_importer;
    const bool m_keepPatients; // a dry run only counts them
    const bool m_checkRegistryNumbers;
    bool m_haveHeader = false;
    QList<Column> m_columns;
    QHash<QString, qint64> m_numberLines;
    std::vector<Patient> m_patients;
};

QString PatientCsvImporter::Error::text() const
{
    if (line <= 0)
        return message;
    if (column.isEmpty())
        return PatientCsvImporter::tr("line %1: %2").arg(line).arg(message);
    return PatientCsvImporter::tr("line %1, column %2: %3").arg(line).arg(column, message);
}

PatientCsvImporter::PatientCsvImporter(PatientRegistry &registry)
    : m_registry(registry), m_today(QDate::currentDate())
{}

void PatientCsvImporter::reset()
{
    m_rowCount = 0;
    m_errors.clear();
    m_errorCount = 0;
    m_storeError = {};
}

void PatientCsvImporter::addError(qint64 line, const QString &column, const QString &message)
{
    ++m_errorCount;
    if (m_errors.size() < kMaxListedErrors)
        m_errors.append(Error{line, column, message});
}

QStringList PatientCsvImporter::errorReport() const
{
    QStringList lines;
    lines.reserve(m_errors.size() + 1);
    for (const Error &error : m_errors)
        lines.append(error.text());
    const qint64 more = m_errorCount - m_errors.size();
    if (more > 0)
        lines.append(tr("… and %n more error(s).", nullptr, int(std::min<qint64>(more, INT_MAX))));
    return lines;
}

PatientCsvImporter::Outcome PatientCsvImporter::importFile(const QString &filePath, Mode mode)
{
    reset();
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        addError(0, QString(),
                 tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(filePath), file.errorString()));
        return Outcome::InvalidInput;
    }
    // Refused before reading a byte; importFrom() also counts, for devices without a size.
    if (!file.isSequential() && file.size() > kMaxFileBytes) {
        addError(0, QString(),
                 tr("%1 is larger than %2 MB; split it and import the parts one after the other.")
                     .arg(QDir::toNativeSeparators(filePath))
                     .arg(kMaxFileBytes / (1024 * 1024)));
        return Outcome::InvalidInput;
    }
    return importFrom(file, mode);
}

PatientCsvImporter::Outcome PatientCsvImporter::importFrom(QIODevice &device, Mode mode)
{
    reset();
    if (!m_registry.isOpen()) {
        m_storeError = {StoreError::Code::Other, tr("The patient registry is not open.")};
        return Outcome::StoreFailed;
    }

    qint64 total = 0;
    bool readFailed = false;
    const auto readChunk = [&](QByteArray &into) {
        into.resize(kReadChunk);
        qint64 n = device.read(into.data(), kReadChunk);
        if (n < 0) {
            readFailed = true;
            n = 0;
        }
        into.resize(n);
        total += n;
        return n > 0;
    };
    const auto tooBig = [&] {
        addError(0, QString(),
                 tr("The file is larger than %1 MB; split it and import the parts one after the other.")
                     .arg(kMaxFileBytes / (1024 * 1024)));
        return Outcome::InvalidInput;
    };

    // The header line decides the delimiter, so it is read before anything is parsed.
    QByteArray head;
    QByteArray chunk;
    while (!holdsHeaderLine(head) && head.size() <= kMaxRowBytes + kUtf8Bom.size() && readChunk(chunk))
        head += chunk;
    if (total > kMaxFileBytes)
        return tooBig();
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")) {
        addError(0, QString(),
                 tr("The file is in UTF-16 (Excel: \"Unicode Text\"); save it as \"CSV UTF-8\" and import it "
                    "again."));
        return Outcome::InvalidInput;
    }
    if (head.startsWith(kUtf8Bom))
        head.remove(0, kUtf8Bom.size());

    // Numbers are looked up in the registry only when it holds someone: a first import
    // into an empty registry, the usual case, costs no index searches.
    Parser parser(*this, mode == Mode::Import, m_registry.patientCount() > 0);
    RecordReader reader(sniffDelimiter(head), kMaxRowBytes,
                        [&parser](RawRecord &record) { return parser.take(record); });
    bool reading = reader.feed(head.constData(), head.size());
    head.clear();
    while (reading && readChunk(chunk)) {
        if (total > kMaxFileBytes)
            return tooBig();
        reading = reader.feed(chunk.constData(), chunk.size());
    }
    if (reading)
        reading = reader.finish();
    if (readFailed) {
        addError(0, QString(), tr("The file cannot be read: %1").arg(device.errorString()));
        return Outcome::InvalidInput;
    }
    if (!parser.haveHeader()) {
        addError(0, QString(),
                 tr("The file is empty. Its first line must name the columns, for example: %1")
                     .arg(QStringLiteral("last_name,first_name,father_name,birth_date,sex,phone")));
        return Outcome::InvalidInput;
    }
    if (m_errorCount > 0)
        return Outcome::InvalidInput;
    if (mode == Mode::DryRun)
        return Outcome::Valid;

    std::vector<Patient> &patients = parser.patients();
    if (!m_registry.importPatients(patients)) {
        m_storeError = m_registry.lastError();
        return Outcome::StoreFailed;
    }
    return Outcome::Imported;
}

} // namespace medora
