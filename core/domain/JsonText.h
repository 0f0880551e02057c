#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace medora {

// Compact JSON text, byte for byte what QJsonDocument::toJson(QJsonDocument::Compact) prints
// (keys in QJsonObject's order, the same escapes and number forms), written straight into a
// buffer. Sync stores and sends every record as such text; printing through QJsonDocument
// converts the whole object to CBOR first, which cost the server more than its SQL work.
class JsonText
{
public:
    static QByteArray compact(const QJsonObject &object);
    static QByteArray compact(const QJsonArray &array);
    static void append(QByteArray &out, const QJsonValue &value);
    static void appendString(QByteArray &out, const QString &text);
};

} // namespace medora
