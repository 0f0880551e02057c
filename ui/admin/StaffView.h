#pragma once

#include "admin/OneTimePasswordDialog.h"
#include "admin/StaffClient.h"
#include "admin/StaffDialog.h"
#include "api/UserProfile.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace medora {

class SessionManager;

// The clinic's accounts, as the server lists them: create one (its one-time password shown
// once), correct a name or phone, change a role, disable or enable, reset a password (the new one-time
// password shown once), end every session. Each change is confirmed first; refusals are told in the user's
// language, naming the field at fault. The admin's own access cannot be cut from here.
class StaffView : public QWidget
{
    Q_OBJECT

public:
    StaffView(SessionManager &session, const UserProfile &me, QWidget *parent = nullptr);

    StaffClient &client() { return *m_client; }
    QTableWidget *table() const { return m_table; }
    QList<StaffAccount> accounts() const { return m_accounts; }
    int rowOf(const QString &id) const;
    QString currentId() const;
    void selectAccount(const QString &id);
    StaffDialog *staffDialog() const { return m_dialog; }
    StaffDialog *editDialog() const { return m_editDialog; }
    OneTimePasswordDialog *passwordDialog() const { return m_passwordDialog; }
    QString statusText() const;
    // What the user reads for a refusal of the staff routes.
    static QString errorText(const ApiError &error);

    QPushButton *newButton() const { return m_new; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *roleButton() const { return m_role; }
    QPushButton *disableButton() const { return m_disable; }
    QPushButton *resetButton() const { return m_reset; }
    QPushButton *revokeButton() const { return m_revoke; }

public slots:
    void reload();
    StaffDialog *newStaffMember();
    // The account's full name and phone in a dialog; saved when the server agrees.
    StaffDialog *editDetails(const QString &id);
    // Each asks for confirmation (a modal question) before anything is sent.
    void changeRole(const QString &id, const QString &role);
    void setDisabled(const QString &id, bool disabled);
    void resetPassword(const QString &id);
    void revokeSessions(const QString &id);

signals:
    // The list as last read from the server (for the audit log's "who" filter).
    void accountsChanged(const QList<medora::StaffAccount> &accounts);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fill();
    void updateButtons();
    void showStatus(const QString &text, bool error);
    bool confirm(const QString &question, const QString &action);
    void chooseRole();
    void onFailed(StaffClient::Operation operation, const ApiError &error);
    void showPassword(const StaffAccount &account, const QString &password);
    StaffAccount account(const QString &id) const;

    SessionManager &m_session;
    UserProfile m_me;
    StaffClient *m_client = nullptr;
    QList<StaffAccount> m_accounts;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_role = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_revoke = nullptr;
    QPointer<StaffDialog> m_dialog;
    QPointer<StaffDialog> m_editDialog;
    QPointer<OneTimePasswordDialog> m_passwordDialog;
};

} // namespace medora
