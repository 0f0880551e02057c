#include "telegram/TelegramTexts.h"

namespace medora::server {

namespace {

QString dateTime(const QDateTime &time)
{
    return time.toString(QStringLiteral("dd.MM.yyyy HH:mm"));
}

} // namespace

QString TelegramTexts::money(qint64 amount)
{
    const bool negative = amount < 0;
    QString digits = QString::number(negative ? -amount : amount);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(' '));
    return negative ? QStringLiteral("-") + digits : digits;
}

QString TelegramTexts::initials(const QString &lastName, const QString &firstName)
{
    QStringList parts;
    for (const QString &name : {lastName.trimmed(), firstName.trimmed()}) {
        if (!name.isEmpty())
            parts << name.left(1).toUpper() + QLatin1Char('.');
    }
    return parts.join(QLatin1Char(' '));
}

QString TelegramTexts::methodName(const QString &method) const
{
    if (method == QLatin1String("cash"))
        return m_russian ? QStringLiteral("наличные") : QStringLiteral("naqd");
    if (method == QLatin1String("card"))
        return m_russian ? QStringLiteral("карта") : QStringLiteral("karta");
    if (method == QLatin1String("transfer"))
        return m_russian ? QStringLiteral("перевод") : QStringLiteral("o‘tkazma");
    return m_russian ? QStringLiteral("другое") : QStringLiteral("boshqa");
}

QString TelegramTexts::paymentNotice(const PaymentNoticeFacts &f) const
{
    const QString currency = m_russian ? QStringLiteral("сум") : QStringLiteral("so‘m");
    QStringList lines;
    if (f.correction)
        lines << (m_russian
                      ? QStringLiteral("↩️ Исправление: %1 %2 (оплата отменена)")
                      : QStringLiteral("↩️ Tuzatish: %1 %2 (to‘lov bekor qilindi)"))
                     .arg(money(f.amount), currency);
    else
        lines << (m_russian ? QStringLiteral("💰 Оплата: %1 %2") : QStringLiteral("💰 To‘lov: %1 %2"))
                     .arg(money(f.amount), currency);
    lines
        << (m_russian ? QStringLiteral("Способ: %1") : QStringLiteral("Usul: %1")).arg(methodName(f.method));
    lines << (m_russian ? QStringLiteral("Принял(а): %1") : QStringLiteral("Qabul qildi: %1"))
                 .arg(f.receptionist);
    lines << (m_russian ? QStringLiteral("Время: %1") : QStringLiteral("Vaqt: %1")).arg(dateTime(f.takenAt));
    if (!f.doctor.isEmpty())
        lines << (m_russian ? QStringLiteral("Врач: %1") : QStringLiteral("Shifokor: %1")).arg(f.doctor);
    lines << (m_russian ? QStringLiteral("Пациент: %1 %2") : QStringLiteral("Bemor: %1 %2"))
                 .arg(f.patientNumber, f.patientInitials)
                 .trimmed();
    return lines.join(QLatin1Char('\n'));
}

QString TelegramTexts::dailySummary(const DailySummaryFacts &f) const
{
    const QString currency = m_russian ? QStringLiteral("сум") : QStringLiteral("so‘m");
    QStringList lines;
    lines << (m_russian ? QStringLiteral("📊 Итоги дня %1 — %2") : QStringLiteral("📊 Kun yakuni %1 — %2"))
                 .arg(f.day.toString(QStringLiteral("dd.MM.yyyy")), f.clinicName);
    lines << (m_russian ? QStringLiteral("Оплат: %1, всего: %2 %3")
                        : QStringLiteral("To‘lovlar: %1, jami: %2 %3"))
                 .arg(f.payments)
                 .arg(money(f.total), currency);
    lines << (m_russian ? QStringLiteral("По способам:") : QStringLiteral("Usullar bo‘yicha:"));
    for (const auto &[method, total] : f.byMethod)
        lines << QStringLiteral("  %1: %2 %3").arg(methodName(method), money(total), currency);
    lines << (m_russian ? QStringLiteral("По сотрудникам:") : QStringLiteral("Xodimlar bo‘yicha:"));
    for (const auto &[name, total] : f.byReceptionist)
        lines << QStringLiteral("  %1: %2 %3").arg(name, money(total), currency);
    return lines.join(QLatin1Char('\n'));
}

