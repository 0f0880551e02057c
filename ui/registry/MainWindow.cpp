#include "registry/MainWindow.h"

#include "auth/ApiErrorText.h"
#include "auth/ConsentGate.h"
#include "auth/LoginDialog.h"
#include "help/ShortcutsDialog.h"
#include "i18n/LanguageManager.h"
#include "registry/PatientDialog.h"
#include "registry/PatientListModel.h"
#include "registry/PatientRegistry.h"
#include "session/SessionManager.h"
#include "settings/SettingsDialog.h"
#include "store/SyncJournal.h"
#include "sync/ConflictDialog.h"
#include "sync/SyncEngine.h"
#include "sync/SyncErrorsDialog.h"
#include "sync/SyncStatusIndicator.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace medora {

namespace {

constexpr int kNoticeTimeoutMs = 15000;

} // namespace

MainWindow::MainWindow(PatientRegistry &registry, LanguageManager &languages, QWidget *parent)
    : QMainWindow(parent), m_registry(registry), m_languages(languages)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_model = new PatientListModel(m_registry, this);
    buildUi();
    buildMenus();
    retranslateUi();
    updateLanguageChecks();
    connect(&m_languages, &LanguageManager::languageChanged, this, &MainWindow::updateLanguageChecks);
    if (m_model->rowCount() > 0)
        selectRow(0);
    m_search->setFocus(Qt::OtherFocusReason);

    const QFontMetrics metrics = fontMetrics();
    resize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 40);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    m_workspace = new QTabWidget(this);
    m_workspace->setObjectName(QStringLiteral("workspaceTabs"));
    m_workspace->setDocumentMode(true);
    // With only the registry there is nothing to switch to.
    m_workspace->setTabBarAutoHide(true);
    auto *central = new QWidget(m_workspace);
    central->setObjectName(QStringLiteral("registryPage"));
    m_registryPage = central;
    auto *layout = new QVBoxLayout(central);

    auto *searchRow = new QHBoxLayout;
    m_search = new QLineEdit(central);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    searchRow->addWidget(m_search, 1);
    m_newButton = new QPushButton(central);
    m_newButton->setObjectName(QStringLiteral("newPatientButton"));
    m_newButton->setAutoDefault(false);
    searchRow->addWidget(m_newButton);
    layout->addLayout(searchRow);

    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("patientTable"));
    // The row height is set before the rows arrive: set later, it would touch every row.
    m_table->verticalHeader()->setDefaultSectionSize(rowHeight());
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(false);
    // One fixed height for every row: the view never measures rows, so a million stay smooth.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(PatientListModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);

    m_disclaimer = new QLabel(central);
    m_disclaimer->setObjectName(QStringLiteral("disclaimerLabel"));
    m_disclaimer->setWordWrap(true);
    m_disclaimer->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_disclaimer);

    m_workspace->addTab(central, QString());
    setCentralWidget(m_workspace);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_status, 1);

    setTabOrder(m_search, m_newButton);
    setTabOrder(m_newButton, m_table);

    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::onSearchTextChanged);
    connect(m_newButton, &QPushButton::clicked, this, &MainWindow::newPatient);
    connect(m_table, &QTableView::activated, this, &MainWindow::editCurrentPatient);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_rememberedLocalId = currentLocalId(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // A save or import reloads the list; the row the user was on stays selected.
        const int row = m_model->rowOf(m_rememberedLocalId);
        if (row >= 0)
            selectRow(row);
        else if (m_model->rowCount() > 0)
            selectRow(0);
        updateStatus();
    });
}

