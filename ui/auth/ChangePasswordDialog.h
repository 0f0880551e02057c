#pragma once

#include "api/ApiError.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace medora {

class SessionManager;

// Choosing a new password: after signing in with a one-time password (the current one is
// then known and its field hidden), or whenever the user wants to. Length 8..128 is checked
// here; the server's verdicts (too common, wrong current password) appear under their field.
// Accepted once the session is signed in again with the new password.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kMinLength = 8;
    static constexpr int kMaxLength = 128;

    ChangePasswordDialog(SessionManager &session, const QString &currentPassword, QWidget *parent = nullptr);
    ~ChangePasswordDialog() override;

    QLineEdit *currentField() const { return m_current; }
    QLineEdit *newField() const { return m_new; }
    QLineEdit *repeatField() const { return m_repeat; }
    QPushButton *changeButton() const { return m_changeButton; }
    QString currentErrorText() const;
    QString newErrorText() const;
    QString repeatErrorText() const;
    QString errorText() const;
    bool isBusy() const { return m_busy; }

public slots:
    void submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Place
    {
        Current,
        New,
        Repeat,
        General
    };

    void retranslateUi();
    void setBusy(bool busy);
    void clearErrors();
    void showError(Place place, std::function<QString()> text);
    void onFailed(const ApiError &error);
    QLabel *labelFor(Place place) const;

    SessionManager &m_session;
    QLabel *m_intro = nullptr;
    QLabel *m_currentLabel = nullptr;
    QLabel *m_newLabel = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_new = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_currentError = nullptr;
    QLabel *m_newError = nullptr;
    QLabel *m_repeatError = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_changeButton = nullptr;
    std::function<QString()> m_errorTexts[4];
    bool m_busy = false;
};

} // namespace medora