QString TelegramTexts::receiptCaption(const QString &clinicName, qint64 amount, const QString &plan,
                                      int periodDays, const QDateTime &paidUntilLocal,
                                      const QString &uploadedBy) const
{
    const QString currency = m_russian ? QStringLiteral("сум") : QStringLiteral("so‘m");
    QStringList lines;
    lines << (m_russian ? QStringLiteral("🧾 Квитанция об оплате подписки")
                        : QStringLiteral("🧾 Obuna to‘lovi cheki"));
    lines << (m_russian ? QStringLiteral("Клиника: %1") : QStringLiteral("Klinika: %1")).arg(clinicName);
    lines << (m_russian ? QStringLiteral("Сумма: %1 %2") : QStringLiteral("Summa: %1 %2"))
                 .arg(money(amount), currency);
    lines << (m_russian ? QStringLiteral("Тариф: %1 (+%2 дн.)") : QStringLiteral("Tarif: %1 (+%2 kun)"))
                 .arg(plan)
                 .arg(periodDays);
    lines << (m_russian ? QStringLiteral("Оплачено до: %1") : QStringLiteral("To‘langan muddat: %1"))
                 .arg(dateTime(paidUntilLocal));
    lines << (m_russian ? QStringLiteral("Загрузил(а): %1") : QStringLiteral("Yukladi: %1")).arg(uploadedBy);
    return lines.join(QLatin1Char('\n'));
}

QString TelegramTexts::decisionLine(bool approved, const QString &operatorName, const QDateTime &whenLocal,
                                    const QDateTime &paidUntilLocal) const
{
    if (approved)
        return (m_russian ? QStringLiteral("✅ Одобрено: %1, %2. Оплачено до %3")
                          : QStringLiteral("✅ Tasdiqlandi: %1, %2. To‘langan muddat %3 gacha"))
            .arg(operatorName, dateTime(whenLocal), dateTime(paidUntilLocal));
    return (m_russian ? QStringLiteral("❌ Отклонено: %1, %2") : QStringLiteral("❌ Rad etildi: %1, %2"))
        .arg(operatorName, dateTime(whenLocal));
}

QString TelegramTexts::approveButton() const
{
    return m_russian ? QStringLiteral("✅ Одобрить") : QStringLiteral("✅ Tasdiqlash");
}

QString TelegramTexts::rejectButton() const
{
    return m_russian ? QStringLiteral("❌ Отклонить") : QStringLiteral("❌ Rad etish");
}

QString TelegramTexts::answerApproved() const
{
    return m_russian ? QStringLiteral("Подписка продлена") : QStringLiteral("Obuna uzaytirildi");
}

QString TelegramTexts::answerRejected() const
{
    return m_russian ? QStringLiteral("Квитанция отклонена") : QStringLiteral("Chek rad etildi");
}

QString TelegramTexts::answerAlreadyDecided() const
{
    return m_russian ? QStringLiteral("Решение уже принято")
                     : QStringLiteral("Qaror allaqachon qabul qilingan");
}

QString TelegramTexts::answerNotOperator() const
{
    return m_russian ? QStringLiteral("Только операторы могут принимать решение")
                     : QStringLiteral("Faqat operatorlar qaror qabul qila oladi");
}

QString TelegramTexts::answerInvalid() const
{
    return m_russian ? QStringLiteral("Неизвестная кнопка") : QStringLiteral("Noma’lum tugma");
}

QString TelegramTexts::testMessage() const
{
    return m_russian ? QStringLiteral("Medora: проверка связи с Telegram")
                     : QStringLiteral("Medora: Telegram aloqasi tekshiruvi");
}

} // namespace medora::server
