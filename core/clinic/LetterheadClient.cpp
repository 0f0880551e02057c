#include "clinic/LetterheadClient.h"

#include "session/SessionManager.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QTimer>

#include <algorithm>

namespace medora {

namespace {

bool hasControlCharacters(const QString &text, bool allowNewlines)
{
    return std::any_of(text.begin(), text.end(), [allowNewlines](QChar c) {
        if (allowNewlines && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
            return false;
        return c.category() == QChar::Other_Control;
    });
}

} // namespace

LetterheadClient::LetterheadClient(SessionManager &session, ClinicDirectory &directory, QObject *parent)
    : QObject(parent), m_session(session), m_directory(directory)
{}

FieldErrors LetterheadClient::validate(const Letterhead &letterhead)
{
    FieldErrors errors;
    const struct
    {
        const char *field;
        QString text;
        int maxLength;
        bool multiline;
    } texts[] = {{"address", letterhead.address.trimmed(), kMaxAddressLength, true},
                 {"phone", letterhead.phone.trimmed(), kMaxPhoneLength, false},
                 {"footer", letterhead.footer.trimmed(), kMaxFooterLength, true}};
    for (const auto &text : texts) {
        const QString field = QLatin1String(text.field);
        if (text.text.size() > text.maxLength)
            errors.append({field, tr("At most %n characters.", nullptr, text.maxLength)});
        else if (hasControlCharacters(text.text, text.multiline))
            errors.append({field, text.multiline ? tr("Only letters, digits, punctuation and line breaks.")
                                                 : tr("Only letters, digits and punctuation, on one line.")});
    }
    if (!letterhead.logoPng.isEmpty()) {
        const QImage image = QImage::fromData(letterhead.logoPng, "PNG");
        if (letterhead.logoPng.size() > kMaxLogoBytes)
            errors.append(
                {QStringLiteral("logo"), tr("The logo is larger than %1 KiB.").arg(kMaxLogoBytes / 1024)});
        else if (image.isNull() || !letterhead.logoPng.startsWith("\x89PNG"))
            errors.append({QStringLiteral("logo"), tr("The logo is not a PNG picture.")});
        else if (image.width() > kMaxLogoDimension || image.height() > kMaxLogoDimension)
            errors.append({QStringLiteral("logo"),
                           tr("The logo may be at most %1 × %1 pixels.").arg(kMaxLogoDimension)});
    }
    return errors;
}

QByteArray LetterheadClient::preparedLogo(const QString &path, QString *error)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    // A picture's header states its size: a huge one is refused before its pixels are read.
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > 20000 || size.height() > 20000)) {
        if (error)
            *error = tr("The picture is too large to use as a logo.");
        return {};
    }
    QImage image = reader.read();
    if (image.isNull()) {
        if (error)
            *error = tr("The file is not a picture this program can read.");
        return {};
    }
    if (image.width() > kPreparedLogoDimension || image.height() > kPreparedLogoDimension)
        image = image.scaled(kPreparedLogoDimension, kPreparedLogoDimension, Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG", 9) || png.isEmpty()) {
        if (error)
            *error = tr("The picture could not be converted to PNG.");
        return {};
    }
    if (png.size() > kMaxLogoBytes) {
        if (error)
            *error = tr("The logo is larger than %1 KiB even when reduced; choose a simpler picture.")
                         .arg(kMaxLogoBytes / 1024);
        return {};
    }
    return png;
}

bool LetterheadClient::canSave() const
{
    return m_session.isSignedIn();
}

void LetterheadClient::save(const Letterhead &letterhead)
{
    if (m_saving)
        return;
    if (!canSave()) {
        // Reported from the event loop, like every answer of the server.
        QTimer::singleShot(0, this, [this] {
            emit failed(ApiError::make(ApiError::Kind::Offline, ApiError::offlineCode(),
                                       QStringLiteral("the letterhead is saved on the server only")));
        });
        return;
    }
    QJsonObject body{{QStringLiteral("address"), letterhead.address.trimmed()},
                     {QStringLiteral("phone"), letterhead.phone.trimmed()},
                     {QStringLiteral("footer"), letterhead.footer.trimmed()}};
    if (!letterhead.logoPng.isEmpty())
        body.insert(QStringLiteral("logo"), QString::fromLatin1(letterhead.logoPng.toBase64()));
    m_saving = true;
    m_session.authorizedSend("PUT", QStringLiteral("clinic/letterhead"), &body, this,
                             [this](const ApiClient::Response &response) {
                                 m_saving = false;
                                 if (!response.ok()) {
                                     emit failed(response.error);
                                     return;
                                 }
                                 m_directory.refresh(m_session);
                                 emit saved();
                             });
}

} // namespace medora
