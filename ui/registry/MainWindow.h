#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;

namespace medora {

class LanguageManager;
class LoginDialog;
class PatientDialog;
class SessionManager;
class PatientListModel;
class PatientRegistry;

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

public slots:
    void newPatient();
    void editCurrentPatient();
    void openPatient(qint64 localId);
    void focusSearch();
    void showSignIn();
    void signOut();

protected:
    void changeEvent(QEvent *event) override;
    // An open patient dialog is asked first, so closing the window never drops typed data.
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void retranslateUi();
    void updateStatus();
    void updateLanguageChecks();
    void updateSessionStatus();
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
};

} // namespace medora
