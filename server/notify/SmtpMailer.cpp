#include "notify/SmtpMailer.h"

#include "notify/CurlTransfer.h"
#include "notify/MailMessage.h"

#include <curl/curl.h>

#include <cstring>

namespace medora::server {

namespace {

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readMessage(char *buffer, size_t size, size_t count, void *userData)
{
    auto *upload = static_cast<Upload *>(userData);
    const qsizetype room = qsizetype(size * count);
    const qsizetype left = upload->data.size() - upload->offset;
    const qsizetype bytes = qMin(room, left);
    if (bytes > 0) {
        std::memcpy(buffer, upload->data.constData() + upload->offset, size_t(bytes));
        upload->offset += bytes;
    }
    return size_t(bytes);
}

size_t discard(char *, size_t size, size_t count, void *)
{
    return size * count;
}

} // namespace

SmtpMailer::SmtpMailer(Settings settings) : m_settings(std::move(settings)) {}

DeliveryResult SmtpMailer::sendMail(const QString &to, const QString &subject, const QString &body)
{
    CurlTransfer::initializeOnce();
    const QString recipient = MailMessage::addressOf(to);
    if (recipient.isEmpty() || recipient.contains(QLatin1Char('\r')) || recipient.contains(QLatin1Char('\n')))
        return DeliveryResult::failed(QStringLiteral("SMTP: not an e-mail address"));
    Upload upload;
    upload.data = MailMessage::build(m_settings.from, recipient, subject, body);

    CURL *curl = curl_easy_init();
    if (!curl)
        return DeliveryResult::failed(QStringLiteral("SMTP: curl_easy_init failed"));
    const QByteArray url = m_settings.url.toUtf8();
    const QByteArray mailFrom = '<' + MailMessage::addressOf(m_settings.from).toUtf8() + '>';
    const QByteArray rcpt = '<' + recipient.toUtf8() + '>';
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray caFile = m_settings.caFile.toLocal8Bit();
    curl_slist *recipients = curl_slist_append(nullptr, rcpt.constData());
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, m_settings.password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, &readMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &discard);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(m_settings.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(qMin(m_settings.timeoutMs, 10000)));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS, long(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    curl_slist_free_all(recipients);
    if (code != CURLE_OK) {
        const QString why =
            errorBuffer[0] ? QString::fromUtf8(errorBuffer) : QString::fromUtf8(curl_easy_strerror(code));
        DeliveryResult failed =
            DeliveryResult::failed(QStringLiteral("SMTP: %1 (reply %2)").arg(why).arg(status));
        return failed;
    }
    DeliveryResult result;
    result.delivered = true;
    result.detail = QStringLiteral("SMTP: accepted (reply %1)").arg(status);
    return result;
}

} // namespace medora::server
