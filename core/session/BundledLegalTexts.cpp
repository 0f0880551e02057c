#include "session/BundledLegalTexts.h"

#include <QFile>

namespace medora {

std::optional<LegalDocument> BundledLegalTexts::text(const QString &document, const QString &language)
{
    if (!LegalDocument::isKnownDocument(document) || !LegalDocument::isKnownLanguage(language))
        return std::nullopt;
    QFile file(QStringLiteral(":/legal/") + LegalDocument::fileName(document, language));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return LegalDocument::parse(QString::fromUtf8(file.readAll()));
}

QString BundledLegalTexts::version(const QString &document)
{
    const std::optional<LegalDocument> uzbek = text(document, QStringLiteral("uz"));
    return uzbek ? uzbek->version : QString();
}

} // namespace medora