void MainWindow::buildMenus()
{
    m_newAction = new QAction(this);
    m_newAction->setObjectName(QStringLiteral("newPatientAction"));
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newPatient);

    m_editAction = new QAction(this);
    m_editAction->setObjectName(QStringLiteral("editPatientAction"));
    m_editAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    // Enter means "open" only in the list; in a dialog it still means the default button.
    m_editAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_editAction);
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editCurrentPatient);

    m_findAction = new QAction(this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusSearch);

    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    // Also on the window itself, so the shortcuts work while the menu bar is hidden or native.
    addActions({m_newAction, m_findAction, m_quitAction});

    m_patientMenu = menuBar()->addMenu(QString());
    m_patientMenu->addAction(m_newAction);
    m_patientMenu->addAction(m_editAction);
    m_patientMenu->addAction(m_findAction);
    m_patientMenu->addSeparator();
    m_patientMenu->addAction(m_quitAction);

    m_settingsAction = new QAction(this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    m_shortcutsAction = new QAction(this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence::HelpContents);
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    addActions({m_settingsAction, m_shortcutsAction});
    addPageAction();

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const LanguageManager::Language &language : LanguageManager::languages()) {
        // Each language is named in itself, so anyone can find their own in any UI language.
        QAction *action = m_languageMenu->addAction(language.nativeName);
        action->setObjectName(QStringLiteral("language_") + language.code);
        action->setCheckable(true);
        action->setData(language.code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, code = language.code] { m_languages.setLanguage(code); });
    }
    m_languageMenu->addSeparator();
    m_languageMenu->addAction(m_settingsAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_shortcutsAction);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Medora — patient registry"));
    m_search->setPlaceholderText(tr("Search by name, phone or patient number"));
    m_search->setAccessibleName(tr("Search patients"));
    m_search->setToolTip(tr("Type part of a name in Latin or Cyrillic letters, a phone number or a patient "
                            "number. Down arrow moves into the list, Escape clears."));
    m_newButton->setText(tr("&New patient"));
    m_newButton->setToolTip(m_newAction->shortcut().toString(QKeySequence::NativeText));
    m_newButton->setAccessibleName(tr("Register a new patient"));
    m_table->setAccessibleName(tr("Patients"));
    m_disclaimer->setText(tr("Medora does not replace a doctor's judgement."));
    m_patientMenu->setTitle(tr("&Patient"));
    m_languageMenu->setTitle(tr("&Language"));
    m_newAction->setText(tr("&New patient…"));
    m_editAction->setText(tr("&Open patient…"));
    m_findAction->setText(tr("&Find patient"));
    m_quitAction->setText(tr("&Quit"));
    m_settingsAction->setText(tr("&Settings…"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_helpMenu->setTitle(tr("&Help"));
    m_workspace->setTabText(0, tr("Patients"));
    for (int i = 0; i < m_pageTitles.size(); ++i)
        m_workspace->setTabText(i + 1, m_pageTitles.at(i)());
    for (int i = 0; i < m_pageActions.size(); ++i)
        m_pageActions.at(i)->setText(tr("Show page %1").arg(i + 1));
    m_model->retranslate();
    if (m_accountMenu) {
        m_accountMenu->setTitle(tr("&Account"));
        m_signInAction->setText(tr("&Sign in…"));
        m_signOutAction->setText(tr("Sign &out"));
        updateSessionStatus();
    }
    if (m_syncMenu) {
        m_syncMenu->setTitle(tr("S&ync"));
        m_syncNowAction->setText(tr("Sync &now"));
        m_syncNowAction->setStatusTip(tr("Send the changes made here and fetch the server's now."));
        m_syncErrorsAction->setText(tr("Sync &errors…"));
        m_conflictsAction->setText(tr("&Conflicts…"));
    }

    // Widths follow the font and the header words, never fixed pixel counts.
    const QFontMetrics metrics = m_table->fontMetrics();
    const QFontMetrics headerMetrics = m_table->horizontalHeader()->fontMetrics();
    const int padding = metrics.height();
    const auto width = [&](int column, const QString &sample) {
        const int header = headerMetrics.horizontalAdvance(
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        return std::max(header, metrics.horizontalAdvance(sample)) + padding;
    };
    // The number column also carries the row's sync badge.
    const int badge = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table) +
                      metrics.averageCharWidth();
    m_table->setColumnWidth(PatientListModel::NumberColumn,
                            width(PatientListModel::NumberColumn, QStringLiteral("WWW-00000")) + badge);
    m_table->setColumnWidth(PatientListModel::BirthDateColumn,
                            width(PatientListModel::BirthDateColumn, QStringLiteral("≈ 00.00.0000")));
    m_table->setColumnWidth(PatientListModel::AgeColumn,
                            width(PatientListModel::AgeColumn, QStringLiteral("000")));
    m_table->setColumnWidth(PatientListModel::PhoneColumn,
                            width(PatientListModel::PhoneColumn, QStringLiteral("+998 00 000 00 00")));
    // Changing the default size emits sectionResized() once per row, so only when it changes.
    if (m_table->verticalHeader()->defaultSectionSize() != rowHeight())
        m_table->verticalHeader()->setDefaultSectionSize(rowHeight());
    updateStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateLanguageChecks()
{
    const QString current = m_languages.currentLanguage();
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == current);
}

PatientDialog *MainWindow::patientDialog() const
{
    return m_dialog;
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::setSession(SessionManager *session)
{
    if (m_session || !session)
        return;
    m_session = session;
    m_signInAction = new QAction(this);
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::showSignIn);
    m_signOutAction = new QAction(this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);
    m_accountMenu = new QMenu(this);
    m_accountMenu->setObjectName(QStringLiteral("accountMenu"));
    m_accountMenu->addAction(m_signInAction);
    m_accountMenu->addAction(m_signOutAction);
    menuBar()->insertMenu(m_languageMenu->menuAction(), m_accountMenu);

    m_sessionLabel = new QLabel(this);
    m_sessionLabel->setObjectName(QStringLiteral("sessionLabel"));
    statusBar()->addPermanentWidget(m_sessionLabel);

    connect(session, &SessionManager::stateChanged, this, &MainWindow::updateSessionStatus);
    connect(session, &SessionManager::signedIn, this, &MainWindow::updateSessionStatus);
    // Newer terms of use or privacy policy are accepted before work continues (issue 8).
    new ConsentGate(*session, this);
    connect(session, &SessionManager::sessionEnded, this, [this](const ApiError &reason) {
        statusBar()->showMessage(ApiErrorText::describe(reason), kNoticeTimeoutMs);
    });
    connect(session, &SessionManager::signedInOffline, this, [this] {
        statusBar()->showMessage(
            tr("Signed in without the server: changes stay on this computer and will sync "
               "when the server is reachable."),
            kNoticeTimeoutMs);
    });
    connect(session, &SessionManager::offlineCredentialsFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Offline sign-in on this computer is not available: %1").arg(message),
                                 kNoticeTimeoutMs);
    });
    connect(session, &SessionManager::keychainFailed, this, [this](const QString &message) {
        statusBar()->showMessage(
            tr("The system keychain did not keep the sign-in, so you will sign in again next time: %1")
                .arg(message),
            kNoticeTimeoutMs);
    });
    retranslateUi();
}

