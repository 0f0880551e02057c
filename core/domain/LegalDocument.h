#pragma once

#include <QString>

#include <optional>

namespace medora {

// One legal text (terms of use or privacy policy) in one language, as kept in
// resources/legal/<document>_<language>.md: a front matter block names it and its version,
//   ---
//   document: terms
//   language: uz
//   version: 2026-11-28
//   ---
// followed by the Markdown text. The client (offline, at sign-up) and the server read the same
// files, so there is one source of truth for the text and for its version.
struct LegalDocument
{
    QString document; // "terms" or "privacy"
    QString language; // "uz" (Latin) or "ru"
    QString version;  // compared as text: a new text gets a new version
    QString markdown; // the text without the front matter

    static bool isKnownDocument(const QString &document);
    static bool isKnownLanguage(const QString &language);
    // nullopt when the front matter is missing, incomplete or names an unknown document or
    // language; `error` says which.
    static std::optional<LegalDocument> parse(const QString &text, QString *error = nullptr);
    // "terms_uz.md"
    static QString fileName(const QString &document, const QString &language);
};

} // namespace medora
