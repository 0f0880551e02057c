#include "api/QueryParameters.h"

#include <QUuid>

namespace medora::server {

QueryParameters::QueryParameters(const QUrlQuery &query, const QStringList &allowedNames)
    : m_items(query.queryItems(QUrl::FullyDecoded))
{
    QStringList seen;
    for (const auto &item : std::as_const(m_items)) {
        if (!allowedNames.contains(item.first)) {
            bool printable = item.first.size() <= 64;
            for (const QChar ch : item.first)
                printable = printable && ch.isPrint();
            m_error = ServiceError::badInput(
                QStringLiteral("unknown_field"), printable ? item.first : QStringLiteral("?"),
                QStringLiteral("This endpoint does not accept that query parameter."));
            return;
        }
        if (seen.contains(item.first)) {
            invalid(item.first,
                    QStringLiteral("The query parameter \"%1\" is given more than once.").arg(item.first));
            return;
        }
        if (item.second.size() > maxValueLength) {
            invalid(item.first, QStringLiteral("The query parameter \"%1\" is too long.").arg(item.first));
            return;
        }
        seen.append(item.first);
    }
}

std::optional<QString> QueryParameters::value(const QString &name) const
{
    for (const auto &item : m_items) {
        if (item.first == name)
            return item.second;
    }
    return std::nullopt;
}

void QueryParameters::invalid(const QString &name, const QString &message)
{
    if (!m_error)
        m_error = ServiceError::badInput(QStringLiteral("invalid_parameter"), name, message);
}

int QueryParameters::integer(const QString &name, int defaultValue, int minimum, int maximum)
{
    return int(integer64(name, defaultValue, minimum, maximum));
}

qint64 QueryParameters::integer64(const QString &name, qint64 defaultValue, qint64 minimum, qint64 maximum)
{
    const std::optional<QString> text = value(name);
    if (!text || !ok())
        return defaultValue;
    bool isNumber = !text->isEmpty();
    for (const QChar ch : *text)
        isNumber = isNumber && ch >= QLatin1Char('0') && ch <= QLatin1Char('9');
    bool converted = false;
    const qint64 number = isNumber && text->size() <= 18 ? text->toLongLong(&converted) : 0;
    if (!converted || number < minimum || number > maximum) {
        invalid(name, QStringLiteral("The query parameter \"%1\" must be a whole number from %2 to %3.")
                          .arg(name)
                          .arg(minimum)
                          .arg(maximum));
        return defaultValue;
    }
    return number;
}

QString QueryParameters::text(const QString &name, int maxLength)
{
    const std::optional<QString> text = value(name);
    if (!text || !ok())
        return {};
    if (text->isEmpty() || text->size() > maxLength) {
        invalid(name, QStringLiteral("The query parameter \"%1\" must be 1 to %2 characters.")
                          .arg(name)
                          .arg(maxLength));
        return {};
    }
    return *text;
}

QDateTime QueryParameters::time(const QString &name)
{
    const std::optional<QString> text = value(name);
    if (!text || !ok())
        return {};
    const QDateTime at = QDateTime::fromString(*text, Qt::ISODateWithMs);
    const bool zoned = text->endsWith(QLatin1Char('Z')) ||
                       (text->size() > 6 && (text->at(text->size() - 6) == QLatin1Char('+') ||
                                             text->at(text->size() - 6) == QLatin1Char('-')));
    if (!at.isValid() || !zoned) {
        invalid(name, QStringLiteral("The query parameter \"%1\" must be an ISO-8601 time with a zone, "
                                     "e.g. 2026-01-31T09:00:00Z.")
                          .arg(name));
        return {};
    }
    return at.toUTC();
}

QString QueryParameters::uuid(const QString &name)
{
    const std::optional<QString> text = value(name);
    if (!text || !ok())
        return {};
    const QUuid id = QUuid::fromString(*text);
    if (text->size() != 36 || id.isNull()) {
        invalid(name, QStringLiteral("The query parameter \"%1\" must be an id.").arg(name));
        return {};
    }
    return id.toString(QUuid::WithoutBraces);
}

} // namespace medora::server
