#include "SyncSnapshot.h"

#include "TestHttpClient.h"
#include "domain/EntityJson.h"
#include "domain/SyncProtocol.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/PatientStore.h"
#include "store/PaymentStore.h"
#include "store/ReportStore.h"
#include "store/VisitStore.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace medora {

namespace {

const EntityKind kAllEntities[] = {EntityKind::Patient, EntityKind::Visit, EntityKind::Report,
                                   EntityKind::Payment};

QString shortText(const QJsonValue &value)
{
    QString text =
        value.isString() ? QLatin1Char('\'') + value.toString() + QLatin1Char('\'')
        : value.isUndefined()
            ? QStringLiteral("(absent)")
            : QString::fromUtf8(
                  QJsonDocument(QJsonObject{{QStringLiteral("v"), value}}).toJson(QJsonDocument::Compact))
                  .mid(5)
                  .chopped(1);
    if (text.size() > 80)
        text = text.left(77) + QStringLiteral("...");
    return text;
}

} // namespace

QString SyncSnapshot::key(EntityKind entity, const QUuid &id)
{
    return SyncEntity::name(entity) + QLatin1Char('/') + id.toString(QUuid::WithoutBraces);
}

bool SyncSnapshot::fromServerFeed(TestHttpClient &client, SyncSnapshot *snapshot, QString *error, int limit,
                                  int *requests)
{
    snapshot->rows.clear();
    qint64 after = 0;
    int calls = 0;
    while (true) {
        const TestHttpResponse response =
            client.get(QStringLiteral("/api/v1/sync/pull?after=%1&limit=%2").arg(after).arg(limit));
        ++calls;
        if (response.status != 200) {
            if (error)
                *error = QStringLiteral("pull after %1: HTTP %2 %3 %4")
                             .arg(after)
                             .arg(response.status)
                             .arg(response.errorString, QString::fromUtf8(response.body.left(300)));
            return false;
        }
        PullPage page;
        FieldErrors errors;
        if (!SyncProtocol::decodePullPage(response.json(), &page, &errors)) {
            if (error)
                *error = QStringLiteral("pull after %1: the page does not decode (%2)")
                             .arg(after)
                             .arg(errors.isEmpty() ? QString() : errors.first().field);
            return false;
        }
        for (const SyncRecord &record : std::as_const(page.changes)) {
            SyncRow row;
            row.entity = record.entity;
            row.id = record.id;
            row.revision = record.revision;
            row.deleted = record.deleted;
            row.data = record.deleted ? QJsonObject() : record.data;
            snapshot->rows.insert(key(record.entity, record.id), row);
        }
        if (!page.hasMore)
            break;
        if (page.next <= after) {
            if (error)
                *error = QStringLiteral("pull after %1: hasMore without progress (next %2)")
                             .arg(after)
                             .arg(page.next);
            return false;
        }
        after = page.next;
    }
    if (requests)
        *requests = calls;
    return true;
}

bool SyncSnapshot::fromDatabase(Database &database, SyncSnapshot *snapshot, QString *error)
{
    snapshot->rows.clear();
    PatientStore patients(database);
    VisitStore visits(database);
    ReportStore reports(database);
    PaymentStore payments(database);
    for (const EntityKind entity : kAllEntities) {
        QSqlQuery query(database.connection());
        query.setForwardOnly(true);
        if (!query.exec(
                QStringLiteral("SELECT rowid, uuid FROM %1 ORDER BY rowid").arg(Outbox::tableName(entity)))) {
            if (error)
                *error = QStringLiteral("reading %1 ids: %2")
                             .arg(Outbox::tableName(entity), query.lastError().text());
            return false;
        }
        QList<QPair<qint64, QUuid>> ids;
        while (query.next())
            ids.append({query.value(0).toLongLong(), QUuid(query.value(1).toString())});
        for (const auto &[localId, id] : std::as_const(ids)) {
            SyncRow row;
            row.entity = entity;
            row.id = id;
            bool found = false;
            switch (entity) {
            case EntityKind::Patient:
                if (const auto patient = patients.get(localId)) {
                    found = true;
                    row.revision = patient->revision;
                    row.deleted = patient->deleted;
                    row.state = patient->syncState;
                    row.data = EntityJson::toJson(*patient);
                }
                break;
            case EntityKind::Visit:
                if (const auto visit = visits.getById(id)) {
                    found = true;
                    row.revision = visit->revision;
                    row.deleted = visit->deleted;
                    row.state = visit->syncState;
                    row.data = EntityJson::toJson(*visit);
                }
                break;
            case EntityKind::Report:
                if (const auto report = reports.getById(id)) {
                    found = true;
                    row.revision = report->revision;
                    row.deleted = report->deleted;
                    row.state = report->syncState;
                    row.data = EntityJson::toJson(*report);
                }
                break;
            case EntityKind::Payment:
                if (const auto payment = payments.getById(id)) {
                    found = true;
                    row.revision = payment->revision;
                    row.state = payment->syncState;
                    row.data = EntityJson::toJson(*payment);
                }
                break;
            }
            if (!found) {
                if (error)
                    *error = QStringLiteral("%1 is listed but cannot be read: %2")
                                 .arg(key(entity, id), database.lastError().message);
                return false;
            }
            if (row.deleted)
                row.data = QJsonObject();
            snapshot->rows.insert(key(entity, id), row);
        }
    }
    return true;
}

