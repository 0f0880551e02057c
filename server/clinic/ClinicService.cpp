#include "clinic/ClinicService.h"

#include "audit/AuditLog.h"
#include "clinic/PngCheck.h"
#include "store/ServerDatabase.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace medora::server {

namespace {

ServiceError internalError()
{
    return ServiceError::make(ServiceError::Kind::Internal, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete the request."));
}

ServiceError forbidden()
{
    return ServiceError::make(ServiceError::Kind::Forbidden, QStringLiteral("forbidden"),
                              QStringLiteral("Only a clinic admin may change the letterhead."));
}

// Newlines separate the lines of an address or a footer; no other control character may
// reach a printout.
bool hasControlCharacters(const QString &text, bool allowNewlines)
{
    return std::any_of(text.begin(), text.end(), [allowNewlines](QChar c) {
        if (allowNewlines && c == QLatin1Char('\n'))
            return false;
        return c.category() == QChar::Other_Control;
    });
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL and "" means "none".
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString normalizedLines(const QString &text)
{
    QString result = text;
    result.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    result.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return result.trimmed();
}

} // namespace

ClinicService::ClinicService(ServerDatabase &database, AuditLog &audit) : m_database(database), m_audit(audit)
{}

Outcome<ClinicLetterhead> ClinicService::letterhead(const QString &clinicId)
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT address, phone, footer, logo_png, updated_at, updated_by"
                                 " FROM clinic_letterhead WHERE clinic_id = ?"));
    query.addBindValue(clinicId);
    if (!query.exec())
        return internalError();
    ClinicLetterhead head;
    if (query.next()) {
        head.address = query.value(0).toString();
        head.phone = query.value(1).toString();
        head.footer = query.value(2).toString();
        head.logoPng = query.value(3).toByteArray();
        head.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
        head.updatedBy = query.value(5).toString();
    }
    return head;
}

Outcome<ClinicProfile> ClinicService::profile(const Actor &actor)
{
    if (actor.isOperator())
        return forbidden();
    ClinicProfile profile;
    profile.id = actor.clinicId;
    {
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT name FROM clinics WHERE id = ?"));
        query.addBindValue(actor.clinicId);
        if (!query.exec())
            return internalError();
        if (!query.next())
            return ServiceError::make(ServiceError::Kind::NotFound, QStringLiteral("not_found"),
                                      QStringLiteral("No such clinic."));
        profile.name = query.value(0).toString();
    }
    const Outcome<ClinicLetterhead> head = letterhead(actor.clinicId);
    if (!head.ok())
        return head.error();
    profile.letterhead = head.value();

    QSqlQuery staff(m_database.connection());
    staff.setForwardOnly(true);
    staff.prepare(QStringLiteral("SELECT id, full_name, role, disabled FROM staff WHERE clinic_id = ?"
                                 " ORDER BY full_name, id"));
    staff.addBindValue(actor.clinicId);
    if (!staff.exec())
        return internalError();
    while (staff.next()) {
        const std::optional<Role> role = roleFromName(staff.value(2).toString());
        if (!role)
            continue;
        profile.staff.append(
            {staff.value(0).toString(), staff.value(1).toString(), *role, staff.value(3).toInt() == 0});
    }
    return profile;
}

