#include "notify/RecoveryMessages.h"

namespace medora::server {

namespace {

bool russian(const QString &language)
{
    return language == QLatin1String("ru");
}

} // namespace

QString RecoveryMessages::smsText(Purpose purpose, const QString &language, const QString &code, int minutes)
{
    if (russian(language)) {
        return purpose == Purpose::PasswordReset
                   ? QStringLiteral(
                         "Medora: код для смены пароля %1. Действует %2 мин. Никому его не сообщайте.")
                         .arg(code)
                         .arg(minutes)
                   : QStringLiteral("Medora: код подтверждения телефона %1. Действует %2 мин.")
                         .arg(code)
                         .arg(minutes);
    }
    return purpose == Purpose::PasswordReset
               ? QStringLiteral(
                     "Medora: parolni tiklash kodi %1. %2 daqiqa amal qiladi. Uni hech kimga aytmang.")
                     .arg(code)
                     .arg(minutes)
               : QStringLiteral("Medora: telefonni tasdiqlash kodi %1. %2 daqiqa amal qiladi.")
                     .arg(code)
                     .arg(minutes);
}

QString RecoveryMessages::mailSubject(Purpose purpose, const QString &language)
{
    if (russian(language))
        return purpose == Purpose::PasswordReset ? QStringLiteral("Medora: код для смены пароля")
                                                 : QStringLiteral("Medora: код подтверждения");
    return purpose == Purpose::PasswordReset ? QStringLiteral("Medora: parolni tiklash kodi")
                                             : QStringLiteral("Medora: tasdiqlash kodi");
}

QString RecoveryMessages::mailBody(Purpose purpose, const QString &language, const QString &code, int minutes)
{
    Q_UNUSED(purpose)
    if (russian(language)) {
        return QStringLiteral("Здравствуйте!\n\n"
                              "Кто-то (надеемся, вы) попросил сменить пароль учётной записи Medora.\n"
                              "Код: %1\n"
                              "Код действует %2 минут и подходит только один раз.\n\n"
                              "Если вы ничего не просили, просто удалите это письмо: пароль останется "
                              "прежним. Никому не сообщайте код, даже сотрудникам клиники.\n\n"
                              "— Medora")
            .arg(code)
            .arg(minutes);
    }
    return QStringLiteral(
               "Assalomu alaykum!\n\n"
               "Kimdir (umid qilamizki, siz) Medora hisobingiz parolini tiklashni so\u02BBradi.\n"
               "Kod: %1\n"
               "Kod %2 daqiqa amal qiladi va faqat bir marta ishlatiladi.\n\n"
               "Agar siz hech narsa so\u02BBramagan bo\u02BBlsangiz, bu xatni o\u02BBchirib tashlang: "
               "parolingiz o\u02BBzgarmaydi. Kodni hech kimga, hatto klinika xodimlariga ham aytmang.\n\n"
               "— Medora")
        .arg(code)
        .arg(minutes);
}

} // namespace medora::server
