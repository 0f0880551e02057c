#include "ai/AiPromptBuilder.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace medora::server {

namespace {

constexpr int kMaxPreviousAnswerInCorrection = 12000;

QString roleText(AiKind kind)
{
    switch (kind) {
    case AiKind::Questions:
        return QStringLiteral(
            "You assist a physician in Uzbekistan. Read the case and ask the 2 to 5 clarifying questions "
            "whose answers would most change the differential diagnosis or the urgency. For each, say why "
            "it matters.");
    case AiKind::Differential:
        return QStringLiteral(
            "You assist a physician in Uzbekistan with a differential diagnosis. Rank the likely diagnoses; "
            "give each a probability in percent so that all probabilities together sum to exactly 100, a "
            "justification from the facts of the case, the ICD-10 code when you are sure of it, and the "
            "level of evidence (high, moderate or low). List red flags that need urgent action.");
    case AiKind::Consilium:
        return QStringLiteral(
            "You run a medical consilium for a physician in Uzbekistan. Choose a chair and 3 to 6 "
            "specialists suited to this case; give each specialist's opinion, then the chair's final "
            "structured report: the most critical finding and its urgency; consensus diagnoses with "
            "probabilities in percent that sum to exactly 100 and their reasoning; rejected hypotheses with "
            "reasons; recommended tests; treatment plan steps; medications registered and available in "
            "Uzbekistan (generic names) with dose, frequency, duration and cautions, setting allergyConflict "
            "when the patient's allergies forbid one and interactsWithCurrentMedication when it interacts "
            "with the current medications; follow-up; prognosis; and 3 to 6 authoritative sources (clinical "
            "guidelines, reviews) with their real http or https URLs.");
    case AiKind::ImageFindings:
        return QStringLiteral(
            "You assist a physician in Uzbekistan in reading medical images (ultrasound, X-ray or a PDF "
            "report). Describe the findings of each image (numbered from 1 in the order given), the "
            "impression, recommendations and the urgency, and state the limitations. Never invent "
            "measurements, values or structures that are not visible or written in the images.");
    }
    return {};
}

void addSection(QString *text, const QString &title, const QString &body)
{
    const QString trimmed = body.trimmed();
    if (!trimmed.isEmpty())
        *text += title + QStringLiteral(":\n") + trimmed + QStringLiteral("\n\n");
}

} // namespace

QString AiPromptBuilder::languageName(const QString &code)
{
    if (code == QLatin1String("uz-Latn"))
        return QStringLiteral("Uzbek in Latin script (o'zbek tili, lotin yozuvi)");
    if (code == QLatin1String("uz-Cyrl"))
        return QStringLiteral("Uzbek in Cyrillic script (ўзбек тили, кирилл ёзуви)");
    if (code == QLatin1String("ru"))
        return QStringLiteral("Russian");
    return QStringLiteral("English");
}

QStringList AiPromptBuilder::allergyWords(const QString &allergies)
{
    QStringList words;
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    for (const QString &word : allergies.split(separators, Qt::SkipEmptyParts)) {
        if (word.size() >= 5 && !words.contains(word, Qt::CaseInsensitive))
            words << word;
    }
    return words;
}

GeminiRequest AiPromptBuilder::build(AiKind kind, const AiCase &input, const AiPatientFacts &patient)
{
    const PromptScrubber scrubber(patient.identity);
    GeminiRequest request;
    request.systemInstruction =
        roleText(kind) +
        QStringLiteral(
            "\n\nWrite every text value in %1. Keep medical terms precise; do not address the patient. "
            "Base everything on the facts given; say so when facts are missing rather than guessing. The "
            "physician decides: this is decision support, not a diagnosis. Answer only with JSON that "
            "follows the response schema.")
            .arg(languageName(input.language));
    request.responseSchema = AiSchemas::responseSchema(kind);
    request.temperature = kind == AiKind::Consilium ? 0.3 : 0.2;

    QString text;
    text += QStringLiteral("Patient: age %1, sex %2.\n\n")
                .arg(patient.ageYears ? QStringLiteral("%1 years").arg(*patient.ageYears)
                                      : QStringLiteral("unknown"),
                     patient.sex);
    addSection(&text, QStringLiteral("Known allergies"), scrubber.scrub(patient.allergies));
    addSection(&text, QStringLiteral("Current medications"), scrubber.scrub(patient.medications));
    addSection(&text, QStringLiteral("Medical history"), scrubber.scrub(patient.history));
    addSection(&text, QStringLiteral("Complaints"), scrubber.scrub(input.complaints));
    addSection(&text, QStringLiteral("History of the present illness"), scrubber.scrub(input.anamnesis));
    addSection(&text, QStringLiteral("Examination"), scrubber.scrub(input.examination));
    addSection(&text, QStringLiteral("Test results"), scrubber.scrub(input.findings));
    addSection(&text, QStringLiteral("Physician's notes"), scrubber.scrub(input.notes));
    if (!input.answers.isEmpty()) {
        QString answers;
        for (const auto &[question, answer] : input.answers)
            answers += QStringLiteral("Q: ") + scrubber.scrub(question) + QStringLiteral("\nA: ") +
                       scrubber.scrub(answer) + QLatin1Char('\n');
        addSection(&text, QStringLiteral("Answers to clarifying questions"), answers);
    }
    GeminiTurn turn;
    turn.role = QStringLiteral("user");
    if (kind == AiKind::ImageFindings) {
        text += QStringLiteral("Study: %1. %2 attached, numbered in order.\n")
                    .arg(input.modality)
                    .arg(input.images.size() == 1 ? QStringLiteral("1 file is")
                                                  : QStringLiteral("%1 files are").arg(input.images.size()));
        turn.parts.append(GeminiPart{text.trimmed(), {}, {}});
        for (int i = 0; i < input.images.size(); ++i) {
            const AiImage &image = input.images.at(i);
            QString caption = QStringLiteral("Image %1").arg(i + 1);
            if (!image.description.trimmed().isEmpty())
                caption += QStringLiteral(": ") + scrubber.scrub(image.description.trimmed());
            turn.parts.append(GeminiPart{caption, {}, {}});
            turn.parts.append(GeminiPart{{}, image.mimeType, image.data});
        }
    } else {
        turn.parts.append(GeminiPart{text.trimmed(), {}, {}});
    }
    request.contents.append(turn);
    return request;
}

GeminiRequest AiPromptBuilder::correction(const GeminiRequest &original, const QString &previousAnswer,
                                          const QStringList &problems)
{
    GeminiRequest request = original;
    GeminiTurn answer;
    answer.role = QStringLiteral("model");
    answer.parts.append(GeminiPart{previousAnswer.left(kMaxPreviousAnswerInCorrection), {}, {}});
    GeminiTurn fix;
    fix.role = QStringLiteral("user");
    fix.parts.append(GeminiPart{
        QStringLiteral(
            "Your previous answer was rejected because it does not follow the required format:\n- ") +
            problems.join(QStringLiteral("\n- ")) +
            QStringLiteral("\nAnswer again, completely, as JSON that follows the response schema exactly "
                           "(probabilities summing to 100, real http(s) URLs, every required field)."),
        {},
        {}});
    request.contents << answer << fix;
    return request;
}

} // namespace medora::server
