#pragma once

#include "domain/LegalDocument.h"

#include <optional>

namespace medora {

// The terms of use and the privacy policy compiled into the client (the same files in
// resources/legal the server publishes), so sign-up can show them before any server answers.
class BundledLegalTexts
{
public:
    static std::optional<LegalDocument> text(const QString &document, const QString &language);
    static QString version(const QString &document);
};

} // namespace medora
