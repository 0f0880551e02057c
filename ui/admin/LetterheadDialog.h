#pragma once

#include "api/ApiError.h"
#include "clinic/ClinicDirectory.h"

#include <QDialog>
#include <QMap>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace medora {

class LetterheadClient;

// The clinic admin's letterhead settings: address, phone, footer and logo (with a preview),
// as every printout shows them. Mistakes are named next to their field in the UI language
// before anything is sent; the server's refusals come back the same way. Saving needs the
// server: offline, the dialog says so and keeps everything typed.
class LetterheadDialog : public QDialog
{
    Q_OBJECT

public:
    LetterheadDialog(ClinicDirectory &directory, LetterheadClient &client, QWidget *parent = nullptr);

    // What the form holds now (the clinic's name from the directory).
    Letterhead letterhead() const;
    // Takes a picture file as the logo (scaled down and turned into PNG); false, with the
    // reason at the logo field, when it cannot be used.
    bool setLogoFromFile(const QString &path);
    void removeLogo();
    QString fieldError(const QString &field) const;
    QString statusText() const;

public slots:
    void save();

private:
    void chooseLogo();
    void showLogo();
    void clearErrors();
    void showFieldError(const QString &field, const QString &message);
    void setBusy(bool busy);
    void onFailed(const ApiError &error);
    static QString serverFieldMessage(const ApiError &error);

    ClinicDirectory &m_directory;
    LetterheadClient &m_client;
    QByteArray m_logoPng;
    QLabel *m_clinicName = nullptr;
    QPlainTextEdit *m_address = nullptr;
    QLineEdit *m_phone = nullptr;
    QPlainTextEdit *m_footer = nullptr;
    QLabel *m_logoPreview = nullptr;
    QPushButton *m_chooseLogo = nullptr;
    QPushButton *m_removeLogo = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QMap<QString, QLabel *> m_errors;
};

} // namespace medora
