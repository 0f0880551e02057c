#pragma once

#include "api/ApiClient.h"
#include "api/ReplyTransfer.h"

class QNetworkReply;

namespace medora {

// Reads replies and judges their answers the same way on every thread that runs transfers
// (the client's own and its network thread): size limits, TLS failures, the server's error
// format.
namespace ReplyReader {

// A declared length over the limit is refused before a byte of the body is read.
void checkDeclaredLength(QNetworkReply *reply, ReplyTransfer &transfer);
void readAvailable(QNetworkReply *reply, ReplyTransfer &transfer);
ApiClient::Response response(QNetworkReply *reply, const ReplyTransfer &transfer);

} // namespace ReplyReader

} // namespace medora
