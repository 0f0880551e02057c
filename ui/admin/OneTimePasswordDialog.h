#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace medora {

// Shows a one-time password exactly once, for the admin to hand over: selectable, with a
// copy button. It is not kept anywhere: closing the dialog forgets it (and wipes the field).
class OneTimePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    OneTimePasswordDialog(const QString &fullName, const QString &login, const QString &password,
                          QWidget *parent = nullptr);
    ~OneTimePasswordDialog() override;

    QString password() const;
    QString explanation() const;

private:
    QLabel *m_text = nullptr;
    QLineEdit *m_password = nullptr;
};

} // namespace medora
