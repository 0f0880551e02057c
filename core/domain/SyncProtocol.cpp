#include "domain/SyncProtocol.h"

#include "domain/EntityJson.h"
#include "domain/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>

#include <array>
#include <cmath>
#include <iterator>

namespace medora {

namespace {

// Revisions and sequences stay exact in a JSON number (a double) up to 2^53 - 1.
constexpr qint64 kMaxCounter = (qint64(1) << 53) - 1;
// Push bodies are nested at most this deep (a vital in a report's sections in an op is 7).
constexpr int kMaxPushDepth = 16;
constexpr int kMaxReasonCode = 64;
constexpr int kMaxReasonMessage = 1000;
constexpr int kDatabaseIdLength = 32;
constexpr qsizetype kMaxKeyInFieldName = 40;

const QLatin1String kPushStatusNames[] = {QLatin1String("applied"), QLatin1String("duplicate"),
                                          QLatin1String("conflict"), QLatin1String("rejected")};
// In EntityKind order.
const QLatin1String kEntityNames[] = {QLatin1String("patient"), QLatin1String("visit"),
                                      QLatin1String("report"), QLatin1String("payment")};
const QLatin1String kActionNames[] = {QLatin1String("upsert"), QLatin1String("delete")};

// A field's name ("ops[3].opId"), built only when an error must name it.
struct FieldPath
{
    FieldPath() = default;
    FieldPath(const FieldPath *parentPath, QLatin1String name, qsizetype position = -1)
        : parent(parentPath), key(name), index(position)
    {}

    const FieldPath *parent = nullptr;
    QLatin1String key;
    qsizetype index = -1;
    QStringView root; // the caller's prefix, for the outermost path

    void appendTo(QString &out) const
    {
        if (parent)
            parent->appendTo(out);
        out += root;
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

    QString text() const
    {
        QString out;
        appendTo(out);
        return out;
    }

    QString child(const QString &name) const
    {
        QString out = text();
        if (!out.isEmpty())
            out += QLatin1Char('.');
        out += name;
        return out;
    }
};

bool isHexDigit(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
           (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

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
    return !uuid->isNull();
}

QString uuidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

bool isSnakeCase(const QString &code)
{
    if (code.isEmpty() || code.size() > kMaxReasonCode)
        return false;
    for (const QChar c : code) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
              (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')))
            return false;
    }
    return true;
}

bool isDatabaseId(const QString &id)
{
    if (id.size() != kDatabaseIdLength)
        return false;
    for (const QChar c : id) {
        if (!isHexDigit(c))
            return false;
    }
    return true;
}

bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// Nesting depth of a JSON text, counted without parsing it, so a hostile body cannot make
// the parser recurse; a root object is depth 1. -1 when brackets do not balance.
int jsonDepth(const QByteArray &body, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : body) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
        } else if (c == '}' || c == ']') {
            if (--depth < 0)
                return -1;
        }
    }
    return deepest;
}

// Reads one JSON object of the protocol field by field; outputs are written only when the
// field is sound. Messages are in SyncProtocol's translation context.
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

    bool has(QLatin1String key) { return find(key) != m_object.constEnd(); }

    QJsonValue take(QLatin1String key)
    {
        const auto it = find(key);
        if (it == m_object.constEnd()) {
            fail(key, SyncProtocol::tr("This field is required."));
            return QJsonValue(QJsonValue::Undefined);
        }
        return it.value();
    }

    bool text(QLatin1String key, int minLength, int maxLength, QString *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (!value.isString()) {
            fail(key, SyncProtocol::tr("Must be text."));
            return false;
        }
        QString text = value.toString();
        if (text.size() > maxLength) {
            fail(key, SyncProtocol::tr("Must be at most %n characters.", nullptr, maxLength));
            return false;
        }
        if (text.size() < minLength) {
            fail(key, SyncProtocol::tr("This field is required."));
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
            fail(key, SyncProtocol::tr("Must be true or false."));
            return false;
        }
        *out = value.toBool();
        return true;
    }

