#include "settings/SettingsDialog.h"

#include "api/ApiClient.h"
#include "auth/ApiErrorText.h"
#include "i18n/LanguageManager.h"
#include "queue/TicketNumber.h"
#include "queue/TicketSeries.h"
#include "session/IdleLock.h"
#include "session/SessionManager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace medora {

SettingsDialog::SettingsDialog(SessionManager &session, ApiClient &api, LanguageManager &languages,
                               QWidget *parent)
    : QDialog(parent), m_session(session), m_api(api), m_languages(languages)
{
    setObjectName(QStringLiteral("settingsDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_serverLabel = new QLabel(this);
    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("serverField"));
    m_server->setText(api.hasServer() ? api.serverUrl().toString() : SessionManager::savedServerAddress());
    m_serverLabel->setBuddy(m_server);
    form->addRow(m_serverLabel, m_server);
    m_serverHint = new QLabel(this);
    m_serverHint->setWordWrap(true);
    form->addRow(QString(), m_serverHint);

    m_caLabel = new QLabel(this);
    auto *caRow = new QHBoxLayout;
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caCertificateField"));
    m_caFile->setText(QSettings().value(SessionManager::caCertificateSettingsKey()).toString());
    m_caBrowse = new QPushButton(this);
    m_caBrowse->setObjectName(QStringLiteral("caBrowseButton"));
    m_caBrowse->setAutoDefault(false);
    m_caClear = new QPushButton(this);
    m_caClear->setObjectName(QStringLiteral("caClearButton"));
    m_caClear->setAutoDefault(false);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_caBrowse);
    caRow->addWidget(m_caClear);
    m_caLabel->setBuddy(m_caFile);
    form->addRow(m_caLabel, caRow);

    m_languageLabel = new QLabel(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    for (const LanguageManager::Language &language : LanguageManager::languages())
        m_language->addItem(language.nativeName, language.code); // each named in itself
    m_language->setCurrentIndex(std::max(0, m_language->findData(languages.currentLanguage())));
    m_languageLabel->setBuddy(m_language);
    form->addRow(m_languageLabel, m_language);

    m_idleLabel = new QLabel(this);
    m_idleMinutes = new QSpinBox(this);
    m_idleMinutes->setObjectName(QStringLiteral("idleLockBox"));
    m_idleMinutes->setRange(0, IdleLock::kMaxMinutes);
    m_idleMinutes->setValue(IdleLock::configuredMinutes());
    m_idleLabel->setBuddy(m_idleMinutes);
    form->addRow(m_idleLabel, m_idleMinutes);

    m_ticketLabel = new QLabel(this);
    m_ticketLetter = new QLineEdit(this);
    m_ticketLetter->setObjectName(QStringLiteral("ticketLetterField"));
    m_ticketLetter->setMaxLength(1);
    m_ticketLetter->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]")), m_ticketLetter));
    m_ticketLetter->setMaximumWidth(m_ticketLetter->fontMetrics().horizontalAdvance(QStringLiteral("WWWW")));
    m_ticketLabel->setBuddy(m_ticketLetter);
    form->addRow(m_ticketLabel, m_ticketLetter);
    m_ticketHint = new QLabel(this);
    m_ticketHint->setObjectName(QStringLiteral("ticketLetterHint"));
    m_ticketHint->setWordWrap(true);
    form->addRow(QString(), m_ticketHint);
    // Without the local database there is no series to show: the row stays out of sight.
    form->setRowVisible(m_ticketLetter, false);
    form->setRowVisible(m_ticketHint, false);
    m_form = form;
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_caBrowse, &QPushButton::clicked, this, &SettingsDialog::chooseCaFile);
    connect(m_caClear, &QPushButton::clicked, m_caFile, &QLineEdit::clear);
    connect(m_ticketLetter, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_ticketLetter->setText(text.toUpper()); });
    retranslateUi();
}

