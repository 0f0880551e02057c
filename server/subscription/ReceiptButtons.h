#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace medora::server {

// The callback_data of a receipt's Approve / Reject buttons: "a:<receipt>:<mac>" or
// "r:<receipt>:<mac>" (at most 64 bytes, the Bot API's limit). The MAC (HMAC-SHA256 with
// MEDORA_SECRET, 64 bits shown) makes a button for a receipt or decision the server did not
// offer impossible to make up; the chat and message of the press are checked as well.
class ReceiptButtons
{
public:
    struct Press
    {
        bool approve = false;
        QString receiptId; // UUID text with dashes
    };

    static QString data(bool approve, const QString &receiptId, const QByteArray &key);
    static std::optional<Press> parse(const QString &data, const QByteArray &key);
};

} // namespace medora::server