LoginDialog *MainWindow::loginDialog() const
{
    return m_loginDialog;
}

QString MainWindow::sessionStatusText() const
{
    return m_sessionLabel ? m_sessionLabel->text() : QString();
}

void MainWindow::updateSessionStatus()
{
    if (!m_session || !m_sessionLabel)
        return;
    QString text;
    switch (m_session->state()) {
    case SessionManager::State::SignedIn: {
        const UserProfile user = m_session->user();
        text = tr("Signed in as %1 (%2) at %3")
                   .arg(user.displayName(), ApiErrorText::roleName(user.role), user.clinicName);
        break;
    }
    case SessionManager::State::SigningIn:
    case SessionManager::State::PasswordChangeRequired:
        text = tr("Signing in…");
        break;
    case SessionManager::State::Restoring:
        text = tr("Connecting to the server…");
        break;
    case SessionManager::State::SignedOut:
        text = tr("Working offline");
        break;
    case SessionManager::State::Offline: {
        const UserProfile user = m_session->user();
        text = tr("Working offline as %1 (%2)").arg(user.displayName(), ApiErrorText::roleName(user.role));
        break;
    }
    }
    if (m_session->api().allowsInsecureHttp())
        text += QStringLiteral(" — ") + tr("insecure HTTP allowed (development mode)");
    m_sessionLabel->setText(text);
    m_sessionLabel->setAccessibleName(text);
    const bool signedOut = m_session->state() == SessionManager::State::SignedOut;
    // Offline, signing in again reaches the server as soon as it answers.
    m_signInAction->setEnabled(signedOut || m_session->state() == SessionManager::State::Offline);
    m_signOutAction->setEnabled(!signedOut);
}