void SettingsDialog::setTicketDatabase(Database *database)
{
    m_ticketDatabase = database;
    m_savedTicketLetter.clear();
    if (database) {
        TicketSeries series(*database);
        m_savedTicketLetter = TicketNumber::letter(series.series());
    }
    m_ticketLetter->setText(m_savedTicketLetter);
    m_form->setRowVisible(m_ticketLetter, database != nullptr);
    m_form->setRowVisible(m_ticketHint, database != nullptr);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_serverLabel->setText(tr("Clinic &server:"));
    m_server->setPlaceholderText(tr("e.g. https://clinic.example.uz"));
    m_server->setAccessibleName(tr("Clinic server address"));
    m_serverHint->setText(m_api.allowsInsecureHttp()
                              ? tr("Development mode: http:// addresses are allowed, and passwords travel "
                                   "unencrypted to them.")
                              : tr("Only https:// addresses are accepted."));
    m_caLabel->setText(tr("Clinic &CA certificate:"));
    m_caFile->setPlaceholderText(tr("Only for a self-hosted server with its own certificate authority"));
    m_caFile->setAccessibleName(tr("Clinic CA certificate file"));
    m_caBrowse->setText(tr("&Browse…"));
    m_caClear->setText(tr("Cl&ear"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setAccessibleName(tr("Language"));
    m_idleLabel->setText(tr("Lock the screen after &idle minutes:"));
    m_idleMinutes->setSpecialValueText(tr("Never"));
    m_idleMinutes->setAccessibleName(tr("Idle minutes before the screen locks"));
    m_idleMinutes->setToolTip(tr("0 means never. On shared clinic PCs keep it short."));
    m_ticketLabel->setText(tr("This PC's &ticket letter:"));
    m_ticketLetter->setAccessibleName(tr("Ticket letter of this PC"));
    m_ticketLetter->setToolTip(tr("One Latin letter, A to Z"));
    m_ticketHint->setText(tr("Queue tickets from this PC start with this letter, like A-017. Give every PC "
                             "of the clinic a different letter, or two PCs will hand out the same "
                             "ticket numbers."));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::chooseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Clinic CA certificate"), m_caFile->text(),
                                                      tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void SettingsDialog::showError(QWidget *field, const QString &message)
{
    m_error->setText(message);
    m_error->show();
    field->setFocus();
}

bool SettingsDialog::confirmServerChange()
{
    if (!m_session.hasSession() && !m_session.isOffline())
        return true;
    return QMessageBox::question(this, tr("Change the server"),
                                 tr("Changing the server signs you out. The changes made on this PC stay "
                                    "here and are sent once you sign in again. Change it?"),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

void SettingsDialog::accept()
{
    m_error->hide();
    // Every field is checked first: a refused one leaves every setting as it was.
    const QString serverText = m_server->text().trimmed();
    QUrl serverUrl;
    if (!serverText.isEmpty()) {
        const ApiError error =
            ApiClient::parseServerAddress(serverText, m_api.allowsInsecureHttp(), &serverUrl);
        if (!error.ok()) {
            showError(m_server, tr("Clinic server: %1").arg(ApiErrorText::describe(error)));
            return;
        }
    }
    const QString caPath = m_caFile->text().trimmed().isEmpty()
                               ? QString()
                               : QFileInfo(m_caFile->text().trimmed()).absoluteFilePath();
    if (!caPath.isEmpty()) {
        ApiClient probe;
        QString error;
        if (!probe.setCaCertificateFile(caPath, &error)) {
            showError(m_caFile, tr("Clinic CA certificate: %1").arg(error));
            return;
        }
    }
    const QString ticketLetter = m_ticketLetter->text().trimmed().toUpper();
    const bool ticketLetterChanges = m_ticketDatabase && ticketLetter != m_savedTicketLetter;
    if (ticketLetterChanges && TicketNumber::seriesOf(ticketLetter) == 0) {
        showError(m_ticketLetter, tr("Ticket letter: enter one Latin letter, A to Z."));
        return;
    }
    const bool serverChanges =
        !serverText.isEmpty() && (!m_api.hasServer() || serverUrl != m_api.serverUrl());
    if (serverChanges && !confirmServerChange())
        return;

    QSettings settings;
    const QString previousCa = settings.value(SessionManager::caCertificateSettingsKey()).toString();
    if (caPath != previousCa) {
        QString error;
        if (!m_api.setCaCertificateFile(caPath, &error)) {
            showError(m_caFile, tr("Clinic CA certificate: %1").arg(error));
            return;
        }
        if (caPath.isEmpty())
            settings.remove(SessionManager::caCertificateSettingsKey());
        else
            settings.setValue(SessionManager::caCertificateSettingsKey(), caPath);
    }
    if (serverChanges) {
        const ApiError error = m_session.setServerAddress(serverText);
        if (!error.ok()) {
            showError(m_server, tr("Clinic server: %1").arg(ApiErrorText::describe(error)));
            return;
        }
    }
    if (ticketLetterChanges) {
        TicketSeries series(*m_ticketDatabase);
        if (!series.setSeries(TicketNumber::seriesOf(ticketLetter))) {
            showError(m_ticketLetter, tr("Ticket letter: the local database could not save it (%1).")
                                          .arg(series.lastError().message));
            return;
        }
        m_savedTicketLetter = ticketLetter;
    }
    const int minutes = m_idleMinutes->value();
    if (minutes != IdleLock::configuredMinutes()) {
        settings.setValue(IdleLock::settingsKey(), minutes);
        emit idleLockMinutesChanged(minutes);
    }
    const QString language = m_language->currentData().toString();
    if (language != m_languages.currentLanguage())
        m_languages.setLanguage(language);
    QDialog::accept();
}

} // namespace medora
