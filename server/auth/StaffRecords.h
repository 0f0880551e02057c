#pragma once

#include "auth/AccountTypes.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace medora::server {

// Reading staff rows: the one place that knows the staff table's columns, shared by the
// session and account services.
class StaffRecords
{
public:
    struct Found
    {
        StaffAccount account;
        QByteArray passwordHash;
        QString clinicName;
    };

    // "id, clinic_id, login, ..." in the order account() reads them, prefixed with `alias.`.
    static QString columns(const QString &alias = QString());
    static constexpr int columnCount = 10;
    static StaffAccount account(const QSqlQuery &query, int firstColumn = 0);

    // "SELECT <columns>, password_hash, clinic name ... WHERE <where>" with one placeholder,
    // and reading its single row: for callers that keep the statement prepared.
    static QString selectSql(const QString &where);
    static std::optional<Found> readOne(QSqlQuery &query, const QString &value, QString *error);

    // By id; nullopt when missing or on a database error (`error` set then).
    static std::optional<Found> byId(QSqlDatabase &db, const QString &userId, QString *error);
    // Sign-in and operator lookups: a phone in any local form matches the E.164 phone first,
    // otherwise the lower-cased text matches the login name.
    static std::optional<Found> byIdentifier(QSqlDatabase &db, const QString &identifier, QString *error);
    // The key the identifier is known by: E.164 for a phone, else the trimmed lower-case login.
    static QString normalizedIdentifier(const QString &identifier);

    static QDateTime fromMs(qint64 ms);
};

} // namespace medora::server