    bool counter(QLatin1String key, qint64 min, qint64 *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number)) {
            fail(key, SyncProtocol::tr("Must be a whole number."));
            return false;
        }
        if (number < double(min) || number > double(kMaxCounter)) {
            fail(key, SyncProtocol::tr("Must be between %1 and %2.").arg(min).arg(kMaxCounter));
            return false;
        }
        *out = qint64(number);
        return true;
    }

    bool uuid(QLatin1String key, QUuid *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        QUuid parsed;
        if (!value.isString() || !uuidFromText(value.toString(), &parsed)) {
            fail(key, SyncProtocol::tr("Must be an id such as 0190f5a4-7b1c-7d3e-8f00-0123456789ab."));
            return false;
        }
        *out = parsed;
        return true;
    }

    template <std::size_t N> bool choice(QLatin1String key, const QLatin1String (&names)[N], int *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (value.isString()) {
            const QString text = value.toString();
            for (std::size_t i = 0; i < N; ++i) {
                if (text == names[i]) {
                    *out = int(i);
                    return true;
                }
            }
        }
        QString choices;
        for (std::size_t i = 0; i < N; ++i) {
            if (i > 0)
                choices += QLatin1String(", ");
            choices += names[i];
        }
        fail(key, SyncProtocol::tr("Must be one of: %1.").arg(choices));
        return false;
    }

    bool object(QLatin1String key, QJsonObject *out)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined())
            return false;
        if (!value.isObject()) {
            fail(key, SyncProtocol::tr("Must be an object."));
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
            fail(key, SyncProtocol::tr("Must be a list."));
            return false;
        }
        *out = value.toArray();
        return true;
    }

    // A field that must not be there in this context ("data" on a delete).
    void refuse(QLatin1String key, const QString &message)
    {
        if (has(key))
            fail(key, message);
    }

    // Names the first key nobody asked about; one error says enough, and a hostile object
    // with thousands of keys must not produce thousands of errors.
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
                m_errors.append(
                    FieldError{m_path.child(shown), SyncProtocol::tr("This field is not known.")});
                return;
            }
        }
    }

private:
    // Looks a key up and remembers that it was asked for; a key found the first time it is
    // asked for counts towards the keys that are accounted for.
    QJsonObject::const_iterator find(QLatin1String key)
    {
        bool listed = false;
        for (int i = 0; i < m_knownCount && !listed; ++i)
            listed = m_known[i] == key;
        const auto it = m_object.constFind(key);
        if (!listed) {
            if (m_knownCount < int(m_known.size()))
                m_known[m_knownCount++] = key;
            if (it != m_object.constEnd())
                ++m_present;
        }
        return it;
    }

    const QJsonObject &m_object;
    const FieldPath &m_path;
    FieldErrors &m_errors;
    std::array<QLatin1String, 16> m_known;
    int m_knownCount = 0;
    qsizetype m_present = 0;
};

void failAt(FieldErrors &errors, const FieldPath &path, const QString &message)
{
    errors.append(FieldError{path.text(), message});
}

bool finish(const FieldErrors &found, FieldErrors *errors)
{
    if (errors)
        *errors = found;
    return found.isEmpty();
}

// A list of patient merge fields without repeats ("changedFields", "conflictFields").
bool readMergeFields(const QJsonArray &array, const FieldPath &path, FieldErrors &errors, QStringList *out)
{
    static const QStringList mergeFields = EntityJson::patientMergeFields();
    if (array.size() > mergeFields.size()) {
        failAt(errors, path,
               SyncProtocol::tr("Lists a field more than once or a field that does not merge."));
        return false;
    }
    QStringList fields;
    fields.reserve(array.size());
    bool sound = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        const QString name = item.toString();
        if (!item.isString() || !mergeFields.contains(name)) {
            failAt(errors, FieldPath{&path, QLatin1String(), i},
                   SyncProtocol::tr("Must be one of the patient fields that merge: %1.")
                       .arg(mergeFields.join(QLatin1String(", "))));
            sound = false;
        } else if (fields.contains(name)) {
            failAt(errors, FieldPath{&path, QLatin1String(), i},
                   SyncProtocol::tr("This field is listed twice."));
            sound = false;
        } else {
            fields.append(name);
        }
    }
    if (sound)
        *out = std::move(fields);
    return sound;
}

bool decodeEntityData(EntityKind kind, const QJsonObject &data, FieldErrors *errors)
{
    switch (kind) {
    case EntityKind::Patient: {
        Patient patient;
        return EntityJson::fromJson(data, &patient, errors);
    }
    case EntityKind::Visit: {
        Visit visit;
        return EntityJson::fromJson(data, &visit, errors);
    }
    case EntityKind::Report: {
        Report report;
        return EntityJson::fromJson(data, &report, errors);
    }
    case EntityKind::Payment: {
        Payment payment;
        return EntityJson::fromJson(data, &payment, errors);
    }
    }
    return false;
}

