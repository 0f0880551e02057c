#pragma once

#include "sync/SyncStatus.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QPushButton;
class QTabWidget;
class QTableView;

namespace medora {

class ConflictDialog;
class LanguageManager;
class LoginDialog;
class PatientDialog;
class SessionManager;
class SettingsDialog;
class ShortcutsDialog;
class PatientListModel;
class PatientRegistry;
class SyncEngine;
class SyncErrorsDialog;
class SyncJournal;
class SyncStatusIndicator;

// The home screen of the front desk: search as you type over the whole registry, the
// list of patients, and registering or opening one.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(PatientRegistry &registry, LanguageManager &languages, QWidget *parent = nullptr);
    ~MainWindow() override;

    PatientListModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QTableView *patientTable() const { return m_table; }
    // The patient dialog currently open, if any.
    PatientDialog *patientDialog() const;
    QString statusText() const;

    // Connects the window to the server session: an Account menu (sign in, sign out) and a
    // permanent status label. Without it the window is the offline registry it always was.
    void setSession(SessionManager *session);
    QString sessionStatusText() const;
    QAction *signInAction() const { return m_signInAction; }
    QAction *signOutAction() const { return m_signOutAction; }
    LoginDialog *loginDialog() const;

    // Connects the window to sync: the status indicator in the status bar, a Sync menu (sync
    // now, errors, conflicts) and the sync badges of the list kept current. Without it the
    // window shows no sync status at all, rather than a status it cannot vouch for.
    void setSync(SyncEngine *engine, SyncJournal *journal);
    SyncStatusIndicator *syncIndicator() const { return m_syncIndicator; }
    QAction *syncNowAction() const { return m_syncNowAction; }
    QAction *syncErrorsAction() const { return m_syncErrorsAction; }
    QAction *conflictsAction() const { return m_conflictsAction; }
    SyncErrorsDialog *syncErrorsDialog() const;
    ConflictDialog *conflictDialog() const;

    // The day's workflows (reception desk, doctor's cabinet, ...) as pages beside the patient
    // registry, which is always the first. The window owns a page once added; its title is
    // asked again whenever the language changes. Ctrl+1..9 switch pages.
    void addWorkspacePage(QWidget *page, std::function<QString()> title);
    void removeWorkspacePages();
    QTabWidget *workspace() const { return m_workspace; }

    SettingsDialog *settingsDialog() const;
    ShortcutsDialog *shortcutsDialog() const;
    QAction *settingsAction() const { return m_settingsAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }

signals:
    // The idle lock time was changed in the settings (minutes, 0 = never).
    void idleLockMinutesChanged(int minutes);

public slots:
    void showSettings();
    void showShortcuts();
    void newPatient();
    void editCurrentPatient();
    void openPatient(qint64 localId);
    void focusSearch();
    void showSignIn();
    void signOut();
    void syncNow();
    void showSyncErrors();
    void showConflicts();
    // What a click on the sync indicator opens: the conflicts or the errors when there are
    // any, else a summary of the status.
    void showSyncDetails();

protected:
    void changeEvent(QEvent *event) override;
    // An open patient dialog is asked first, so closing the window never drops typed data.
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void addPageAction();
    void retranslateUi();
    void updateStatus();
    void updateLanguageChecks();
    void updateSessionStatus();
    void applySyncStatus(const SyncStatus &status);
    // The engine's status with the outbox counts read now, after a change made on this PC.
    void refreshSyncCounts();
    void updateSyncActions();
    void onSyncDataChangedHere();
    void onSearchTextChanged(const QString &text);
    void onDialogFinished(int result);
    void selectRow(int row);
    void selectPatient(qint64 localId);
    void showDialog(PatientDialog *dialog);
    qint64 currentLocalId() const;
    int rowHeight() const;

    PatientRegistry &m_registry;
    LanguageManager &m_languages;
    PatientListModel *m_model = nullptr;
    QPointer<PatientDialog> m_dialog;
    qint64 m_rememberedLocalId = 0;

    QTabWidget *m_workspace = nullptr;
    QWidget *m_registryPage = nullptr;
    QList<std::function<QString()>> m_pageTitles; // index + 1 = tab index
    QList<QAction *> m_pageActions;               // Ctrl+1..9
    QMenu *m_helpMenu = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<ShortcutsDialog> m_shortcutsDialog;
    QLineEdit *m_search = nullptr;
    QPushButton *m_newButton = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_disclaimer = nullptr;
    QLabel *m_status = nullptr;
    QMenu *m_patientMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_quitAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;

    QPointer<SessionManager> m_session;
    QPointer<LoginDialog> m_loginDialog;
    QMenu *m_accountMenu = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QLabel *m_sessionLabel = nullptr;

    QPointer<SyncEngine> m_syncEngine;
    SyncJournal *m_syncJournal = nullptr;
    SyncStatus m_syncStatus;
    SyncStatusIndicator *m_syncIndicator = nullptr;
    QMenu *m_syncMenu = nullptr;
    QAction *m_syncNowAction = nullptr;
    QAction *m_syncErrorsAction = nullptr;
    QAction *m_conflictsAction = nullptr;
    QPointer<SyncErrorsDialog> m_syncErrorsDialog;
    QPointer<ConflictDialog> m_conflictDialog;
    QPointer<QMessageBox> m_syncDetails;
};

} // namespace medora
