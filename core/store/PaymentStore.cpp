#include "store/PaymentStore.h"

#include "domain/EntityJson.h"
#include "domain/UuidV7.h"
#include "store/Outbox.h"
#include "store/RowIdChunks.h"
#include "store/SqlValues.h"

#include <QHash>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace medora {

namespace {

const QString kColumns =
    QStringLiteral("rowid, uuid, patient_uuid, visit_uuid, amount, method, taken_by, taken_at,"
                   " reverses, receipt_ref, note, revision, sync_state");

Payment readPayment(const QSqlQuery &query)
{
    Payment payment;
    payment.localId = query.value(0).toLongLong();
    payment.id = SqlValues::toUuid(query.value(1));
    payment.patientId = SqlValues::toUuid(query.value(2));
    payment.visitId = SqlValues::toUuid(query.value(3));
    payment.amount = query.value(4).toLongLong();
    payment.method = static_cast<PaymentMethod>(query.value(5).toInt());
    payment.takenBy = query.value(6).toString();
    payment.takenAt = SqlValues::toTime(query.value(7));
    payment.reverses = SqlValues::toUuid(query.value(8));
    payment.receiptRef = query.value(9).toString();
    payment.note = query.value(10).toString();
    payment.revision = query.value(11).toLongLong();
    payment.syncState = static_cast<SyncState>(query.value(12).toInt());
    return payment;
}

} // namespace

PaymentStore::PaymentStore(Database &database) : m_database(database) {}

bool PaymentStore::validate(const Payment &payment, FieldErrors *errors)
{
    FieldErrors found;
    Payment decoded;
    EntityJson::fromJson(EntityJson::toJson(payment), &decoded, &found);
    if (errors)
        *errors = found;
    if (found.isEmpty())
        return true;
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("data.patientId"), QT_TR_NOOP("Patient")},
        {QStringLiteral("data.visitId"), QT_TR_NOOP("Visit")},
        {QStringLiteral("data.amount"), QT_TR_NOOP("Amount")},
        {QStringLiteral("data.method"), QT_TR_NOOP("Payment method")},
        {QStringLiteral("data.takenBy"), QT_TR_NOOP("Taken by")},
        {QStringLiteral("data.takenAt"), QT_TR_NOOP("Taken at")},
        {QStringLiteral("data.reverses"), QT_TR_NOOP("Reversed payment")},
        {QStringLiteral("data.receiptRef"), QT_TR_NOOP("Receipt")},
        {QStringLiteral("data.note"), QT_TR_NOOP("Note")},
    };
    const FieldError &first = found.first();
    const char *label = labels.value(first.field);
    m_database.setError(
        StoreError::Code::Invalid,
        tr("The payment was not saved. %1: %2").arg(label ? tr(label) : first.field, first.message));
    return false;
}

bool PaymentStore::write(Payment &candidate, FieldErrors *errors)
{
    if (!validate(candidate, errors))
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO payment(uuid, patient_uuid, visit_uuid, amount, method, taken_by,"
                       " taken_at, reverses, receipt_ref, note, deleted, revision, sync_state)"
                       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)"));
    query.addBindValue(SqlValues::uuid(candidate.id));
    query.addBindValue(SqlValues::uuid(candidate.patientId));
    query.addBindValue(SqlValues::optionalUuid(candidate.visitId));
    query.addBindValue(candidate.amount);
    query.addBindValue(static_cast<int>(candidate.method));
    query.addBindValue(SqlValues::text(candidate.takenBy));
    query.addBindValue(SqlValues::time(candidate.takenAt));
    query.addBindValue(SqlValues::optionalUuid(candidate.reverses));
    query.addBindValue(SqlValues::text(candidate.receiptRef));
    query.addBindValue(SqlValues::text(candidate.note));
    query.addBindValue(static_cast<int>(SyncState::New));
    if (!query.exec()) {
        m_database.fail(query.lastError(), tr("save the payment"));
        return false;
    }
    candidate.localId = query.lastInsertId().toLongLong();
    return Outbox(m_database).recordUpsert(EntityKind::Payment, candidate.localId, candidate.id);
}

bool PaymentStore::insert(Payment &payment, FieldErrors *errors)
{
    m_database.clearError();
    if (errors)
        errors->clear();
    if (!payment.reverses.isNull()) {
        m_database.setError(StoreError::Code::Invalid, tr("A payment is reversed with a reversing entry, not "
                                                          "entered by hand."));
        return false;
    }
    if (payment.amount <= 0) {
        const QString message = tr("The amount must be more than zero so'm.");
        if (errors)
            *errors = {FieldError{QStringLiteral("data.amount"), message}};
        m_database.setError(StoreError::Code::Invalid,
                            tr("The payment was not saved. %1: %2").arg(tr("Amount"), message));
        return false;
    }
    Payment candidate = payment;
    if (candidate.id.isNull())
        candidate.id = UuidV7::generate();
    candidate.takenAt = candidate.takenAt.isValid() ? candidate.takenAt.toUTC() : SqlValues::nowUtc();
    candidate.revision = 0;
    candidate.syncState = SyncState::New;
    if (!m_database.begin())
        return false;
    if (!write(candidate, errors) || !m_database.commit()) {
        m_database.rollback();
        return false;
    }
    payment = candidate;
    return true;
}