void MainWindow::setSync(SyncEngine *engine, SyncJournal *journal)
{
    if (m_syncEngine || !engine || !journal)
        return;
    m_syncEngine = engine;
    m_syncJournal = journal;

    m_syncNowAction = new QAction(this);
    m_syncNowAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNowAction->setShortcut(QKeySequence::Refresh);
    connect(m_syncNowAction, &QAction::triggered, this, &MainWindow::syncNow);
    m_syncErrorsAction = new QAction(this);
    m_syncErrorsAction->setObjectName(QStringLiteral("syncErrorsAction"));
    connect(m_syncErrorsAction, &QAction::triggered, this, &MainWindow::showSyncErrors);
    m_conflictsAction = new QAction(this);
    m_conflictsAction->setObjectName(QStringLiteral("conflictsAction"));
    connect(m_conflictsAction, &QAction::triggered, this, &MainWindow::showConflicts);
    addAction(m_syncNowAction);
    m_syncMenu = new QMenu(this);
    m_syncMenu->setObjectName(QStringLiteral("syncMenu"));
    m_syncMenu->addAction(m_syncNowAction);
    m_syncMenu->addSeparator();
    m_syncMenu->addAction(m_syncErrorsAction);
    m_syncMenu->addAction(m_conflictsAction);
    menuBar()->insertMenu(m_languageMenu->menuAction(), m_syncMenu);

    m_syncIndicator = new SyncStatusIndicator(this);
    statusBar()->addPermanentWidget(m_syncIndicator);
    connect(m_syncIndicator, &SyncStatusIndicator::detailsRequested, this, &MainWindow::showSyncDetails);

    connect(engine, &SyncEngine::statusChanged, this, &MainWindow::applySyncStatus);
    // A save here adds to the outbox before the engine has looked: the count must show at once.
    connect(&m_registry, &PatientRegistry::patientSaved, this, &MainWindow::refreshSyncCounts);
    connect(&m_registry, &PatientRegistry::patientRemoved, this, &MainWindow::refreshSyncCounts);
    connect(&m_registry, &PatientRegistry::registryReset, this, &MainWindow::refreshSyncCounts);
    if (m_session)
        connect(m_session, &SessionManager::stateChanged, this, &MainWindow::updateSyncActions);
    retranslateUi();
    refreshSyncCounts();
}

SyncErrorsDialog *MainWindow::syncErrorsDialog() const
{
    return m_syncErrorsDialog;
}

ConflictDialog *MainWindow::conflictDialog() const
{
    return m_conflictDialog;
}

void MainWindow::applySyncStatus(const SyncStatus &status)
{
    const bool listsChanged =
        status.errors != m_syncStatus.errors || status.conflicts != m_syncStatus.conflicts;
    m_syncStatus = status;
    m_syncIndicator->setStatus(status);
    updateSyncActions();
    // Rows move through uploading to synced, error or conflict without the registry saying so.
    m_model->refreshRows();
    if (listsChanged && m_syncErrorsDialog)
        m_syncErrorsDialog->reload();
    if (listsChanged && m_conflictDialog)
        m_conflictDialog->reload();
}

void MainWindow::refreshSyncCounts()
{
    if (!m_syncEngine || !m_syncJournal)
        return;
    SyncStatus status = m_syncEngine->status();
    const SyncCounts counts = m_syncJournal->counts();
    status.pendingOps = counts.pendingOps;
    status.pendingRows = counts.pendingRows;
    status.oldestPendingAt = counts.oldestPendingAt;
    status.errors = counts.errors;
    status.conflicts = counts.conflicts;
    status.lastPullSucceededAt = m_syncJournal->lastPullSucceededAt();
    applySyncStatus(status);
}

void MainWindow::updateSyncActions()
{
    if (!m_syncMenu)
        return;
    m_syncNowAction->setEnabled(m_syncEngine && m_syncEngine->isRunning());
    m_syncErrorsAction->setEnabled(m_syncStatus.errors > 0);
    m_conflictsAction->setEnabled(m_syncStatus.conflicts > 0);
}

void MainWindow::syncNow()
{
    if (m_syncEngine && m_syncEngine->isRunning())
        m_syncEngine->syncNow();
}

void MainWindow::showSyncErrors()
{
    if (!m_syncJournal)
        return;
    if (m_syncErrorsDialog) {
        m_syncErrorsDialog->reload();
        m_syncErrorsDialog->raise();
        m_syncErrorsDialog->activateWindow();
        return;
    }
    m_syncErrorsDialog = new SyncErrorsDialog(*m_syncJournal, this);
    m_syncErrorsDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_syncErrorsDialog, &SyncErrorsDialog::retried, this, &MainWindow::onSyncDataChangedHere);
    m_syncErrorsDialog->open();
}

void MainWindow::showConflicts()
{
    if (!m_syncJournal)
        return;
    if (m_conflictDialog) {
        m_conflictDialog->reload();
        m_conflictDialog->raise();
        m_conflictDialog->activateWindow();
        return;
    }
    m_conflictDialog = new ConflictDialog(*m_syncJournal, this);
    m_conflictDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_conflictDialog, &ConflictDialog::resolved, this, &MainWindow::onSyncDataChangedHere);
    m_conflictDialog->open();
}