bool readRecord(const QJsonObject &object, const FieldPath &path, FieldErrors &errors, SyncRecord *out)
{
    const qsizetype errorsBefore = errors.size();
    ObjectReader reader(object, path, errors);
    SyncRecord record;
    int entity = -1;
    const bool entityRead = reader.choice(QLatin1String("entity"), kEntityNames, &entity);
    if (entityRead)
        record.entity = static_cast<EntityKind>(entity);
    reader.uuid(QLatin1String("id"), &record.id);
    reader.counter(QLatin1String("revision"), 1, &record.revision);
    reader.counter(QLatin1String("sequence"), 1, &record.sequence);
    const bool deletedRead = reader.boolean(QLatin1String("deleted"), &record.deleted);
    bool timeOk = false;
    if (reader.text(QLatin1String("updatedAt"), 0, EntityJson::kMaxShortText, &record.updatedAt)) {
        EntityJson::timeFromText(record.updatedAt, &timeOk);
        if (!timeOk)
            reader.fail(QLatin1String("updatedAt"),
                        SyncProtocol::tr("Must be a UTC time such as 2026-11-28T06:00:00.000Z."));
    }
    QUuid updatedBy;
    if (reader.text(QLatin1String("updatedBy"), 0, EntityJson::kMaxShortText, &record.updatedBy) &&
        !record.updatedBy.isEmpty() && !uuidFromText(record.updatedBy, &updatedBy))
        reader.fail(QLatin1String("updatedBy"),
                    SyncProtocol::tr("Must be an id such as 0190f5a4-7b1c-7d3e-8f00-0123456789ab."));
    if (reader.object(QLatin1String("data"), &record.data) && entityRead && deletedRead) {
        if (record.deleted) {
            if (!record.data.isEmpty())
                reader.fail(QLatin1String("data"), SyncProtocol::tr("A deleted record carries no data."));
        } else {
            FieldErrors dataErrors;
            if (!decodeEntityData(record.entity, record.data, &dataErrors)) {
                const QString prefix = path.text();
                for (FieldError &error : dataErrors) {
                    if (!prefix.isEmpty())
                        error.field = prefix + QLatin1Char('.') + error.field;
                    errors.append(std::move(error));
                }
            }
        }
    }
    reader.refuseUnknownKeys();
    if (errors.size() != errorsBefore)
        return false;
    *out = std::move(record);
    return true;
}

PushStatus effectiveStatus(const PushResult &result)
{
    return result.status == PushStatus::Duplicate ? result.firstStatus : result.status;
}

