#include "session/ConsentCheck.h"

#include "session/BundledLegalTexts.h"
#include "session/SessionManager.h"

#include <QMap>

#include <memory>

namespace medora {

ConsentCheck::ConsentCheck(SessionManager &session, QObject *parent) : QObject(parent), m_session(session) {}

void ConsentCheck::check(const QString &language)
{
    m_session.authorizedSend("GET", QStringLiteral("me/consent"), nullptr, this,
                             [this, language](const ApiClient::Response &response) {
                                 if (!response.ok()) {
                                     emit failed(response.error);
                                     return;
                                 }
                                 if (!response.json.value(QStringLiteral("required")).toBool()) {
                                     emit upToDate();
                                     return;
                                 }
                                 const QJsonObject current =
                                     response.json.value(QStringLiteral("current")).toObject();
                                 fetchTexts(language, current.value(QStringLiteral("terms")).toString(),
                                            current.value(QStringLiteral("privacy")).toString());
                             });
}

void ConsentCheck::fetchTexts(const QString &language, const QString &termsVersion,
                              const QString &privacyVersion)
{
    // The texts this client carries serve when they are the current ones; newer ones come
    // from the server.
    auto texts = std::make_shared<QMap<QString, LegalDocument>>();
    auto pending = std::make_shared<int>(0);
    auto done = [this, texts] {
        if (texts->size() == 2)
            emit consentRequired(texts->value(QStringLiteral("terms")),
                                 texts->value(QStringLiteral("privacy")));
    };
    for (const auto &[document, version] : {std::pair{QStringLiteral("terms"), termsVersion},
                                            std::pair{QStringLiteral("privacy"), privacyVersion}}) {
        const std::optional<LegalDocument> bundled = BundledLegalTexts::text(document, language);
        if (bundled && bundled->version == version) {
            texts->insert(document, *bundled);
            continue;
        }
        ++*pending;
        ApiClient::RequestOptions options;
        options.query.addQueryItem(QStringLiteral("language"), language);
        m_session.api().send("GET", QStringLiteral("legal/") + document, nullptr, QByteArray(), options, this,
                             [this, document = document, texts, done](const ApiClient::Response &response) {
                                 if (!response.ok()) {
                                     emit failed(response.error);
                                     return;
                                 }
                                 LegalDocument text;
                                 text.document = document;
                                 text.language = response.json.value(QStringLiteral("language")).toString();
                                 text.version = response.json.value(QStringLiteral("version")).toString();
                                 text.markdown = response.json.value(QStringLiteral("text")).toString();
                                 texts->insert(document, text);
                                 done();
                             });
    }
    if (*pending == 0)
        done();
}

void ConsentCheck::accept(const QString &termsVersion, const QString &privacyVersion, const QString &language)
{
    const QJsonObject body{{QStringLiteral("termsVersion"), termsVersion},
                           {QStringLiteral("privacyVersion"), privacyVersion},
                           {QStringLiteral("language"), language}};
    m_session.authorizedSend("POST", QStringLiteral("me/consent"), &body, this,
                             [this](const ApiClient::Response &response) {
                                 if (!response.ok()) {
                                     emit failed(response.error);
                                     return;
                                 }
                                 emit accepted();
                             });
}

} // namespace medora
