#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace medora::server {

// What a payment notice says. The patient is only a number and initials: a Telegram group is
// not a medical record.
struct PaymentNoticeFacts
{
    qint64 amount = 0; // so'm; negative for a reversing entry
    QString method;    // cash, card, transfer, other
    QString receptionist;
    QString doctor; // empty when the payment has no visit
    QString patientNumber;
    QString patientInitials;
    QDateTime takenAt; // local time of the clinic
    bool correction = false;
};

struct DailySummaryFacts
{
    QString clinicName;
    QDate day;
    int payments = 0;
    qint64 total = 0;
    QList<QPair<QString, qint64>> byMethod;       // method name, total
    QList<QPair<QString, qint64>> byReceptionist; // full name, total
};

// The messages the bot posts, in Uzbek (Latin) or Russian (MEDORA_TELEGRAM_LANGUAGE). Plain
// text: no parse_mode, so nothing a user typed can be read as markup.
class TelegramTexts
{
public:
    explicit TelegramTexts(const QString &language) : m_russian(language == QLatin1String("ru")) {}

    static QString money(qint64 amount); // "1 250 000"
    // "K. A." from last and first name.
    static QString initials(const QString &lastName, const QString &firstName);

    QString paymentNotice(const PaymentNoticeFacts &facts) const;
    QString dailySummary(const DailySummaryFacts &facts) const;
    QString receiptCaption(const QString &clinicName, qint64 amount, const QString &plan, int periodDays,
                           const QDateTime &paidUntilLocal, const QString &uploadedBy) const;
    QString decisionLine(bool approved, const QString &operatorName, const QDateTime &whenLocal,
                         const QDateTime &paidUntilLocal) const;
    QString approveButton() const;
    QString rejectButton() const;
    QString answerApproved() const;
    QString answerRejected() const;
    QString answerAlreadyDecided() const;
    QString answerNotOperator() const;
    QString answerInvalid() const;
    QString testMessage() const;

private:
    QString methodName(const QString &method) const;
    bool m_russian = false;
};

} // namespace medora::server