bool SyncSnapshot::isLive(EntityKind entity, const QUuid &id) const
{
    const auto it = rows.constFind(key(entity, id));
    return it != rows.cend() && it->isLive();
}

int SyncSnapshot::liveCount(EntityKind entity) const
{
    int count = 0;
    for (const SyncRow &row : rows)
        count += row.entity == entity && row.isLive() ? 1 : 0;
    return count;
}

int SyncSnapshot::count(EntityKind entity) const
{
    int count = 0;
    for (const SyncRow &row : rows)
        count += row.entity == entity ? 1 : 0;
    return count;
}

QList<SyncRow> SyncSnapshot::liveRows(EntityKind entity) const
{
    QList<SyncRow> live;
    for (const SyncRow &row : rows) {
        if (row.entity == entity && row.isLive())
            live.append(row);
    }
    return live;
}

qint64 SyncSnapshot::livePaymentSum() const
{
    qint64 sum = 0;
    for (const SyncRow &row : rows) {
        if (row.entity == EntityKind::Payment && row.isLive())
            sum += row.data.value(QStringLiteral("amount")).toInteger();
    }
    return sum;
}

SyncSnapshot SyncSnapshot::without(EntityKind entity) const
{
    SyncSnapshot copy;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        if (it->entity != entity)
            copy.rows.insert(it.key(), it.value());
    }
    return copy;
}

SyncSnapshot SyncSnapshot::withoutKeys(const QStringList &keys) const
{
    SyncSnapshot copy = *this;
    for (const QString &key : keys)
        copy.rows.remove(key);
    return copy;
}

QStringList SyncSnapshot::differences(const SyncSnapshot &other, const QString &thisName,
                                      const QString &otherName, bool compareRevisions, int maxLines) const
{
    QStringList lines;
    int total = 0;
    auto add = [&](const QString &line) {
        if (++total <= maxLines)
            lines << line;
    };
    QSet<QString> keys;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        keys.insert(it.key());
    for (auto it = other.rows.cbegin(); it != other.rows.cend(); ++it)
        keys.insert(it.key());
    QStringList sorted(keys.cbegin(), keys.cend());
    sorted.sort();
    for (const QString &key : std::as_const(sorted)) {
        const auto mine = rows.constFind(key);
        const auto theirs = other.rows.constFind(key);
        const bool mineLive = mine != rows.cend() && mine->isLive();
        const bool theirsLive = theirs != other.rows.cend() && theirs->isLive();
        if (mineLive != theirsLive) {
            const auto describe = [](const auto &it, const auto &end) {
                return it == end ? QStringLiteral("absent") : QStringLiteral("tombstone");
            };
            add(QStringLiteral("%1: live on %2 only (%3 on %4)")
                    .arg(key, mineLive ? thisName : otherName,
                         mineLive ? describe(theirs, other.rows.cend()) : describe(mine, rows.cend()),
                         mineLive ? otherName : thisName));
            continue;
        }
        if (!mineLive)
            continue;
        if (compareRevisions && mine->revision != theirs->revision)
            add(QStringLiteral("%1: revision %2 (%3) != %4 (%5)")
                    .arg(key)
                    .arg(mine->revision)
                    .arg(thisName)
                    .arg(theirs->revision)
                    .arg(otherName));
        if (mine->data == theirs->data)
            continue;
        QSet<QString> fields;
        for (auto field = mine->data.constBegin(); field != mine->data.constEnd(); ++field)
            fields.insert(field.key());
        for (auto field = theirs->data.constBegin(); field != theirs->data.constEnd(); ++field)
            fields.insert(field.key());
        QStringList names(fields.cbegin(), fields.cend());
        names.sort();
        for (const QString &field : std::as_const(names)) {
            const QJsonValue a = mine->data.value(field);
            const QJsonValue b = theirs->data.value(field);
            if (a != b)
                add(QStringLiteral("%1: %2 %3 (%4) != %5 (%6)")
                        .arg(key, field, shortText(a), thisName, shortText(b), otherName));
        }
    }
    if (total > maxLines)
        lines << QStringLiteral("... and %1 more").arg(total - maxLines);
    return lines;
}

} // namespace medora
