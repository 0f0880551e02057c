#include "domain/JsonText.h"

#include <QCborValue>
#include <QLocale>
#include <QtNumeric>

#include <cmath>

namespace medora {

namespace {

void appendObject(QByteArray &out, const QJsonObject &object)
{
    out += '{';
    bool first = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!first)
            out += ',';
        first = false;
        JsonText::appendString(out, it.key());
        out += ':';
        JsonText::append(out, it.value());
    }
    out += '}';
}

void appendArray(QByteArray &out, const QJsonArray &array)
{
    out += '[';
    bool first = true;
    for (const QJsonValue &item : array) {
        if (!first)
            out += ',';
        first = false;
        JsonText::append(out, item);
    }
    out += ']';
}

// Qt prints a double that holds a whole number up to 2^53 as an integer, anything else in
// the shortest form that reads back exactly.
void appendNumber(QByteArray &out, const QJsonValue &value)
{
    const QCborValue number = QCborValue::fromJsonValue(value);
    if (number.isInteger()) {
        out += QByteArray::number(number.toInteger());
        return;
    }
    const double d = value.toDouble();
    if (!qIsFinite(d)) {
        out += "null";
        return;
    }
    const double magnitude = std::abs(d);
    if (magnitude == 0) {
        out += '0';
        return;
    }
    if (magnitude <= 9007199254740992.0 && std::floor(magnitude) == magnitude) {
        if (d < 0)
            out += '-';
        out += QByteArray::number(quint64(magnitude));
        return;
    }
    out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
}

} // namespace

QByteArray JsonText::compact(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(256);
    appendObject(out, object);
    return out;
}

QByteArray JsonText::compact(const QJsonArray &array)
{
    QByteArray out;
    appendArray(out, array);
    return out;
}

void JsonText::append(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double:
        appendNumber(out, value);
        return;
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Array:
        appendArray(out, value.toArray());
        return;
    case QJsonValue::Object:
        appendObject(out, value.toObject());
        return;
    }
}

void JsonText::appendString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    qsizetype plainFrom = 0;
    const auto flush = [&](qsizetype upTo) {
        if (upTo > plainFrom)
            out.append(utf8.constData() + plainFrom, upTo - plainFrom);
    };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        flush(i);
        plainFrom = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
            break;
        }
    }
    flush(utf8.size());
    out += '"';
}

} // namespace medora
