#pragma once

#include "ai/AiSchemas.h"
#include "ai/AiStore.h"
#include "ai/GeminiClient.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace medora::server {

struct AiImage
{
    QByteArray mimeType; // image/jpeg, image/png, application/pdf (from the magic bytes)
    QByteArray data;
    QString description; // the doctor's note on it, scrubbed like all free text
};

// What the doctor sends about the case (docs/api.md "AI consilium").
struct AiCase
{
    QString language; // uz-Latn, uz-Cyrl, ru, en
    QString complaints;
    QString anamnesis;
    QString examination;
    QString findings; // lab and instrumental results
    QString notes;
    QList<QPair<QString, QString>> answers; // clarifying question -> the doctor's answer
    QString modality;                       // image findings: ultrasound, xray, ct, mri, other
    QList<AiImage> images;
};

// Builds the generateContent request: the instruction for the kind and the language, the
// case as text (age in years, sex and clinical facts only; every free text scrubbed), images
// as inline data, and the response schema. Nothing that identifies the patient is added.
class AiPromptBuilder
{
public:
    static QStringList languages()
    {
        return {QStringLiteral("uz-Latn"), QStringLiteral("uz-Cyrl"), QStringLiteral("ru"),
                QStringLiteral("en")};
    }
    static QString languageName(const QString &code); // "Uzbek in Latin script", ...

    static GeminiRequest build(AiKind kind, const AiCase &input, const AiPatientFacts &patient);
    // The same request asking again after an answer was refused: the problems are named.
    static GeminiRequest correction(const GeminiRequest &original, const QString &previousAnswer,
                                    const QStringList &problems);
    // Words of the patient's allergy list, for AiAnswerValidator's medication check.
    static QStringList allergyWords(const QString &allergies);
};

} // namespace medora::server
