#include "admin/AuditCsvWriter.h"

#include <QJsonDocument>
#include <QSaveFile>

namespace medora {

AuditCsvWriter::AuditCsvWriter(const QHash<QString, QString> &names, const QTimeZone &zone)
    : m_names(names), m_zone(zone)
{
    m_columns = {tr("Time"),   tr("Who"),       tr("Login"),          tr("Action"),
                 tr("Object"), tr("Object id"), tr("Client address"), tr("Details")};
}

QString AuditCsvWriter::field(const QString &text)
{
    QString value = text;
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    value.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QByteArray AuditCsvWriter::header() const
{
    QStringList fields;
    for (const QString &column : m_columns)
        fields.append(field(column));
    return QByteArray("\xEF\xBB\xBF") + fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

QByteArray AuditCsvWriter::row(const AuditEvent &event) const
{
    const QString details =
        event.details.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact));
    const QStringList fields{
        field(event.at.toTimeZone(m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
        field(m_names.value(event.actorUserId)),
        field(event.actorLogin),
        field(event.action),
        field(event.targetType),
        field(event.targetId),
        field(event.clientAddress),
        field(details)};
    return fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

bool AuditCsvWriter::write(const QString &path, const QList<AuditEvent> &events, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("The file %1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    file.write(header());
    for (const AuditEvent &event : events)
        file.write(row(event));
    if (!file.commit()) {
        if (error)
            *error = tr("The file %1 could not be saved: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace medora
