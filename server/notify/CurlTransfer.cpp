#include "notify/CurlTransfer.h"

#include <QUrl>

#include <curl/curl.h>

#include <mutex>

namespace medora::server {

namespace {

constexpr qsizetype kMaxAnswerBytes = 256 * 1024;

size_t onBody(char *data, size_t size, size_t count, void *userData)
{
    auto *body = static_cast<QByteArray *>(userData);
    const size_t bytes = size * count;
    if (body->size() + qsizetype(bytes) > kMaxAnswerBytes)
        return 0; // aborts the transfer: no gateway answer is that large
    body->append(data, qsizetype(bytes));
    return bytes;
}

} // namespace

void CurlTransfer::initializeOnce()
{
    static std::once_flag initialized;
    std::call_once(initialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CurlTransfer::Result CurlTransfer::post(const QByteArray &url, const QList<QByteArray> &headers,
                                        const QByteArray &body, int timeoutMs)
{
    initializeOnce();
    Result result;
    CURL *curl = curl_easy_init();
    if (!curl) {
        result.error = QStringLiteral("curl_easy_init failed");
        return result;
    }
    curl_slist *list = nullptr;
    for (const QByteArray &header : headers)
        list = curl_slist_append(list, header.constData());
    list = curl_slist_append(list, "Expect:");
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result.body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(qMin(timeoutMs, 10000)));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "medora-server");
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    curl_slist_free_all(list);
    result.httpStatus = int(status);
    if (code != CURLE_OK) {
        result.error =
            errorBuffer[0] ? QString::fromUtf8(errorBuffer) : QString::fromUtf8(curl_easy_strerror(code));
        result.httpStatus = 0;
    }
    return result;
}

QByteArray CurlTransfer::formEncode(const QList<QPair<QByteArray, QString>> &fields)
{
    QByteArray out;
    for (const auto &field : fields) {
        if (!out.isEmpty())
            out += '&';
        out += field.first + '=' + QUrl::toPercentEncoding(field.second);
    }
    return out;
}

} // namespace medora::server
