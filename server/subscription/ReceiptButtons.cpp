#include "subscription/ReceiptButtons.h"

#include <QList>
#include <QMessageAuthenticationCode>
#include <QUuid>

#include <sodium.h>

namespace medora::server {

namespace {

QByteArray mac(char action, const QByteArray &compactId, const QByteArray &key)
{
    return QMessageAuthenticationCode::hash(QByteArray(1, action) + ':' + compactId, key,
                                            QCryptographicHash::Sha256)
        .toHex()
        .left(16);
}

} // namespace

QString ReceiptButtons::data(bool approve, const QString &receiptId, const QByteArray &key)
{
    const QByteArray compact = QUuid::fromString(receiptId).toRfc4122().toHex();
    const char action = approve ? 'a' : 'r';
    return QString::fromLatin1(QByteArray(1, action) + ':' + compact + ':' + mac(action, compact, key));
}

std::optional<ReceiptButtons::Press> ReceiptButtons::parse(const QString &data, const QByteArray &key)
{
    const QByteArray text = data.toLatin1();
    const QList<QByteArray> parts = text.split(':');
    if (text.size() > 64 || parts.size() != 3 || parts.at(0).size() != 1 || parts.at(1).size() != 32 ||
        parts.at(2).size() != 16)
        return std::nullopt;
    const char action = parts.at(0).at(0);
    if (action != 'a' && action != 'r')
        return std::nullopt;
    const QByteArray expected = mac(action, parts.at(1), key);
    if (sodium_memcmp(expected.constData(), parts.at(2).constData(), 16) != 0)
        return std::nullopt;
    const QUuid id = QUuid::fromRfc4122(QByteArray::fromHex(parts.at(1)));
    if (id.isNull())
        return std::nullopt;
    return Press{action == 'a', id.toString(QUuid::WithoutBraces)};
}

} // namespace medora::server
