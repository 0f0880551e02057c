#pragma once

#include "api/ApiError.h"
#include "clinic/ClinicDirectory.h"
#include "domain/FieldError.h"

#include <QObject>

namespace medora {

class SessionManager;

// Saves the clinic's letterhead through PUT /api/v1/clinic/letterhead (clinic admins only)
// and then refreshes the ClinicDirectory, so printouts pick it up. The same bounds as the
// server are checked first, so most mistakes are named before anything is sent.
class LetterheadClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxAddressLength = 300;
    static constexpr int kMaxPhoneLength = 100;
    static constexpr int kMaxFooterLength = 600;
    static constexpr qsizetype kMaxLogoBytes = 256 * 1024;
    static constexpr int kMaxLogoDimension = 4096;
    // A chosen picture is scaled down to this on its longer side: plenty for a printed logo.
    static constexpr int kPreparedLogoDimension = 600;

    LetterheadClient(SessionManager &session, ClinicDirectory &directory, QObject *parent = nullptr);

    // Field keys: "address", "phone", "footer", "logo"; messages in the UI language.
    static FieldErrors validate(const Letterhead &letterhead);
    // Any picture Qt reads (PNG, JPEG, ...) as a PNG within the bounds; empty with `error`
    // (translated) when the file is unreadable, not a picture, or still too large.
    static QByteArray preparedLogo(const QString &path, QString *error);

    // Asynchronous: saved() or failed(). Offline (no online session) fails at once with
    // ApiError::offlineCode(); the server's field errors come back in failed() with `field`.
    void save(const Letterhead &letterhead);
    bool isSaving() const { return m_saving; }
    // Saving needs an online session; offline, save() can only fail.
    bool canSave() const;

signals:
    void saved();
    void failed(const medora::ApiError &error);

private:
    SessionManager &m_session;
    ClinicDirectory &m_directory;
    bool m_saving = false;
};

} // namespace medora
