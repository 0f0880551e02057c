#pragma once

#include "notify/MailSender.h"

#include <QByteArray>
#include <QString>

namespace medora::server {

// E-mail over SMTP with libcurl, always encrypted: smtps:// is TLS from the first byte,
// smtp:// must upgrade with STARTTLS (CURLUSESSL_ALL: a server that cannot is refused, the
// password never travels in clear). The certificate is verified (the system's CAs, plus
// SMTP_CA_FILE for a private mail server). Blocking; thread-safe (one curl handle per call).
class SmtpMailer : public MailSender
{
public:
    struct Settings
    {
        QString url; // "smtps://mail.example.uz:465" or "smtp://mail.example.uz:587"
        QString user;
        QByteArray password;
        QString from; // "Medora <no-reply@clinic.example.uz>"
        QString caFile;
        int timeoutMs = 15000;
    };

    explicit SmtpMailer(Settings settings);
    DeliveryResult sendMail(const QString &to, const QString &subject, const QString &body) override;

private:
    Settings m_settings;
};

} // namespace medora::server