void MainWindow::showSyncDetails()
{
    if (!m_syncIndicator)
        return;
    if (m_syncStatus.conflicts > 0) {
        showConflicts();
        return;
    }
    if (m_syncStatus.errors > 0) {
        showSyncErrors();
        return;
    }
    if (m_syncDetails) {
        m_syncDetails->raise();
        m_syncDetails->activateWindow();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Information, tr("Sync status"), m_syncIndicator->summaryText(),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("syncDetailsBox"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(m_syncIndicator->detailsText());
    if (m_syncEngine && m_syncEngine->isRunning()) {
        QPushButton *now = box->addButton(tr("Sync &now"), QMessageBox::ActionRole);
        connect(now, &QPushButton::clicked, this, &MainWindow::syncNow);
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_syncDetails = box;
    box->open();
}

void MainWindow::onSyncDataChangedHere()
{
    // A decided conflict rewrote a patient: the search index and the list catch up
    // (patientsChanged reloads the list).
    m_registry.refreshFromStore();
    refreshSyncCounts();
    syncNow();
}

void MainWindow::showSignIn()
{
    if (!m_session)
        return;
    if (m_loginDialog) {
        m_loginDialog->raise();
        m_loginDialog->activateWindow();
        return;
    }
    m_loginDialog = new LoginDialog(*m_session, this);
    m_loginDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_loginDialog->open();
}

void MainWindow::signOut()
{
    if (m_session)
        m_session->signOut();
}

void MainWindow::updateStatus()
{
    const qint64 total = m_registry.patientCount();
    const qint64 shown = m_model->rowCount();
    const QString newShortcut = m_newAction->shortcut().toString(QKeySequence::NativeText);
    QString text;
    if (total == 0)
        text = tr("The registry is empty. Press %1 to register the first patient.").arg(newShortcut);
    else if (!m_model->isSearching())
        text = tr("Patients in the registry: %L1").arg(total);
    else if (shown == 0)
        text = tr("No patient matches “%1”. Press %2 to register a new patient.")
                   .arg(m_model->query().trimmed(), newShortcut);
    else if (m_model->hasMoreMatches())
        text = tr("Found more than %L1 of %L2; the best %L1 are listed. Type more to narrow the search.")
                   .arg(shown)
                   .arg(total);
    else
        text = tr("Found: %L1 of %L2").arg(shown).arg(total);
    m_status->setText(text);
    m_status->setAccessibleName(text);
}

void MainWindow::onSearchTextChanged(const QString &text)
{
    m_model->setQuery(text);
    // The best match is selected, so Enter in the search box opens it at once.
    if (m_model->rowCount() > 0)
        selectRow(0);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QMainWindow::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));

    if (watched == m_search && plain) {
        switch (key->key()) {
        case Qt::Key_Escape:
            if (m_search->text().isEmpty())
                break;
            m_search->clear();
            return true;
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (m_model->rowCount() == 0)
                break;
            if (!m_table->currentIndex().isValid())
                selectRow(0);
            m_table->setFocus(Qt::TabFocusReason);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            editCurrentPatient();
            return true;
        default:
            break;
        }
    }

    if (watched == m_table && plain) {
        if ((key->key() == Qt::Key_Up && m_table->currentIndex().row() <= 0) ||
            key->key() == Qt::Key_Escape) {
            focusSearch();
            return true;
        }
        // Typing while in the list continues the search instead of jumping between rows.
        const QString text = key->text();
        if (!text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace()) {
            m_search->setFocus(Qt::OtherFocusReason);
            m_search->end(false);
            m_search->insert(text);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

int MainWindow::rowHeight() const
{
    const int text = m_table->fontMetrics().height();
    return text + text / 2;
}

qint64 MainWindow::currentLocalId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->localIdAt(current.row()) : 0;
}

void MainWindow::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void MainWindow::selectPatient(qint64 localId)
{
    int row = m_model->rowOf(localId);
    if (row < 0 && m_model->isSearching()) {
        // The saved patient does not match the current search: show the full list instead.
        m_search->clear();
        row = m_model->rowOf(localId);
    }
    if (row >= 0)
        selectRow(row);
}

void MainWindow::newPatient()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    statusBar()->clearMessage();
    auto *dialog = new PatientDialog(m_registry, this);
    dialog->prefillFromSearch(m_search->text());
    showDialog(dialog);
}

void MainWindow::editCurrentPatient()
{
    const qint64 localId = currentLocalId();
    if (localId != 0)
        openPatient(localId);
}

void MainWindow::openPatient(qint64 localId)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    statusBar()->clearMessage(); // an earlier failure no longer applies
    const std::optional<Patient> patient = m_registry.patient(localId);
    if (!patient) {
        // Reads report through the store: the registry keeps only its write errors.
        const StoreError readError = m_registry.isOpen() ? m_registry.store().lastError() : StoreError();
        if (!readError.ok()) {
            statusBar()->showMessage(tr("The patient could not be opened: %1").arg(readError.message));
            return;
        }
        m_model->reload(); // the row was stale
        return;
    }
    if (!m_registry.markSeen(localId)) {
        // Only the ranking of recent patients suffers; the card itself opens.
        statusBar()->showMessage(
            tr("This visit was not recorded in the recent patients: %1").arg(m_registry.lastError().message),
            kNoticeTimeoutMs);
    }
    showDialog(new PatientDialog(m_registry, *patient, this));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        m_dialog->reject(); // clears m_dialog through finished() unless the user keeps editing
        if (m_dialog) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showDialog(PatientDialog *dialog)
{
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, &MainWindow::onDialogFinished);
    dialog->open();
}

void MainWindow::onDialogFinished(int result)
{
    auto *dialog = qobject_cast<PatientDialog *>(sender());
    m_dialog = nullptr;
    if (!dialog)
        return;
    if (result == QDialog::Accepted) {
        selectPatient(dialog->savedLocalId());
        m_table->setFocus(Qt::OtherFocusReason);
    } else if (result == PatientDialog::OpenExistingResult) {
        selectPatient(dialog->chosenExistingLocalId());
        openPatient(dialog->chosenExistingLocalId());
    }
}

} // namespace medora