Outcome<ClinicLetterhead> ClinicService::updateLetterhead(const Actor &actor, const ClinicLetterhead &wanted)
{
    if (actor.isOperator() || actor.role != Role::ClinicAdmin)
        return forbidden();

    ClinicLetterhead head;
    head.address = normalizedLines(wanted.address);
    head.phone = wanted.phone.trimmed();
    head.footer = normalizedLines(wanted.footer);
    head.logoPng = wanted.logoPng;
    const struct
    {
        const char *field;
        const QString &text;
        int maxLength;
        bool multiline;
    } texts[] = {{"address", head.address, kMaxAddressLength, true},
                 {"phone", head.phone, kMaxPhoneLength, false},
                 {"footer", head.footer, kMaxFooterLength, true}};
    for (const auto &text : texts) {
        const QString field = QLatin1String(text.field);
        if (text.text.size() > text.maxLength)
            return ServiceError::badInput(QStringLiteral("too_long"), field,
                                          QStringLiteral("The field \"%1\" is longer than %2 characters.")
                                              .arg(field)
                                              .arg(text.maxLength));
        if (hasControlCharacters(text.text, text.multiline))
            return ServiceError::badInput(
                QStringLiteral("invalid_value"), field,
                QStringLiteral("The field \"%1\" has control characters.").arg(field));
    }
    if (head.logoPng.size() > kMaxLogoBytes)
        return ServiceError::badInput(
            QStringLiteral("logo_too_large"), QStringLiteral("logo"),
            QStringLiteral("The logo may be at most %1 KiB.").arg(kMaxLogoBytes / 1024));
    if (!head.logoPng.isEmpty()) {
        const QString problem = PngCheck::problem(head.logoPng);
        if (!problem.isEmpty())
            return ServiceError::badInput(QStringLiteral("invalid_logo"), QStringLiteral("logo"), problem);
    }

    head.updatedAt = QDateTime::currentDateTimeUtc();
    head.updatedBy = actor.userId;
    const bool committed = m_database.writeTransaction([&](QSqlDatabase &db) {
        QSqlQuery previous(db);
        previous.prepare(QStringLiteral(
            "SELECT address, phone, footer, logo_png FROM clinic_letterhead WHERE clinic_id = ?"));
        previous.addBindValue(actor.clinicId);
        if (!previous.exec())
            return false;
        const bool existed = previous.next();
        QJsonArray changed;
        const auto compare = [&](int column, const char *field, const QVariant &now) {
            const QVariant before = existed ? previous.value(column) : QVariant();
            const bool same =
                column == 3 ? before.toByteArray() == now.toByteArray() : before.toString() == now.toString();
            if (!same)
                changed.append(QLatin1String(field));
        };
        compare(0, "address", head.address);
        compare(1, "phone", head.phone);
        compare(2, "footer", head.footer);
        compare(3, "logo", head.logoPng);
        previous.finish();

        QSqlQuery upsert(db);
        upsert.prepare(QStringLiteral(
            "INSERT INTO clinic_letterhead (clinic_id, address, phone, footer, logo_png, updated_at, "
            "updated_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (clinic_id) DO UPDATE SET address = excluded.address, phone = excluded.phone,"
            " footer = excluded.footer, logo_png = excluded.logo_png, updated_at = excluded.updated_at,"
            " updated_by = excluded.updated_by"));
        upsert.addBindValue(actor.clinicId);
        upsert.addBindValue(nonNull(head.address));
        upsert.addBindValue(nonNull(head.phone));
        upsert.addBindValue(nonNull(head.footer));
        upsert.addBindValue(head.logoPng.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                                   : QVariant(head.logoPng));
        upsert.addBindValue(head.updatedAt.toMSecsSinceEpoch());
        upsert.addBindValue(head.updatedBy);
        if (!upsert.exec())
            return false;

        AuditEntry entry;
        entry.clinicId = actor.clinicId;
        entry.actorUserId = actor.userId;
        entry.actorLogin = actor.login;
        entry.action = QStringLiteral("clinic.letterhead_update");
        entry.targetType = QStringLiteral("clinic");
        entry.targetId = actor.clinicId;
        entry.clientAddress = actor.clientAddress.isNull() ? QString() : actor.clientAddress.toString();
        entry.details.insert(QStringLiteral("fields"), changed);
        entry.details.insert(QStringLiteral("logoBytes"), int(head.logoPng.size()));
        return m_audit.append(db, entry);
    });
    if (!committed)
        return internalError();
    return head;
}

} // namespace medora::server
