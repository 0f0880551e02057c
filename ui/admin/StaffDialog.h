#pragma once

#include "admin/StaffClient.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace medora {

// A new staff account: login, full name, role and an optional phone; or, built with an
// existing account, that account's full name and phone (the login is shown, not editable; the
// role has its own button). Mistakes are named next to their field before anything is sent;
// the server's refusals (login or phone taken, ...) come back the same way through
// showError(), and nothing typed is lost. The dialog stays open until the server agreed:
// submitted() asks the owner to create the account, detailsSubmitted() to change it.
class StaffDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StaffDialog(QWidget *parent = nullptr);
    explicit StaffDialog(const StaffAccount &account, QWidget *parent = nullptr);

    bool isEdit() const { return !m_accountId.isEmpty(); }
    QString accountId() const { return m_accountId; }

    NewStaffMember member() const;
    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *fullNameEdit() const { return m_fullName; }
    QComboBox *roleCombo() const { return m_role; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QString fieldError(const QString &field) const;
    QString statusText() const;

    // `field` empty: shown under the form.
    void showError(const QString &field, const QString &message);
    void setBusy(bool busy);

public slots:
    // Validates; when clean, emits submitted() and waits for the owner's answer.
    void submit();

signals:
    void submitted(const medora::NewStaffMember &member);
    void detailsSubmitted(const QString &id, const QString &fullName, const QString &phone);

private:
    void build();
    void clearErrors();
    QLabel *errorLabel(const QString &field);

    QLineEdit *m_login = nullptr;
    QLineEdit *m_fullName = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_phone = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QMap<QString, QLabel *> m_errors;
    QString m_accountId; // empty for a new account
};

} // namespace medora