namespace medora {

void MainWindow::addPageAction()
{
    const int index = int(m_pageActions.size());
    if (index >= 9)
        return;
    auto *action = new QAction(this);
    action->setObjectName(QStringLiteral("showPage%1Action").arg(index + 1));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    action->setText(tr("Show page %1").arg(index + 1));
    connect(action, &QAction::triggered, this, [this, index] {
        if (index < m_workspace->count())
            m_workspace->setCurrentIndex(index);
    });
    addAction(action);
    m_pageActions << action;
    // The page tabs carry no Alt letter (the pages' own controls need them): the tooltip
    // names the page's Ctrl+digit instead.
    if (index < m_workspace->count())
        m_workspace->setTabToolTip(index, action->shortcut().toString(QKeySequence::NativeText));
}

void MainWindow::addWorkspacePage(QWidget *page, std::function<QString()> title)
{
    page->setParent(m_workspace);
    m_pageTitles.append(std::move(title));
    m_workspace->addTab(page, m_pageTitles.last()());
    addPageAction();
}

void MainWindow::removeWorkspacePages()
{
    m_workspace->setCurrentIndex(0);
    while (m_workspace->count() > 1) {
        QWidget *page = m_workspace->widget(m_workspace->count() - 1);
        m_workspace->removeTab(m_workspace->count() - 1);
        delete page;
    }
    m_pageTitles.clear();
    while (m_pageActions.size() > 1)
        delete m_pageActions.takeLast();
}

SettingsDialog *MainWindow::settingsDialog() const
{
    return m_settingsDialog;
}

ShortcutsDialog *MainWindow::shortcutsDialog() const
{
    return m_shortcutsDialog;
}

void MainWindow::showSettings()
{
    if (!m_session) {
        statusBar()->showMessage(tr("Settings need the server connection, which this window does not have."),
                                 kNoticeTimeoutMs);
        return;
    }
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(*m_session, m_session->api(), m_languages, this);
        m_settingsDialog->setTicketDatabase(&m_registry.database());
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &SettingsDialog::idleLockMinutesChanged, this,
                &MainWindow::idleLockMinutesChanged);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

void MainWindow::showShortcuts()
{
    if (!m_shortcutsDialog) {
        m_shortcutsDialog = new ShortcutsDialog(this);
        m_shortcutsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    QList<ShortcutsDialog::Section> sections;
    sections.append({tr("Everywhere"), this, true});
    sections.append({m_workspace->tabText(0).remove(QLatin1Char('&')), m_registryPage, false});
    for (int i = 1; i < m_workspace->count(); ++i)
        sections.append({m_workspace->tabText(i).remove(QLatin1Char('&')), m_workspace->widget(i), false});
    m_shortcutsDialog->setSections(sections);
    m_shortcutsDialog->show();
    m_shortcutsDialog->raise();
}

} // namespace medora
