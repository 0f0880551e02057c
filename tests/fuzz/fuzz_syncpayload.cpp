// libFuzzer target over the sync payload decoders both sides run on untrusted input: the push
// request decoder (the server's trust boundary), the pull page and push response decoders
// (the client's), a single record, and the four entities' "data" decoders. Any crash,
// sanitizer report, leak or broken invariant (checked below with abort()) is a finding.
// Invariants: a refusal always names at least one error with a message and a bounded field
// name; an accepted payload re-encodes canonically (encode, decode and encode again gives
// the same bytes) and respects the protocol's bounds.
#include "domain/EntityJson.h"
#include "domain/SyncProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cstdint>
#include <cstdlib>

using namespace medora;

namespace {

void require(bool condition)
{
    if (!condition)
        abort();
}

void checkRefusal(const FieldErrors &errors)
{
    require(!errors.isEmpty());
    for (const FieldError &error : errors) {
        require(!error.message.isEmpty());
        require(error.field.size() <= 160);
    }
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject reparsed(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    require(error.error == QJsonParseError::NoError && document.isObject());
    return document.object();
}

// Decodes `data` as an entity of type T; when accepted, its canonical form must decode again
// to the same canonical form.
template <typename T> void checkEntity(const QJsonObject &data)
{
    T decoded;
    FieldErrors errors;
    if (!EntityJson::fromJson(data, &decoded, &errors)) {
        checkRefusal(errors);
        return;
    }
    require(errors.isEmpty());
    const QByteArray canonical = compact(EntityJson::toJson(decoded));
    T again;
    require(EntityJson::fromJson(reparsed(canonical), &again, &errors));
    require(compact(EntityJson::toJson(again)) == canonical);
}

void checkAllEntities(const QJsonObject &data)
{
    checkEntity<Patient>(data);
    checkEntity<Visit>(data);
    checkEntity<Report>(data);
    checkEntity<Payment>(data);
}

void checkPushRequest(const QByteArray &body)
{
    PushRequest request;
    FieldErrors errors;
    if (!SyncProtocol::decodePushRequest(body, &request, &errors)) {
        checkRefusal(errors);
        require(request.ops.isEmpty() && request.deviceId.isEmpty());
        return;
    }
    require(errors.isEmpty());
    require(body.size() <= SyncProtocol::kMaxPushBytes);
    require(!request.deviceId.isEmpty());
    require(request.ops.size() <= SyncProtocol::kMaxOpsPerPush);
    QSet<QUuid> opIds;
    const QStringList mergeFields = EntityJson::patientMergeFields();
    for (const PushOperation &op : request.ops) {
        require(!op.opId.isNull() && !op.id.isNull());
        require(!opIds.contains(op.opId));
        opIds.insert(op.opId);
        require(op.baseRevision >= 0);
        require(op.action == PushAction::Upsert || op.data.isEmpty());
        require(op.changedFields.isEmpty() || op.entity == EntityKind::Patient);
        for (const QString &field : op.changedFields)
            require(mergeFields.contains(field));
        checkAllEntities(op.data);
    }
    const QByteArray canonical = SyncProtocol::encodePushRequest(request);
    PushRequest again;
    require(SyncProtocol::decodePushRequest(canonical, &again, &errors));
    require(SyncProtocol::encodePushRequest(again) == canonical);
}

void checkPullPage(const QJsonObject &body)
{
    PullPage page;
    FieldErrors errors;
    if (!SyncProtocol::decodePullPage(body, &page, &errors)) {
        checkRefusal(errors);
        require(page.changes.isEmpty() && page.databaseId.isEmpty());
        return;
    }
    require(page.changes.size() <= SyncProtocol::kMaxPullLimit);
    qint64 previous = 0;
    for (const SyncRecord &record : page.changes) {
        require(record.sequence > previous);
        previous = record.sequence;
        require(!record.deleted || record.data.isEmpty());
    }
    require(page.next >= previous);
    const QByteArray canonical = SyncProtocol::encodePullPage(page);
    PullPage again;
    require(SyncProtocol::decodePullPage(reparsed(canonical), &again, &errors));
    require(SyncProtocol::encodePullPage(again) == canonical);
}

void checkPushResponse(const QJsonObject &body)
{
    PushResponse response;
    FieldErrors errors;
    if (!SyncProtocol::decodePushResponse(body, &response, &errors)) {
        checkRefusal(errors);
        require(response.results.isEmpty());
        return;
    }
    require(response.results.size() <= SyncProtocol::kMaxOpsPerPush);
    for (const PushResult &result : response.results) {
        const PushStatus effective =
            result.status == PushStatus::Duplicate ? result.firstStatus : result.status;
        require(effective != PushStatus::Duplicate);
        if (effective == PushStatus::Applied || effective == PushStatus::Conflict)
            require(result.hasRecord);
        if (effective == PushStatus::Rejected)
            require(!result.reasonCode.isEmpty());
    }
    const QByteArray canonical = SyncProtocol::encodePushResponse(response);
    PushResponse again;
    require(SyncProtocol::decodePushResponse(reparsed(canonical), &again, &errors));
    require(SyncProtocol::encodePushResponse(again) == canonical);
}

void checkRecord(const QJsonObject &object)
{
    SyncRecord record;
    FieldErrors errors;
    if (!SyncProtocol::decodeRecord(object, &record, &errors, QStringLiteral("record"))) {
        checkRefusal(errors);
        for (const FieldError &error : errors)
            require(error.field.startsWith(QLatin1String("record.")));
        require(record.id.isNull());
        return;
    }
    const QJsonObject canonical = SyncProtocol::encodeRecord(record);
    SyncRecord again;
    require(SyncProtocol::decodeRecord(reparsed(compact(canonical)), &again, &errors));
    require(compact(SyncProtocol::encodeRecord(again)) == compact(canonical));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));

    checkPushRequest(body);

    // The client's decoders take what its JSON parser made of a response body.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return 0;
    const QJsonObject object = document.object();
    checkPullPage(object);
    checkPushResponse(object);
    checkRecord(object);
    checkAllEntities(object);
    // Entity data nested where the protocol carries it.
    const QJsonValue nested = object.value(QLatin1String("data"));
    if (nested.isObject())
        checkAllEntities(nested.toObject());
    return 0;
}