bool readResult(const QJsonObject &object, const FieldPath &path, FieldErrors &errors, PushResult *out)
{
    const qsizetype errorsBefore = errors.size();
    ObjectReader reader(object, path, errors);
    PushResult result;
    reader.uuid(QLatin1String("opId"), &result.opId);
    // Which other keys belong depends on the status; without a sound one there is no more to say.
    int status = -1;
    if (!reader.choice(QLatin1String("status"), kPushStatusNames, &status))
        return false;
    result.status = static_cast<PushStatus>(status);
    if (result.status == PushStatus::Duplicate) {
        int first = -1;
        if (!reader.choice(QLatin1String("firstStatus"), kPushStatusNames, &first))
            return false;
        result.firstStatus = static_cast<PushStatus>(first);
        if (result.firstStatus == PushStatus::Duplicate) {
            reader.fail(QLatin1String("firstStatus"),
                        SyncProtocol::tr("The first answer to an operation cannot be \"duplicate\"."));
            return false;
        }
    } else {
        result.firstStatus = result.status;
        reader.refuse(QLatin1String("firstStatus"),
                      SyncProtocol::tr("Only a duplicate answer has a first status."));
    }
    const PushStatus effective = effectiveStatus(result);

    if (reader.has(QLatin1String("revision")))
        reader.counter(QLatin1String("revision"), 0, &result.revision);
    if (reader.has(QLatin1String("sequence")))
        reader.counter(QLatin1String("sequence"), 0, &result.sequence);

    const bool needsRecord = effective == PushStatus::Applied || effective == PushStatus::Conflict;
    if (needsRecord || reader.has(QLatin1String("record"))) {
        QJsonObject record;
        if (reader.object(QLatin1String("record"), &record)) {
            const FieldPath recordPath{&path, QLatin1String("record")};
            result.hasRecord = readRecord(record, recordPath, errors, &result.record);
        }
    }

    const QString onlyForConflicts = SyncProtocol::tr("Only a conflict answer has this field.");
    if (effective == PushStatus::Conflict) {
        bool fieldsSound = true;
        if (reader.has(QLatin1String("conflictFields"))) {
            QJsonArray fields;
            fieldsSound = reader.array(QLatin1String("conflictFields"), &fields) &&
                          readMergeFields(fields, FieldPath{&path, QLatin1String("conflictFields")}, errors,
                                          &result.conflictFields);
        }
        // The values are checked against the fields, so only once those are known.
        if (reader.has(QLatin1String("conflictValues")) && fieldsSound) {
            QJsonObject values;
            if (reader.object(QLatin1String("conflictValues"), &values)) {
                const FieldPath valuesPath{&path, QLatin1String("conflictValues")};
                bool sound = true;
                for (auto it = values.constBegin(); it != values.constEnd() && sound; ++it) {
                    const QString key = it.key();
                    if (!result.conflictFields.contains(key)) {
                        errors.append(FieldError{valuesPath.child(key.left(kMaxKeyInFieldName)),
                                                 SyncProtocol::tr("Not one of the conflicting fields.")});
                        sound = false;
                    } else if (it.value().isObject() || it.value().isArray()) {
                        errors.append(
                            FieldError{valuesPath.child(key), SyncProtocol::tr("Must be a plain value.")});
                        sound = false;
                    }
                }
                if (sound)
                    result.conflictValues = values;
            }
        }
        if (reader.has(QLatin1String("keptAsId")))
            reader.uuid(QLatin1String("keptAsId"), &result.keptAsId);
    } else {
        reader.refuse(QLatin1String("conflictFields"), onlyForConflicts);
        reader.refuse(QLatin1String("conflictValues"), onlyForConflicts);
        reader.refuse(QLatin1String("keptAsId"), onlyForConflicts);
    }

    if (effective == PushStatus::Rejected) {
        QJsonObject reason;
        if (reader.object(QLatin1String("reason"), &reason)) {
            const FieldPath reasonPath{&path, QLatin1String("reason")};
            ObjectReader reasonReader(reason, reasonPath, errors);
            if (reasonReader.text(QLatin1String("code"), 1, kMaxReasonCode, &result.reasonCode) &&
                !isSnakeCase(result.reasonCode))
                reasonReader.fail(QLatin1String("code"),
                                  SyncProtocol::tr("Must be a code of small letters, digits and _."));
            reasonReader.text(QLatin1String("message"), 0, kMaxReasonMessage, &result.reasonMessage);
            if (reasonReader.has(QLatin1String("field")))
                reasonReader.text(QLatin1String("field"), 0, EntityJson::kMaxShortText, &result.reasonField);
            reasonReader.refuseUnknownKeys();
        }
        reader.boolean(QLatin1String("retryable"), &result.retryable);
    } else {
        const QString onlyForRejections = SyncProtocol::tr("Only a rejection has this field.");
        reader.refuse(QLatin1String("reason"), onlyForRejections);
        reader.refuse(QLatin1String("retryable"), onlyForRejections);
    }
    reader.refuseUnknownKeys();
    if (errors.size() != errorsBefore)
        return false;
    *out = std::move(result);
    return true;
}

