#pragma once

#include "ai/AiSchemas.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace medora::server {

// The AI's answer is untrusted input. validate() parses the text as JSON and checks it
// against the kind's response schema (types, required properties, item counts, enums,
// ranges, text length) and the rules a schema cannot say: probabilities that sum to 100
// (within 1), http(s) URLs with a host, image numbers that exist. It returns a cleaned
// copy (only known properties; differential ranked by probability) or the problems, never
// anything half-checked.
class AiAnswerValidator
{
public:
    struct Context
    {
        int imageCount = 0;       // image findings: findings must name images 1..imageCount
        QStringList allergyWords; // consilium: medications naming one are flagged allergyConflict
    };

    struct Outcome
    {
        bool valid = false;
        QJsonObject answer;   // when valid
        QStringList problems; // when not: "diagnoses[2].probability: above 100", ...
    };

    static Outcome validate(AiKind kind, const QString &text, const Context &context);
    static bool isWebUrl(const QString &text);
};

} // namespace medora::server
