#include "auth/ConsentService.h"

#include "audit/AuditLog.h"
#include "domain/UuidV7.h"
#include "legal/LegalTexts.h"
#include "store/ServerDatabase.h"

#include <QSqlQuery>
#include <QVariant>

namespace medora::server {

namespace {

ServiceError internalError()
{
    return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete the request."));
}

} // namespace

ConsentService::ConsentService(ServerDatabase &database, AuditLog &audit, const LegalTexts &texts)
    : m_database(database), m_audit(audit), m_texts(texts)
{}

std::optional<ServiceError> ConsentService::checkCurrent(const QString &termsVersion,
                                                         const QString &privacyVersion) const
{
    const bool termsOld = termsVersion != m_texts.currentVersion(QStringLiteral("terms"));
    const bool privacyOld = privacyVersion != m_texts.currentVersion(QStringLiteral("privacy"));
    if (!termsOld && !privacyOld)
        return std::nullopt;
    ServiceError outdated =
        ServiceError::make(ServiceError::Kind::Conflict, QStringLiteral("consent_outdated"),
                           QStringLiteral("A newer version of the terms of use or the privacy policy is "
                                          "published; read and accept it (GET /api/v1/legal)."));
    outdated.field = termsOld ? QStringLiteral("termsVersion") : QStringLiteral("privacyVersion");
    return outdated;
}

Outcome<ConsentService::Status> ConsentService::status(const Actor &actor)
{
    Status status;
    status.currentTerms = m_texts.currentVersion(QStringLiteral("terms"));
    status.currentPrivacy = m_texts.currentVersion(QStringLiteral("privacy"));
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT document, version, accepted_at_ms FROM consent_acceptances"
                                 " WHERE user_id = ? ORDER BY accepted_at_ms, id"));
    query.addBindValue(actor.userId);
    if (!query.exec())
        return internalError();
    while (query.next()) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
        if (query.value(0).toString() == QLatin1String("terms")) {
            status.acceptedTerms = query.value(1).toString();
            status.termsAcceptedAt = at;
        } else {
            status.acceptedPrivacy = query.value(1).toString();
            status.privacyAcceptedAt = at;
        }
    }
    return status;
}

bool ConsentService::record(QSqlDatabase &db, const QString &userId, const QString &clinicId,
                            const QString &actorLogin, const QString &language, const QString &clientAddress)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    AuditEntry entry;
    entry.clinicId = clinicId;
    entry.actorUserId = userId;
    entry.actorLogin = actorLogin;
    entry.action = QStringLiteral("consent.accept");
    entry.targetType = QStringLiteral("user");
    entry.targetId = userId;
    entry.clientAddress = clientAddress;
    for (const QString &document : {QStringLiteral("terms"), QStringLiteral("privacy")}) {
        const QString version = m_texts.currentVersion(document);
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO consent_acceptances (id, user_id, clinic_id, document, version,"
                           " language, accepted_at, accepted_at_ms, client_address)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(medora::UuidV7::generate().toString(QUuid::WithoutBraces));
        insert.addBindValue(userId);
        insert.addBindValue(clinicId);
        insert.addBindValue(document);
        insert.addBindValue(version);
        insert.addBindValue(language);
        insert.addBindValue(now.toString(Qt::ISODateWithMs));
        insert.addBindValue(now.toMSecsSinceEpoch());
        insert.addBindValue(clientAddress);
        if (!insert.exec())
            return false;
        entry.details.insert(document + QStringLiteral("Version"), version);
    }
    entry.details.insert(QStringLiteral("language"), language);
    return m_audit.append(db, entry);
}

Outcome<Done> ConsentService::accept(const Actor &actor, const QString &termsVersion,
                                     const QString &privacyVersion, const QString &language)
{
    if (actor.isOperator())
        return ServiceError::make(ServiceError::Kind::Forbidden, QStringLiteral("forbidden"),
                                  QStringLiteral("Only an account accepts the terms."));
    if (auto outdated = checkCurrent(termsVersion, privacyVersion))
        return *outdated;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        return record(db, actor.userId, actor.clinicId, actor.login, language,
                      actor.clientAddress.isNull() ? QString() : actor.clientAddress.toString());
    });
    if (!committed)
        return internalError();
    return Done{};
}

} // namespace medora::server
