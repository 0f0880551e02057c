#pragma once

#include "store/ServiceError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace medora::server {

// Decodes one request body: a JSON object, nested at most `maxDepth` levels, no string
// longer than `maxStringBytes`, no duplicate or unknown top-level field. The structure is
// checked by a single byte scan before Qt's parser sees the text, so a hostile body costs
// linear time and no deep recursion. Getters record the first problem (naming the field)
// and the handler answers with error() once it has read every field.
class JsonBodyDecoder
{
public:
    static constexpr int maxDepth = 16;
    static constexpr int maxStringBytes = 8192;

    // `stringLimit`: a route that carries one large field (a base64 logo) raises the bound on
    // strings; the field getters' maxLength still bounds each field.
    JsonBodyDecoder(const QByteArray &body, const QStringList &allowedFields,
                    qsizetype stringLimit = maxStringBytes);

    bool ok() const { return !m_error.has_value(); }
    const ServiceError &error() const { return *m_error; }

    // Present and not null.
    bool has(const QString &field) const;
    // Missing, null or empty -> missing_field; not a string -> invalid_type; longer than
    // maxLength UTF-16 units -> too_long.
    QString requiredString(const QString &field, int maxLength);
    // Missing or null -> nullopt without error.
    std::optional<QString> optionalString(const QString &field, int maxLength);
    std::optional<bool> optionalBool(const QString &field);

    const QJsonObject &object() const { return m_object; }

    // The scan alone: nullopt when `body` is within the structural bounds; the number of
    // top-level keys it saw is stored in `topLevelKeys` (duplicates included).
    static std::optional<ServiceError> scan(const QByteArray &body, int *topLevelKeys = nullptr,
                                            qsizetype stringLimit = maxStringBytes);

private:
    void fail(ServiceError error);
    ServiceError invalidType(const QString &field, const QString &expected) const;

    QJsonObject m_object;
    std::optional<ServiceError> m_error;
};

} // namespace medora::server
