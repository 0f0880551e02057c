#include "sync/SyncReasonText.h"

#include "api/ApiError.h"

namespace medora {

namespace {

bool isNetworkCode(const QString &code)
{
    return code.startsWith(QLatin1String("network")) || code == ApiError::offlineCode() ||
           code == ApiError::timeoutCode();
}

bool isServerAnswerCode(const QString &code)
{
    return code == ApiError::badResponseCode() || code == ApiError::tooLargeCode() ||
           code.startsWith(QLatin1String("http_")) || code == QLatin1String("server_error") ||
           code == QLatin1String("internal_error") || code == QLatin1String("busy");
}

} // namespace

bool SyncReasonText::isKnown(const QString &reasonCode)
{
    static const QStringList known = {
        QStringLiteral("missing_dependency"),
        QStringLiteral("parent_deleted"),
        QStringLiteral("signed_report_immutable"),
        QStringLiteral("not_author"),
        QStringLiteral("payment_immutable"),
        QStringLiteral("forbidden"),
        QStringLiteral("invalid_data"),
        QStringLiteral("validation_failed"),
        ApiError::tlsCode(),
        ApiError::notSignedInCode(),
        QStringLiteral("invalid_token"),
        QStringLiteral("rate_limited"),
        QStringLiteral("no_result"),
    };
    return known.contains(reasonCode) || isNetworkCode(reasonCode) || isServerAnswerCode(reasonCode);
}

QString SyncReasonText::describe(const QString &reasonCode, const QString &reasonMessage)
{
    const QString &code = reasonCode;
    if (code == QLatin1String("missing_dependency"))
        return tr("The server does not have yet what this change belongs to (the patient, the visit or the "
                  "report). It is sent again once that has arrived.");
    if (code == QLatin1String("parent_deleted"))
        return tr("What this change belongs to (the patient, the visit or the report) was deleted on the "
                  "server.");
    if (code == QLatin1String("signed_report_immutable"))
        return tr("The report was already signed, and a signed report cannot be changed. Write an addendum "
                  "instead.");
    if (code == QLatin1String("not_author"))
        return tr("Only the doctor who wrote this draft report can change it.");
    if (code == QLatin1String("payment_immutable"))
        return tr("A recorded payment cannot be changed or deleted. Record a reversing entry instead.");
    if (code == QLatin1String("forbidden"))
        return tr("Your role may not make this change.");
    if (code == QLatin1String("invalid_data") || code == QLatin1String("validation_failed"))
        return tr("The server found the data invalid and did not accept it.");
    if (isNetworkCode(code))
        return tr("The server could not be reached, too many times in a row.");
    if (code == ApiError::tlsCode())
        return tr("The server's certificate is not trusted, so nothing was sent.");
    if (code == ApiError::notSignedInCode() || code == QLatin1String("invalid_token"))
        return tr("Nobody was signed in to the server, so it could not be sent.");
    if (code == QLatin1String("rate_limited"))
        return tr("The server was receiving too many requests and asked to wait.");
    if (isServerAnswerCode(code))
        return tr("The server failed or gave an answer Medora does not understand, too many times in a "
                  "row.");
    if (code == QLatin1String("no_result"))
        return tr("The server did not answer for this change, too many times in a row.");
    // The journal words what it knows; anything else is the server's own message.
    if (!reasonMessage.trimmed().isEmpty())
        return reasonMessage.trimmed();
    if (!code.isEmpty())
        return tr("The server refused the change (%1).").arg(code);
    return tr("The change could not be sent.");
}

QString SyncReasonText::entityText(EntityKind kind, const QString &label, const QUuid &id)
{
    const QString trimmed = label.trimmed();
    if (trimmed.isEmpty())
        return entityName(kind) + QStringLiteral(": ") + id.toString(QUuid::WithoutBraces);
    if (kind == EntityKind::Patient)
        return entityName(kind) + QStringLiteral(": ") + trimmed;
    return trimmed;
}

QString SyncReasonText::entityName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Patient:
        return tr("Patient");
    case EntityKind::Visit:
        return tr("Visit");
    case EntityKind::Report:
        return tr("Report");
    case EntityKind::Payment:
        return tr("Payment");
    }
    return QString();
}

} // namespace medora
