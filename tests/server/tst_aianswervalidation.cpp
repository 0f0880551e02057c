#include "../fakes/FakeGeminiServer.h"
#include "ai/AiAnswerValidator.h"
#include "ai/AiPromptBuilder.h"
#include "ai/PromptScrubber.h"

#include <QtTest>

using namespace medora::server;
using medora::test::FakeGeminiServer;

namespace {

QString text(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

// The AI answer as untrusted input (AiAnswerValidator) and identity scrubbing of what is
// sent (PromptScrubber, AiPromptBuilder).
class TestAiAnswerValidation : public QObject
{
    Q_OBJECT

private slots:
    void goodAnswersPassAndAreCleaned()
    {
        for (AiKind kind :
             {AiKind::Questions, AiKind::Differential, AiKind::Consilium, AiKind::ImageFindings}) {
            QJsonObject answer = FakeGeminiServer::goodAnswer(AiSchemas::responseSchema(kind));
            answer.insert("injected", "<script>");
            AiAnswerValidator::Context context;
            context.imageCount = 1;
            const auto outcome = AiAnswerValidator::validate(kind, text(answer), context);
            QVERIFY2(outcome.valid, qPrintable(outcome.problems.join("; ")));
            QVERIFY(!outcome.answer.contains("injected"));
        }
    }

    void brokenAnswersAreRefusedByName()
    {
        const AiAnswerValidator::Context none;
        const auto truncated =
            AiAnswerValidator::validate(AiKind::Questions, "{\"questions\":[{\"quest", none);
        QVERIFY(!truncated.valid);
        QVERIFY(truncated.problems.first().contains("not valid JSON"));

        const QJsonObject differential =
            FakeGeminiServer::violatingAnswer(AiSchemas::responseSchema(AiKind::Differential));
        const auto sum = AiAnswerValidator::validate(AiKind::Differential, text(differential), none);
        QVERIFY(!sum.valid);
        QVERIFY2(sum.problems.join(";").contains("sum to 160"), qPrintable(sum.problems.join(";")));

        const auto consilium = AiAnswerValidator::validate(
            AiKind::Consilium,
            text(FakeGeminiServer::violatingAnswer(AiSchemas::responseSchema(AiKind::Consilium))), none);
        QVERIFY(!consilium.valid);
        QVERIFY(consilium.problems.join(";").contains("sources: expected 3 to 6 items"));

        QJsonObject wrongType = FakeGeminiServer::goodAnswer(AiSchemas::responseSchema(AiKind::Differential));
        QJsonArray diagnoses = wrongType.value("diagnoses").toArray();
        QJsonObject first = diagnoses.first().toObject();
        first.insert("probability", "30%");
        first.insert("evidenceLevel", "certain");
        diagnoses[0] = first;
        wrongType.insert("diagnoses", diagnoses);
        const auto typed = AiAnswerValidator::validate(AiKind::Differential, text(wrongType), none);
        QVERIFY(!typed.valid);
        QVERIFY(typed.problems.join(";").contains("diagnoses[0].probability: expected a number"));
        QVERIFY(
            typed.problems.join(";").contains("diagnoses[0].evidenceLevel: not one of the allowed values"));

        AiAnswerValidator::Context oneImage;
        oneImage.imageCount = 1;
        QJsonObject images = FakeGeminiServer::goodAnswer(AiSchemas::responseSchema(AiKind::ImageFindings));
        images.insert("findings", QJsonArray{QJsonObject{{"image", 2}, {"finding", "invented"}}});
        QVERIFY(!AiAnswerValidator::validate(AiKind::ImageFindings, text(images), oneImage).valid);
        QVERIFY(!AiAnswerValidator::validate(AiKind::Questions, "[1,2]", none).valid);
    }

    void urls()
    {
        QVERIFY(AiAnswerValidator::isWebUrl("https://www.who.int/publications"));
        QVERIFY(AiAnswerValidator::isWebUrl("http://example.org/a?b=1"));
        QVERIFY(!AiAnswerValidator::isWebUrl("javascript:alert(1)"));
        QVERIFY(!AiAnswerValidator::isWebUrl("ftp://example.org/file"));
        QVERIFY(!AiAnswerValidator::isWebUrl("https://localhost/x"));
        QVERIFY(!AiAnswerValidator::isWebUrl("https://user:pw@example.org/"));
        QVERIFY(!AiAnswerValidator::isWebUrl("see https://example.org"));
    }

    void scrubsIdentityButKeepsClinicalNumbers()
    {
        PromptScrubber::Identity identity;
        identity.nameParts = {"To'xtayeva", "Gulnora", "Abdullayevna"};
        identity.patientNumber = "KQX-00042";
        identity.address = "Samarqand, Registon 7";
        const PromptScrubber scrubber(identity);
        const QString scrubbed = scrubber.scrub(
            "Toʻxtayevaning qizi Gulnora, tel +998 (91) 555-12-34 yoki 91 555 12 34, uy 233-44-55; "
            "pasport AB 1234567, PINFL 31234567890123, karta KQX-00042 / ABC-12345, Samarqand, Registon 7. "
            "BP 140/90, Hb 98 g/L, 2026-11-20, SpO2 97%, 38.5 C, dose 500 mg x 3.");
        for (const char *identifier :
             {"xtayev", "Gulnora", "555", "233-44", "1234567", "3123456789", "KQX", "ABC-12345", "Registon"})
            QVERIFY2(!scrubbed.contains(QLatin1String(identifier), Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("%1 left in: %2").arg(identifier, scrubbed)));
        for (const char *clinical : {"140/90", "98 g/L", "2026-11-20", "97%", "38.5 C", "500 mg x 3"})
            QVERIFY2(scrubbed.contains(QLatin1String(clinical)),
                     qPrintable(QStringLiteral("%1 lost in: %2").arg(clinical, scrubbed)));
        QVERIFY(scrubbed.contains(PromptScrubber::namePlaceholder()));
    }

    void promptCarriesAgeSexAndFactsOnly()
    {
        AiPatientFacts patient;
        patient.id = "0190a4c2-0000-7000-8000-000000000001";
        patient.ageYears = 7;
        patient.sex = "male";
        patient.allergies = "Cefazolin; Gulnora's cat";
        patient.identity.nameParts = {"Gulnora"};
        AiCase input;
        input.language = "uz-Cyrl";
        input.complaints = "Fever 39 C for 2 days, Gulnora says";
        const GeminiRequest request = AiPromptBuilder::build(AiKind::Questions, input, patient);
        const QString text = request.contents.first().parts.first().text;
        QVERIFY(text.startsWith("Patient: age 7 years, sex male."));
        QVERIFY(text.contains("Fever 39 C"));
        QVERIFY(text.contains("Cefazolin"));
        QVERIFY(!text.contains("Gulnora"));
        QVERIFY(!text.contains(patient.id));
        QVERIFY(request.systemInstruction.contains("Cyrillic"));
        QCOMPARE(request.responseSchema, AiSchemas::responseSchema(AiKind::Questions));
        QCOMPARE(AiPromptBuilder::allergyWords(patient.allergies), (QStringList{"Cefazolin", "Gulnora"}));
    }
};

QTEST_GUILESS_MAIN(TestAiAnswerValidation)
#include "tst_aianswervalidation.moc"
