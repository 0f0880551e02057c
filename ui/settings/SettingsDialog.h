#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace medora {

class ApiClient;
class Database;
class LanguageManager;
class SessionManager;

// The PC's own settings: the clinic server's address, an optional clinic CA certificate for a
// self-hosted server, the language and the idle lock time. Everything is checked before
// anything is applied, so a bad field changes nothing and names itself. With the local
// database (setTicketDatabase) it also sets this PC's ticket letter (TicketSeries).
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(SessionManager &session, ApiClient &api, LanguageManager &languages,
                   QWidget *parent = nullptr);

    QLineEdit *serverField() const { return m_server; }
    QLineEdit *caField() const { return m_caFile; }
    QComboBox *languageBox() const { return m_language; }
    QSpinBox *idleLockBox() const { return m_idleMinutes; }
    QLabel *errorLabel() const { return m_error; }
    QLineEdit *ticketLetterField() const { return m_ticketLetter; }

    // Shows the ticket letter row, read from and saved to this database's TicketSeries.
    void setTicketDatabase(Database *database);

public slots:
    void accept() override;

signals:
    // The idle lock time in minutes (0 = never) was changed; the running lock follows it.
    void idleLockMinutesChanged(int minutes);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void chooseCaFile();
    void showError(QWidget *field, const QString &message);
    bool confirmServerChange();

    SessionManager &m_session;
    ApiClient &m_api;
    LanguageManager &m_languages;
    QLabel *m_serverLabel = nullptr;
    QLineEdit *m_server = nullptr;
    QLabel *m_serverHint = nullptr;
    QLabel *m_caLabel = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_caBrowse = nullptr;
    QPushButton *m_caClear = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_idleLabel = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
    QLabel *m_ticketLabel = nullptr;
    QLineEdit *m_ticketLetter = nullptr;
    QLabel *m_ticketHint = nullptr;
    Database *m_ticketDatabase = nullptr;
    QString m_savedTicketLetter;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace medora
