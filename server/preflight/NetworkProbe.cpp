#include "preflight/NetworkProbe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace medora::server {

namespace {

bool resolves(const QString &host, QString *detail)
{
    if (!QHostAddress(host).isNull())
        return true;
    const QHostInfo info = QHostInfo::fromName(host);
    if (info.error() == QHostInfo::NoError && !info.addresses().isEmpty())
        return true;
    *detail = QStringLiteral("%1 does not resolve (%2)").arg(host, info.errorString());
    return false;
}

} // namespace

NetworkProbe::Connect NetworkProbe::connect(const QString &host, quint16 port, bool tls, int timeoutMs)
{
    Connect result;
    if (!resolves(host, &result.detail)) {
        result.reach = Reach::Unresolved;
        return result;
    }
    if (tls) {
        QSslSocket socket;
        socket.connectToHostEncrypted(host, port);
        if (socket.waitForEncrypted(timeoutMs)) {
            result.reach = Reach::Reachable;
            result.detail = QStringLiteral("%1:%2 answers with TLS").arg(host).arg(port);
            return result;
        }
        result.detail = QStringLiteral("%1:%2: %3").arg(host).arg(port).arg(socket.errorString());
        return result;
    }
    QTcpSocket socket;
    socket.connectToHost(host, port);
    if (socket.waitForConnected(timeoutMs)) {
        result.reach = Reach::Reachable;
        result.detail = QStringLiteral("%1:%2 accepts connections").arg(host).arg(port);
        return result;
    }
    result.detail = QStringLiteral("%1:%2: %3").arg(host).arg(port).arg(socket.errorString());
    return result;
}

NetworkProbe::Http NetworkProbe::get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                                     int timeoutMs, bool ignoreTlsErrors)
{
    Http result;
    if (!resolves(url.host(), &result.detail)) {
        result.reach = Reach::Unresolved;
        return result;
    }
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = manager.get(request);
    if (ignoreTlsErrors)
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
        result.detail = QStringLiteral("no answer within %1 s").arg(timeoutMs / 1000);
    } else {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->read(1024 * 1024);
        if (result.status == 0)
            result.detail = reply->errorString();
    }
    if (result.status != 0)
        result.reach = Reach::Reachable;
    delete reply;
    return result;
}

} // namespace medora::server