bool readOperation(const QJsonObject &object, const FieldPath &path, FieldErrors &errors, PushOperation *out)
{
    const qsizetype errorsBefore = errors.size();
    ObjectReader reader(object, path, errors);
    PushOperation op;
    reader.uuid(QLatin1String("opId"), &op.opId);
    int entity = -1;
    const bool entityRead = reader.choice(QLatin1String("entity"), kEntityNames, &entity);
    if (entityRead)
        op.entity = static_cast<EntityKind>(entity);
    reader.uuid(QLatin1String("id"), &op.id);
    reader.counter(QLatin1String("baseRevision"), 0, &op.baseRevision);
    int action = -1;
    const bool actionRead = reader.choice(QLatin1String("action"), kActionNames, &action);
    if (actionRead)
        op.action = static_cast<PushAction>(action);

    if (reader.has(QLatin1String("changedFields"))) {
        if (entityRead && op.entity != EntityKind::Patient) {
            reader.fail(QLatin1String("changedFields"),
                        SyncProtocol::tr("Only patient changes list their fields."));
        } else if (actionRead && op.action == PushAction::Delete) {
            reader.fail(QLatin1String("changedFields"), SyncProtocol::tr("A delete changes no fields."));
        } else {
            QJsonArray fields;
            if (reader.array(QLatin1String("changedFields"), &fields))
                readMergeFields(fields, FieldPath{&path, QLatin1String("changedFields")}, errors,
                                &op.changedFields);
        }
    }

    if (actionRead) {
        if (op.action == PushAction::Upsert)
            reader.object(QLatin1String("data"), &op.data);
        else
            reader.refuse(QLatin1String("data"), SyncProtocol::tr("A delete carries no data."));
    } else if (reader.has(QLatin1String("data")) && !object.value(QLatin1String("data")).isObject()) {
        reader.fail(QLatin1String("data"), SyncProtocol::tr("Must be an object."));
    }
    reader.refuseUnknownKeys();
    if (errors.size() != errorsBefore)
        return false;
    *out = std::move(op);
    return true;
}

} // namespace

QString SyncProtocol::pushStatusName(PushStatus status)
{
    const auto index = static_cast<std::size_t>(static_cast<int>(status));
    return index < std::size(kPushStatusNames) ? QString(kPushStatusNames[index]) : QString();
}

bool SyncProtocol::pushStatusFromName(const QString &name, PushStatus *status)
{
    for (std::size_t i = 0; i < std::size(kPushStatusNames); ++i) {
        if (name == kPushStatusNames[i]) {
            if (status)
                *status = static_cast<PushStatus>(int(i));
            return true;
        }
    }
    return false;
}

QJsonObject SyncProtocol::pushRequestObject(const PushRequest &request)
{
    QJsonArray ops;
    for (const PushOperation &op : request.ops) {
        QJsonObject item;
        item.insert(QLatin1String("opId"), uuidText(op.opId));
        item.insert(QLatin1String("entity"), SyncEntity::name(op.entity));
        item.insert(QLatin1String("id"), uuidText(op.id));
        item.insert(QLatin1String("baseRevision"), op.baseRevision);
        item.insert(QLatin1String("action"),
                    op.action == PushAction::Delete ? kActionNames[1] : kActionNames[0]);
        if (op.entity == EntityKind::Patient && op.action == PushAction::Upsert &&
            !op.changedFields.isEmpty())
            item.insert(QLatin1String("changedFields"), QJsonArray::fromStringList(op.changedFields));
        if (op.action == PushAction::Upsert)
            item.insert(QLatin1String("data"), op.data);
        ops.append(item);
    }
    QJsonObject body;
    body.insert(QLatin1String("deviceId"), request.deviceId);
    body.insert(QLatin1String("ops"), ops);
    return body;
}

QByteArray SyncProtocol::encodePushRequest(const PushRequest &request)
{
    return JsonText::compact(pushRequestObject(request));
}

