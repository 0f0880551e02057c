#pragma once

#include "domain/LegalDocument.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace medora::server {

// The terms of use and the privacy policy the server publishes, in Uzbek and Russian: the
// built-in texts (resources/legal, compiled in) or, when MEDORA_LEGAL_DIR is set, the files
// an operator published there (a new version makes every signed-in user accept again).
// Both languages of one document must carry the same version.
class LegalTexts
{
public:
    static QStringList documents() { return {QStringLiteral("terms"), QStringLiteral("privacy")}; }
    static QStringList languages() { return {QStringLiteral("uz"), QStringLiteral("ru")}; }

    // Reads all four texts from `directory` (empty: the built-in ones). False with `error`.
    bool load(const QString &directory, QString *error);

    QString currentVersion(const QString &document) const;
    std::optional<LegalDocument> text(const QString &document, const QString &language) const;

private:
    QMap<QString, LegalDocument> m_texts; // "terms_uz" -> text
};

} // namespace medora::server
