#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace medora {

// What the doctor sends about a case (docs/api.md "AI consilium"). The server adds the
// patient's age, sex, allergies, medications and history from the synced record and removes
// identity from every text before anything reaches the AI service.
struct AiCaseInput
{
    QString patientId; // the synced patient's id
    QString language;  // uz-Latn, uz-Cyrl, ru or en: the language of the answer
    QString complaints;
    QString anamnesis;
    QString examination;
    QString findings; // lab and instrumental results
    QString notes;
    QList<QPair<QString, QString>> answers; // clarifying question -> the doctor's answer
};

struct AiImageInput
{
    QByteArray data; // JPEG, PNG or PDF as stored
    QString description;
};

// Which model answered, in which language, when, at what cost.
struct AiAnswerInfo
{
    QString model;
    QString language;
    QDateTime generatedAt;
    qint64 totalTokens = 0;
};

struct ClarifyingQuestion
{
    QString question;
    QString reason;
};

struct RankedDiagnosis
{
    int rank = 0;
    QString name;
    QString icd10;          // may be empty
    double probability = 0; // percent; a list sums to 100 (within 1)
    QString justification;  // the consilium's "reasoning"
    QString evidenceLevel;  // differential only: high, moderate, low
};

struct DifferentialDiagnosis
{
    QList<RankedDiagnosis> diagnoses; // highest probability first
    QStringList redFlags;
};

struct SpecialistOpinion
{
    QString specialty;
    QString opinion; // the chair's summary for the chair
};

struct NamedReason
{
    QString name;
    QString reason;
};

struct MedicationAdvice
{
    QString name;
    QString dose;
    QString frequency;
    QString duration;
    QString cautions;
    bool allergyConflict = false;
    bool interactsWithCurrentMedication = false;
};

struct SourceLink
{
    QString title;
    QUrl url; // http or https
};

struct ConsiliumReport
{
    SpecialistOpinion chair;
    QList<SpecialistOpinion> specialists;
    QString criticalFinding;
    QString urgency; // emergency, urgent, routine
    QList<RankedDiagnosis> diagnoses;
    QList<NamedReason> rejectedHypotheses;
    QList<NamedReason> recommendedTests;
    QStringList treatmentPlan;
    QList<MedicationAdvice> medications;
    QString followUp;
    QString prognosis;
    QList<SourceLink> sources;
};

struct ImageFinding
{
    int image = 0; // 1-based, in the order the images were sent
    QString finding;
    QString location;
};

struct ImageFindings
{
    QList<ImageFinding> findings;
    QString impression;
    QStringList recommendations;
    QString urgency;
    QString limitations;
};

// GET /api/v1/ai/settings: whether the doctor can ask now, and how much is left today.
struct AiSettings
{
    bool enabled = false;   // the clinic admin's switch
    bool available = false; // the server has an AI service configured
    QStringList languages;
    int maxImages = 0;
    qint64 maxImageBytes = 0;
    int userDailyQuota = 0; // 0: unlimited
    int clinicDailyQuota = 0;
    int userUsedToday = 0;
    int clinicUsedToday = 0;
};

// Reads the server's answers. Each returns nothing unless every member has the type the
// contract promises: an answer that cannot be read whole is refused, never shown in part.
class ConsiliumResults
{
public:
    static std::optional<AiAnswerInfo> info(const QJsonObject &answer);
    static std::optional<AiSettings> settings(const QJsonObject &answer);
    static std::optional<QList<ClarifyingQuestion>> questions(const QJsonObject &result);
    static std::optional<DifferentialDiagnosis> differential(const QJsonObject &result);
    static std::optional<ConsiliumReport> consilium(const QJsonObject &result);
    static std::optional<ImageFindings> imageFindings(const QJsonObject &result);
};

} // namespace medora
