#include "api/JsonBodyDecoder.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

namespace medora::server {

namespace {

ServiceError invalidJson(const QString &message)
{
    return ServiceError::badInput(QStringLiteral("invalid_json"), QString(), message);
}

bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

std::optional<ServiceError> JsonBodyDecoder::scan(const QByteArray &body, int *topLevelKeys,
                                                  qsizetype stringLimit)
{
    // Containers open at each depth: '{' or '['; only the top-level object's keys are counted.
    char containers[maxDepth + 1] = {};
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    qsizetype stringStart = 0;
    int keys = 0;
    const qsizetype size = body.size();
    const char *data = body.constData();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
                if (i - stringStart > stringLimit)
                    return invalidJson(QStringLiteral("A string in the request body is too long."));
                if (depth == 1 && containers[0] == '{') {
                    qsizetype next = i + 1;
                    while (next < size && isJsonWhitespace(data[next]))
                        ++next;
                    if (next < size && data[next] == ':')
                        ++keys;
                }
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            stringStart = i + 1;
            break;
        case '{':
        case '[':
            if (depth >= maxDepth)
                return invalidJson(QStringLiteral("The request body is nested too deeply."));
            containers[depth++] = c;
            break;
        case '}':
        case ']':
            if (depth == 0)
                return invalidJson(QStringLiteral("The request body is not valid JSON."));
            --depth;
            break;
        default:
            break;
        }
    }
    if (inString || depth != 0)
        return invalidJson(QStringLiteral("The request body is not valid JSON."));
    if (topLevelKeys)
        *topLevelKeys = keys;
    return std::nullopt;
}

JsonBodyDecoder::JsonBodyDecoder(const QByteArray &body, const QStringList &allowedFields,
                                 qsizetype stringLimit)
{
    int keys = 0;
    if (auto problem = scan(body, &keys, stringLimit)) {
        fail(*problem);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(invalidJson(QStringLiteral("The request body is not valid JSON.")));
        return;
    }
    if (!document.isObject()) {
        fail(invalidJson(QStringLiteral("The request body must be a JSON object.")));
        return;
    }
    m_object = document.object();
    if (m_object.size() != keys) {
        m_object = QJsonObject();
        fail(invalidJson(QStringLiteral("The request body repeats a field.")));
        return;
    }
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!allowedFields.contains(it.key())) {
            // The name is echoed back, so only when it is short and printable.
            const QString name = it.key();
            bool printable = name.size() <= 64;
            for (const QChar ch : name)
                printable = printable && ch.isPrint();
            fail(ServiceError::badInput(
                QStringLiteral("unknown_field"), printable ? name : QStringLiteral("?"),
                QStringLiteral("The request body has a field this endpoint does not accept.")));
            return;
        }
    }
}

bool JsonBodyDecoder::has(const QString &field) const
{
    const QJsonValue value = m_object.value(field);
    return !value.isUndefined() && !value.isNull();
}

QString JsonBodyDecoder::requiredString(const QString &field, int maxLength)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty())) {
        fail(ServiceError::badInput(QStringLiteral("missing_field"), field,
                                    QStringLiteral("The field \"%1\" is required.").arg(field)));
        return {};
    }
    return optionalString(field, maxLength).value_or(QString());
}

std::optional<QString> JsonBodyDecoder::optionalString(const QString &field, int maxLength)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        fail(invalidType(field, QStringLiteral("a string")));
        return std::nullopt;
    }
    QString text = value.toString();
    if (text.size() > maxLength) {
        fail(ServiceError::badInput(
            QStringLiteral("too_long"), field,
            QStringLiteral("The field \"%1\" is longer than %2 characters.").arg(field).arg(maxLength)));
        return std::nullopt;
    }
    return text;
}

std::optional<bool> JsonBodyDecoder::optionalBool(const QString &field)
{
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isBool()) {
        fail(invalidType(field, QStringLiteral("true or false")));
        return std::nullopt;
    }
    return value.toBool();
}

void JsonBodyDecoder::fail(ServiceError error)
{
    if (!m_error)
        m_error = std::move(error);
}

ServiceError JsonBodyDecoder::invalidType(const QString &field, const QString &expected) const
{
    return ServiceError::badInput(QStringLiteral("invalid_type"), field,
                                  QStringLiteral("The field \"%1\" must be %2.").arg(field, expected));
}

} // namespace medora::server
