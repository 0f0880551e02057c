#pragma once

#include <QJsonObject>
#include <QString>

namespace medora::server {

// What a doctor can ask the AI consilium for (docs/api.md "AI consilium").
enum class AiKind
{
    Questions,     // 2-5 clarifying questions
    Differential,  // ranked differential diagnosis
    Consilium,     // chair + specialists + final structured report
    ImageFindings, // findings on ultrasound / X-ray images or PDFs
};

// The responseSchema sent with each kind (Gemini's OpenAPI subset: type, properties,
// required, items, enum, minItems/maxItems, minimum/maximum) — the same object the answer is
// validated against afterwards (AiAnswerValidator), because the service does not promise
// to keep to it.
class AiSchemas
{
public:
    static QString kindName(AiKind kind); // "questions", "differential", "consilium", "image_findings"
    static QJsonObject responseSchema(AiKind kind);

    static constexpr int kMaxTextLength = 4000; // any string of an answer
    static constexpr int kMinQuestions = 2;
    static constexpr int kMaxQuestions = 5;
    static constexpr int kMinSpecialists = 3;
    static constexpr int kMaxSpecialists = 6;
    static constexpr int kMinSources = 3;
    static constexpr int kMaxSources = 6;
};

} // namespace medora::server
