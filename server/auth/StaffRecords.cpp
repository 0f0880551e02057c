#include "auth/StaffRecords.h"

#include "domain/PhoneNumber.h"

#include <QSqlError>
#include <QVariant>

namespace medora::server {

namespace {

std::optional<StaffRecords::Found> findOne(QSqlDatabase &db, const QString &where, const QString &value,
                                           QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(StaffRecords::selectSql(where));
    return StaffRecords::readOne(query, value, error);
}

} // namespace

QString StaffRecords::selectSql(const QString &where)
{
    return QStringLiteral("SELECT ") + columns(QStringLiteral("s")) +
           QStringLiteral(", s.password_hash, c.name FROM staff s JOIN clinics c ON c.id = s.clinic_id "
                          "WHERE ") +
           where;
}

std::optional<StaffRecords::Found> StaffRecords::readOne(QSqlQuery &query, const QString &value,
                                                         QString *error)
{
    query.addBindValue(value);
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    std::optional<Found> found;
    if (query.next()) {
        found.emplace();
        found->account = account(query, 0);
        found->passwordHash = query.value(columnCount).toByteArray();
        found->clinicName = query.value(columnCount + 1).toString();
    }
    // A cached statement must not hold its read snapshot open between requests.
    query.finish();
    return found;
}

QString StaffRecords::columns(const QString &alias)
{
    const QString p = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    return QStringLiteral("%1id, %1clinic_id, %1login, %1phone, %1full_name, %1role, %1disabled, "
                          "%1must_change_password, %1created_at, %1updated_at")
        .arg(p);
}

StaffAccount StaffRecords::account(const QSqlQuery &query, int firstColumn)
{
    StaffAccount account;
    account.id = query.value(firstColumn + 0).toString();
    account.clinicId = query.value(firstColumn + 1).toString();
    account.login = query.value(firstColumn + 2).toString();
    account.phone = query.value(firstColumn + 3).toString();
    account.fullName = query.value(firstColumn + 4).toString();
    account.role = roleFromName(query.value(firstColumn + 5).toString()).value_or(Role::Receptionist);
    account.disabled = query.value(firstColumn + 6).toInt() != 0;
    account.mustChangePassword = query.value(firstColumn + 7).toInt() != 0;
    account.createdAt = fromMs(query.value(firstColumn + 8).toLongLong());
    account.updatedAt = fromMs(query.value(firstColumn + 9).toLongLong());
    return account;
}

std::optional<StaffRecords::Found> StaffRecords::byId(QSqlDatabase &db, const QString &userId, QString *error)
{
    return findOne(db, QStringLiteral("s.id = ?"), userId, error);
}

std::optional<StaffRecords::Found> StaffRecords::byIdentifier(QSqlDatabase &db, const QString &identifier,
                                                              QString *error)
{
    const QString phone = medora::PhoneNumber::toE164(identifier);
    if (!phone.isEmpty()) {
        auto found = findOne(db, QStringLiteral("s.phone = ?"), phone, error);
        if (found)
            return found;
    }
    const QString login = identifier.trimmed().toLower();
    if (login.isEmpty())
        return std::nullopt;
    return findOne(db, QStringLiteral("s.login = ?"), login, error);
}

QString StaffRecords::normalizedIdentifier(const QString &identifier)
{
    const QString phone = medora::PhoneNumber::toE164(identifier);
    return phone.isEmpty() ? identifier.trimmed().toLower() : phone;
}

QDateTime StaffRecords::fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace medora::server
