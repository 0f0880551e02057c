#pragma once

#include "store/ServiceError.h"

#include <QDateTime>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace medora::server {

// Reads a list endpoint's query string the way JsonBodyDecoder reads bodies: unknown or
// repeated parameters are refused, each getter checks type and range and records the first
// problem as a 400 naming the parameter.
class QueryParameters
{
public:
    static constexpr int maxValueLength = 256;

    QueryParameters(const QUrlQuery &query, const QStringList &allowedNames);

    bool ok() const { return !m_error.has_value(); }
    const ServiceError &error() const { return *m_error; }

    int integer(const QString &name, int defaultValue, int minimum, int maximum);
    qint64 integer64(const QString &name, qint64 defaultValue, qint64 minimum, qint64 maximum);
    QString text(const QString &name, int maxLength);
    // ISO-8601 with an explicit zone ("Z" or an offset); returned in UTC; invalid when absent.
    QDateTime time(const QString &name);
    // A UUID in its canonical 36-character form (lower-cased); empty when absent.
    QString uuid(const QString &name);

private:
    std::optional<QString> value(const QString &name) const;
    void invalid(const QString &name, const QString &message);

    QList<QPair<QString, QString>> m_items;
    std::optional<ServiceError> m_error;
};

} // namespace medora::server