bool SyncProtocol::decodePushRequest(const QByteArray &body, PushRequest *request, FieldErrors *errors)
{
    FieldErrors found;
    const auto refuseBody = [&found, errors](const QString &message) {
        found.append(FieldError{QString(), message});
        return finish(found, errors);
    };
    if (body.size() > kMaxPushBytes)
        return refuseBody(tr("The push is larger than %1 bytes.").arg(kMaxPushBytes));
    const int depth = jsonDepth(body, kMaxPushDepth);
    if (depth > kMaxPushDepth)
        return refuseBody(tr("The push is nested more than %1 levels deep.").arg(kMaxPushDepth));
    QJsonParseError parseError;
    const QJsonDocument document = depth < 0 ? QJsonDocument() : QJsonDocument::fromJson(body, &parseError);
    if (depth < 0 || parseError.error != QJsonParseError::NoError || !document.isObject())
        return refuseBody(tr("The push must be a JSON object."));

    const QJsonObject object = document.object();
    const FieldPath root;
    ObjectReader reader(object, root, found);
    PushRequest decoded;
    if (reader.text(QLatin1String("deviceId"), 1, EntityJson::kMaxShortText, &decoded.deviceId) &&
        hasControlCharacter(decoded.deviceId))
        reader.fail(QLatin1String("deviceId"), tr("Must not contain control characters."));
    QJsonArray ops;
    if (reader.array(QLatin1String("ops"), &ops)) {
        if (ops.size() > kMaxOpsPerPush) {
            reader.fail(QLatin1String("ops"), tr("At most %n operations per push.", nullptr, kMaxOpsPerPush));
        } else {
            decoded.ops.reserve(ops.size());
            QSet<QUuid> opIds;
            opIds.reserve(ops.size());
            for (qsizetype i = 0; i < ops.size(); ++i) {
                const FieldPath opPath{&root, QLatin1String("ops"), i};
                const QJsonValue item = ops.at(i);
                if (!item.isObject()) {
                    failAt(found, opPath, tr("Must be an object."));
                    continue;
                }
                PushOperation op;
                if (!readOperation(item.toObject(), opPath, found, &op))
                    continue;
                if (opIds.contains(op.opId)) {
                    found.append(FieldError{opPath.child(QStringLiteral("opId")),
                                            tr("The same operation id appears twice in one push.")});
                    continue;
                }
                opIds.insert(op.opId);
                decoded.ops.append(std::move(op));
            }
        }
    }
    reader.refuseUnknownKeys();
    if (!finish(found, errors))
        return false;
    *request = std::move(decoded);
    return true;
}

QJsonObject SyncProtocol::encodeRecord(const SyncRecord &record)
{
    QJsonObject object;
    object.insert(QLatin1String("entity"), SyncEntity::name(record.entity));
    object.insert(QLatin1String("id"), uuidText(record.id));
    object.insert(QLatin1String("revision"), record.revision);
    object.insert(QLatin1String("sequence"), record.sequence);
    object.insert(QLatin1String("deleted"), record.deleted);
    object.insert(QLatin1String("updatedAt"), record.updatedAt);
    object.insert(QLatin1String("updatedBy"), record.updatedBy);
    object.insert(QLatin1String("data"), record.deleted ? QJsonObject() : record.data);
    return object;
}

QJsonObject SyncProtocol::encodeResult(const PushResult &result)
{
    QJsonObject object;
    object.insert(QLatin1String("opId"), uuidText(result.opId));
    object.insert(QLatin1String("status"), pushStatusName(result.status));
    if (result.status == PushStatus::Duplicate)
        object.insert(QLatin1String("firstStatus"), pushStatusName(result.firstStatus));
    if (result.revision != 0)
        object.insert(QLatin1String("revision"), result.revision);
    if (result.sequence != 0)
        object.insert(QLatin1String("sequence"), result.sequence);
    if (result.hasRecord)
        object.insert(QLatin1String("record"), encodeRecord(result.record));
    const PushStatus effective = effectiveStatus(result);
    if (effective == PushStatus::Conflict) {
        if (!result.conflictFields.isEmpty())
            object.insert(QLatin1String("conflictFields"), QJsonArray::fromStringList(result.conflictFields));
        if (!result.conflictValues.isEmpty())
            object.insert(QLatin1String("conflictValues"), result.conflictValues);
        if (!result.keptAsId.isNull())
            object.insert(QLatin1String("keptAsId"), uuidText(result.keptAsId));
    }
    if (effective == PushStatus::Rejected) {
        QJsonObject reason;
        reason.insert(QLatin1String("code"), result.reasonCode);
        reason.insert(QLatin1String("message"), result.reasonMessage);
        if (!result.reasonField.isEmpty())
            reason.insert(QLatin1String("field"), result.reasonField);
        object.insert(QLatin1String("reason"), reason);
        object.insert(QLatin1String("retryable"), result.retryable);
    }
    return object;
}

QByteArray SyncProtocol::encodePushResponse(const PushResponse &response)
{
    QJsonArray results;
    for (const PushResult &result : response.results)
        results.append(encodeResult(result));
    QJsonObject body;
    body.insert(QLatin1String("results"), results);
    body.insert(QLatin1String("serverSequence"), response.serverSequence);
    return JsonText::compact(body);
}