bool PaymentStore::reverse(qint64 originalLocalId, const QString &takenBy, const QString &note,
                           Payment *reversal)
{
    m_database.clearError();
    if (!m_database.begin())
        return false;
    const auto abandon = [this] {
        m_database.rollback();
        return false;
    };
    const std::optional<Payment> original = get(originalLocalId);
    if (!original) {
        if (m_database.lastError().ok())
            m_database.setError(
                StoreError::Code::NotFound,
                tr("Payment record %1 is not in %2.").arg(originalLocalId).arg(m_database.filePath()));
        return abandon();
    }
    if (!original->reverses.isNull()) {
        m_database.setError(StoreError::Code::Immutable,
                            tr("This entry already reverses another payment and cannot itself be reversed."));
        return abandon();
    }
    const std::optional<Payment> earlier = reversalOf(original->id);
    if (!m_database.lastError().ok())
        return abandon();
    if (earlier) {
        m_database.setError(
            StoreError::Code::Immutable,
            tr("This payment was already reversed on %1.")
                .arg(QLocale().toString(earlier->takenAt.toLocalTime(), QLocale::ShortFormat)));
        return abandon();
    }
    Payment candidate;
    candidate.id = UuidV7::generate();
    candidate.patientId = original->patientId;
    candidate.visitId = original->visitId;
    candidate.amount = -original->amount;
    candidate.method = original->method;
    candidate.takenBy = takenBy;
    candidate.takenAt = SqlValues::nowUtc();
    candidate.reverses = original->id;
    candidate.note = note;
    candidate.syncState = SyncState::New;
    if (!write(candidate, nullptr) || !m_database.commit())
        return abandon();
    if (reversal)
        *reversal = candidate;
    return true;
}

QList<Payment> PaymentStore::select(const QString &where, const QVariantList &values,
                                    const QString &what) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM payment WHERE %2").arg(kColumns, where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    QList<Payment> payments;
    if (!query.exec()) {
        m_database.fail(query.lastError(), what);
        return payments;
    }
    while (query.next())
        payments.append(readPayment(query));
    if (query.lastError().isValid())
        m_database.fail(query.lastError(), what);
    return payments;
}

QList<Payment> PaymentStore::getMany(const std::vector<qint64> &localIds) const
{
    m_database.clearError();
    return selectByRowIds<Payment>(m_database, localIds, [this](const QString &where) {
        return select(where, {}, tr("read the payments"));
    });
}

std::optional<Payment> PaymentStore::get(qint64 localId) const
{
    m_database.clearError();
    const QList<Payment> found = select(QStringLiteral("rowid = ?"), {localId}, tr("read the payment"));
    return found.isEmpty() ? std::nullopt : std::optional<Payment>(found.first());
}

std::optional<Payment> PaymentStore::getById(const QUuid &id) const
{
    m_database.clearError();
    const QList<Payment> found =
        select(QStringLiteral("uuid = ?"), {SqlValues::uuid(id)}, tr("read the payment"));
    return found.isEmpty() ? std::nullopt : std::optional<Payment>(found.first());
}

std::optional<Payment> PaymentStore::reversalOf(const QUuid &id) const
{
    m_database.clearError();
    const QList<Payment> found = select(QStringLiteral("reverses = ? AND deleted = 0 ORDER BY rowid LIMIT 1"),
                                        {SqlValues::uuid(id)}, tr("read the payment"));
    return found.isEmpty() ? std::nullopt : std::optional<Payment>(found.first());
}

QList<Payment> PaymentStore::forPatient(const QUuid &patientId) const
{
    m_database.clearError();
    return select(QStringLiteral("patient_uuid = ? AND deleted = 0 ORDER BY taken_at, rowid"),
                  {SqlValues::uuid(patientId)}, tr("read the patient's payments"));
}

QList<Payment> PaymentStore::forDay(const QDate &day, const QTimeZone &zone) const
{
    m_database.clearError();
    // Stored times are UTC text of one fixed shape, so a text range is a time range.
    const QDateTime from = QDateTime(day, QTime(0, 0), zone).toUTC();
    const QDateTime to = QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();
    return select(QStringLiteral("taken_at >= ? AND taken_at < ? AND deleted = 0 ORDER BY taken_at, rowid"),
                  {SqlValues::time(from), SqlValues::time(to)}, tr("read the day's payments"));
}

qint64 PaymentStore::totalBetween(const QDateTime &fromUtc, const QDateTime &toUtc) const
{
    m_database.clearError();
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT coalesce(sum(amount), 0) FROM payment WHERE taken_at >= ? AND taken_at < ? AND deleted = 0"));
    query.addBindValue(SqlValues::time(fromUtc));
    query.addBindValue(SqlValues::time(toUtc));
    if (!query.exec() || !query.next()) {
        m_database.fail(query.lastError(), tr("add up the payments"));
        return 0;
    }
    return query.value(0).toLongLong();
}

} // namespace medora