bool SyncProtocol::decodePushResponse(const QJsonObject &body, PushResponse *response, FieldErrors *errors)
{
    FieldErrors found;
    const FieldPath root;
    ObjectReader reader(body, root, found);
    PushResponse decoded;
    QJsonArray results;
    if (reader.array(QLatin1String("results"), &results)) {
        if (results.size() > kMaxOpsPerPush) {
            reader.fail(QLatin1String("results"),
                        tr("At most %n results per push.", nullptr, kMaxOpsPerPush));
        } else {
            decoded.results.reserve(results.size());
            for (qsizetype i = 0; i < results.size(); ++i) {
                const FieldPath resultPath{&root, QLatin1String("results"), i};
                const QJsonValue item = results.at(i);
                if (!item.isObject()) {
                    failAt(found, resultPath, tr("Must be an object."));
                    continue;
                }
                PushResult result;
                if (readResult(item.toObject(), resultPath, found, &result))
                    decoded.results.append(std::move(result));
            }
        }
    }
    reader.counter(QLatin1String("serverSequence"), 0, &decoded.serverSequence);
    reader.refuseUnknownKeys();
    if (!finish(found, errors))
        return false;
    *response = std::move(decoded);
    return true;
}

QByteArray SyncProtocol::encodePullPage(const PullPage &page)
{
    QJsonArray changes;
    for (const SyncRecord &record : page.changes)
        changes.append(encodeRecord(record));
    QJsonObject body;
    body.insert(QLatin1String("changes"), changes);
    body.insert(QLatin1String("next"), page.next);
    body.insert(QLatin1String("hasMore"), page.hasMore);
    body.insert(QLatin1String("serverSequence"), page.serverSequence);
    body.insert(QLatin1String("horizon"), page.horizon);
    body.insert(QLatin1String("databaseId"), page.databaseId);
    return JsonText::compact(body);
}

bool SyncProtocol::decodePullPage(const QJsonObject &body, PullPage *page, FieldErrors *errors)
{
    FieldErrors found;
    const FieldPath root;
    ObjectReader reader(body, root, found);
    PullPage decoded;
    QJsonArray changes;
    qint64 lastSequence = 0;
    if (reader.array(QLatin1String("changes"), &changes)) {
        if (changes.size() > kMaxPullLimit) {
            reader.fail(QLatin1String("changes"), tr("At most %n changes per page.", nullptr, kMaxPullLimit));
        } else {
            decoded.changes.reserve(changes.size());
            for (qsizetype i = 0; i < changes.size(); ++i) {
                const FieldPath changePath{&root, QLatin1String("changes"), i};
                const QJsonValue item = changes.at(i);
                if (!item.isObject()) {
                    failAt(found, changePath, tr("Must be an object."));
                    continue;
                }
                SyncRecord record;
                if (!readRecord(item.toObject(), changePath, found, &record))
                    continue;
                if (record.sequence <= lastSequence) {
                    found.append(FieldError{changePath.child(QStringLiteral("sequence")),
                                            tr("Changes must come in ascending sequence.")});
                    continue;
                }
                lastSequence = record.sequence;
                decoded.changes.append(std::move(record));
            }
        }
    }
    if (reader.counter(QLatin1String("next"), 0, &decoded.next) && decoded.next < lastSequence)
        reader.fail(QLatin1String("next"), tr("The cursor cannot lie before the changes it follows."));
    reader.boolean(QLatin1String("hasMore"), &decoded.hasMore);
    reader.counter(QLatin1String("serverSequence"), 0, &decoded.serverSequence);
    reader.counter(QLatin1String("horizon"), 0, &decoded.horizon);
    if (reader.text(QLatin1String("databaseId"), 0, kDatabaseIdLength, &decoded.databaseId) &&
        !isDatabaseId(decoded.databaseId))
        reader.fail(QLatin1String("databaseId"), tr("Must be 32 hexadecimal digits."));
    reader.refuseUnknownKeys();
    if (!finish(found, errors))
        return false;
    *page = std::move(decoded);
    return true;
}

bool SyncProtocol::decodeRecord(const QJsonObject &object, SyncRecord *record, FieldErrors *errors,
                                const QString &fieldPrefix)
{
    FieldErrors found;
    FieldPath root;
    root.root = fieldPrefix;
    SyncRecord decoded;
    if (!readRecord(object, root, found, &decoded))
        return finish(found, errors);
    finish(found, errors);
    *record = std::move(decoded);
    return true;
}

} // namespace medora
