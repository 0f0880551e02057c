#include "admin/StaffView.h"

#include "admin/OneTimePasswordDialog.h"
#include "admin/StaffDialog.h"
#include "auth/ApiErrorText.h"
#include "domain/PhoneNumber.h"
#include "session/SessionManager.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace medora {

namespace {

enum Column
{
    NameColumn,
    LoginColumn,
    RoleColumn,
    PhoneColumn,
    StateColumn,
    ColumnCount,
};

} // namespace

StaffView::StaffView(SessionManager &session, const UserProfile &me, QWidget *parent)
    : QWidget(parent), m_session(session), m_me(me), m_client(new StaffClient(session, this))
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("staffTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the list; the arrows move in it

    m_refresh = new QPushButton(this);
    m_new = new QPushButton(this);
    m_new->setObjectName(QStringLiteral("newStaff"));
    m_edit = new QPushButton(this);
    m_edit->setObjectName(QStringLiteral("editStaff"));
    m_role = new QPushButton(this);
    m_disable = new QPushButton(this);
    m_disable->setObjectName(QStringLiteral("disableStaff"));
    m_reset = new QPushButton(this);
    m_revoke = new QPushButton(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("staffStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_new, m_edit, m_role, m_disable, m_reset, m_revoke})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    // Tab in reading order: the buttons of the row above, then the list below them.
    QWidget *previous = m_new;
    for (QWidget *next :
         std::initializer_list<QWidget *>{m_edit, m_role, m_disable, m_reset, m_revoke, m_refresh, m_table}) {
        setTabOrder(previous, next);
        previous = next;
    }
    layout->addWidget(m_status);

    connect(m_refresh, &QPushButton::clicked, this, &StaffView::reload);
    connect(m_new, &QPushButton::clicked, this, &StaffView::newStaffMember);
    connect(m_edit, &QPushButton::clicked, this, [this] { editDetails(currentId()); });
    connect(m_role, &QPushButton::clicked, this, &StaffView::chooseRole);
    connect(m_disable, &QPushButton::clicked, this, [this] {
        const StaffAccount chosen = account(currentId());
        if (!chosen.id.isEmpty())
            setDisabled(chosen.id, !chosen.disabled);
    });
    connect(m_reset, &QPushButton::clicked, this, [this] { resetPassword(currentId()); });
    connect(m_revoke, &QPushButton::clicked, this, [this] { revokeSessions(currentId()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StaffView::updateButtons);

    connect(m_client, &StaffClient::listed, this, [this](const QList<StaffAccount> &accounts) {
        const QString selected = currentId();
        m_accounts = accounts;
        std::sort(m_accounts.begin(), m_accounts.end(), [](const StaffAccount &a, const StaffAccount &b) {
            return QString::localeAwareCompare(a.fullName, b.fullName) < 0;
        });
        fill();
        selectAccount(selected);
        showStatus(tr("%n account(s).", nullptr, int(m_accounts.size())), false);
        emit accountsChanged(m_accounts);
    });
    connect(m_client, &StaffClient::created, this,
            [this](const StaffAccount &created, const QString &password) {
                if (m_dialog)
                    m_dialog->accept();
                m_accounts.append(created);
                fill();
                selectAccount(created.id);
                showStatus(tr("%1 can now sign in with the one-time password.").arg(created.fullName), false);
                showPassword(created, password);
                emit accountsChanged(m_accounts);
            });
    connect(m_client, &StaffClient::updated, this, [this](const StaffAccount &changed) {
        if (m_editDialog && m_editDialog->accountId() == changed.id)
            m_editDialog->accept();
        for (StaffAccount &known : m_accounts) {
            if (known.id == changed.id)
                known = changed;
        }
        fill();
        selectAccount(changed.id);
        showStatus(tr("The account of %1 was changed.").arg(changed.fullName), false);
        emit accountsChanged(m_accounts);
    });
    connect(m_client, &StaffClient::passwordReset, this, [this](const QString &id, const QString &password) {
        const StaffAccount target = account(id);
        showStatus(tr("The password of %1 was reset; their sessions have ended.").arg(target.fullName),
                   false);
        showPassword(target, password);
    });
    connect(m_client, &StaffClient::sessionsRevoked, this, [this](const QString &id) {
        showStatus(tr("Every session of %1 has ended: they must sign in again.").arg(account(id).fullName),
                   false);
    });
    connect(m_client, &StaffClient::failed, this, &StaffView::onFailed);

    retranslateUi();
    updateButtons();
}

void StaffView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fill();
    }
    QWidget::changeEvent(event);
}

void StaffView::retranslateUi()
{
    m_table->setHorizontalHeaderLabels({tr("Full name"), tr("Login"), tr("Role"), tr("Phone"), tr("State")});
    m_table->setAccessibleName(tr("Staff accounts"));
    m_refresh->setText(tr("Re&fresh"));
    m_new->setText(tr("&New account…"));
    m_edit->setText(tr("Na&me and phone…"));
    m_edit->setToolTip(tr("Correct the full name or the phone number of the chosen account"));
    m_role->setText(tr("Change &role…"));
    m_reset->setText(tr("Reset pass&word…"));
    m_revoke->setText(tr("End sess&ions…"));
    updateButtons();
}

QString StaffView::statusText() const
{
    return m_status->text();
}

void StaffView::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

StaffAccount StaffView::account(const QString &id) const
{
    for (const StaffAccount &known : m_accounts) {
        if (known.id == id)
            return known;
    }
    return {};
}

int StaffView::rowOf(const QString &id) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameColumn)->data(Qt::UserRole).toString() == id)
            return row;
    }
    return -1;
}

QString StaffView::currentId() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, NameColumn))
        return {};
    return m_table->item(row, NameColumn)->data(Qt::UserRole).toString();
}

void StaffView::selectAccount(const QString &id)
{
    const int row = rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
    updateButtons();
}

void StaffView::fill()
{
    m_table->setRowCount(int(m_accounts.size()));
    for (int row = 0; row < m_accounts.size(); ++row) {
        const StaffAccount &account = m_accounts.at(row);
        QString state = account.disabled ? tr("Disabled") : tr("Active");
        if (!account.disabled && account.mustChangePassword)
            state = tr("Active, must set a password");
        const QStringList texts{account.fullName, account.login, ApiErrorText::roleName(account.role),
                                PhoneNumber::format(account.phone), state};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(texts.at(column));
            if (account.disabled)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_table->setItem(row, column, item);
        }
        m_table->item(row, NameColumn)->setData(Qt::UserRole, account.id);
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

void StaffView::updateButtons()
{
    const StaffAccount chosen = account(currentId());
    const bool any = !chosen.id.isEmpty();
    // The server refuses an admin's own demotion or disabling; it is not offered either.
    const bool self = chosen.id == m_me.id;
    m_edit->setEnabled(any);
    m_role->setEnabled(any && !self);
    m_disable->setEnabled(any && !self);
    m_disable->setText(any && chosen.disabled ? tr("Ena&ble…") : tr("Disa&ble…"));
    m_reset->setEnabled(any && !self);
    m_revoke->setEnabled(any);
}

void StaffView::reload()
{
    showStatus(tr("Reading the staff list from the server…"), false);
    m_client->list();
}

StaffDialog *StaffView::newStaffMember()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    m_dialog = new StaffDialog(this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &StaffDialog::submitted, this, [this](const NewStaffMember &member) {
        m_dialog->setBusy(true);
        m_client->create(member);
    });
    m_dialog->open();
    return m_dialog;
}

StaffDialog *StaffView::editDetails(const QString &id)
{
    const StaffAccount chosen = account(id);
    if (chosen.id.isEmpty())
        return nullptr;
    if (m_editDialog) {
        m_editDialog->raise();
        m_editDialog->activateWindow();
        return m_editDialog;
    }
    m_editDialog = new StaffDialog(chosen, this);
    m_editDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editDialog, &StaffDialog::detailsSubmitted, this,
            [this](const QString &accountId, const QString &fullName, const QString &phone) {
                m_editDialog->setBusy(true);
                m_client->setDetails(accountId, fullName, phone);
            });
    m_editDialog->open();
    return m_editDialog;
}

bool StaffView::confirm(const QString &question, const QString &action)
{
    QMessageBox box(QMessageBox::Question, tr("Staff"), question, QMessageBox::NoButton, this);
    QPushButton *yes = box.addButton(action, QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

void StaffView::chooseRole()
{
    const StaffAccount chosen = account(currentId());
    if (chosen.id.isEmpty())
        return;
    QStringList names;
    for (const QString &role : StaffClient::roles())
        names.append(ApiErrorText::roleName(role));
    bool ok = false;
    const QString name =
        QInputDialog::getItem(this, tr("Change role"), tr("New role of %1:").arg(chosen.fullName), names,
                              int(StaffClient::roles().indexOf(chosen.role)), false, &ok);
    if (ok && names.contains(name))
        changeRole(chosen.id, StaffClient::roles().at(names.indexOf(name)));
}

void StaffView::changeRole(const QString &id, const QString &role)
{
    const StaffAccount target = account(id);
    if (target.id.isEmpty() || target.role == role)
        return;
    if (!confirm(tr("Make %1 a %2? Their sessions end and they sign in again with the new role.")
                     .arg(target.fullName, ApiErrorText::roleName(role)),
                 tr("Change role")))
        return;
    m_client->setRole(id, role);
}

void StaffView::setDisabled(const QString &id, bool disabled)
{
    const StaffAccount target = account(id);
    if (target.id.isEmpty())
        return;
    const bool yes = disabled
                         ? confirm(tr("Disable the account of %1? They are signed out at once and can no "
                                      "longer sign in.")
                                       .arg(target.fullName),
                                   tr("Disable"))
                         : confirm(tr("Enable the account of %1 again?").arg(target.fullName), tr("Enable"));
    if (yes)
        m_client->setDisabled(id, disabled);
}

void StaffView::resetPassword(const QString &id)
{
    const StaffAccount target = account(id);
    if (target.id.isEmpty())
        return;
    if (!confirm(tr("Reset the password of %1? Their sessions end, and they sign in with a new one-time "
                    "password that you give them.")
                     .arg(target.fullName),
                 tr("Reset password")))
        return;
    m_client->resetPassword(id);
}

void StaffView::revokeSessions(const QString &id)
{
    const StaffAccount target = account(id);
    if (target.id.isEmpty())
        return;
    if (!confirm(
            tr("End every session of %1? They must sign in again on every computer.").arg(target.fullName),
            tr("End sessions")))
        return;
    m_client->revokeSessions(id);
}

void StaffView::showPassword(const StaffAccount &account, const QString &password)
{
    if (m_passwordDialog)
        m_passwordDialog->close();
    m_passwordDialog = new OneTimePasswordDialog(account.fullName, account.login, password, this);
    m_passwordDialog->open();
}

QString StaffView::errorText(const ApiError &error)
{
    const QString &code = error.code;
    if (code == QLatin1String("login_taken"))
        return tr("Login: this login is already taken. Choose another.");
    if (code == QLatin1String("phone_taken"))
        return tr("Phone: another account already has this number.");
    if (code == QLatin1String("invalid_login"))
        return tr("Login: 3 to 32 characters, Latin letters a-z, digits, '.', '_' or '-'.");
    if (code == QLatin1String("invalid_full_name"))
        return tr("Full name: 1 to 100 characters.");
    if (code == QLatin1String("invalid_phone"))
        return tr("Phone: not a valid Uzbek number.");
    if (code == QLatin1String("cannot_change_own_access"))
        return tr("You cannot disable your own account or take away your own administrator role.");
    if (code == QLatin1String("not_found"))
        return tr("This account no longer exists. Refresh the list.");
    if (code == QLatin1String("no_changes"))
        return tr("Nothing was changed.");
    if (code == QLatin1String("invalid_value"))
        return error.field == QLatin1String("role")
                   ? tr("Role: choose one of the roles.")
                   : tr("A value was refused by the server (%1).").arg(error.field);
    if (code == QLatin1String("forbidden"))
        return tr("Only a clinic administrator may manage staff accounts.");
    return ApiErrorText::describe(error);
}

void StaffView::onFailed(StaffClient::Operation operation, const ApiError &error)
{
    const QString text = errorText(error);
    if (operation == StaffClient::Operation::Create && m_dialog) {
        m_dialog->setBusy(false);
        QString field = error.field;
        if (error.code == QLatin1String("login_taken"))
            field = QStringLiteral("login");
        else if (error.code == QLatin1String("phone_taken"))
            field = QStringLiteral("phone");
        const bool known = QStringList{QStringLiteral("login"), QStringLiteral("fullName"),
                                       QStringLiteral("role"), QStringLiteral("phone")}
                               .contains(field);
        m_dialog->showError(known ? field : QString(), text);
        return;
    }
    if (operation == StaffClient::Operation::Update && m_editDialog) {
        m_editDialog->setBusy(false);
        QString field = error.field;
        if (error.code == QLatin1String("phone_taken") || error.code == QLatin1String("invalid_phone"))
            field = QStringLiteral("phone");
        else if (error.code == QLatin1String("invalid_full_name"))
            field = QStringLiteral("fullName");
        const bool known = field == QLatin1String("fullName") || field == QLatin1String("phone");
        m_editDialog->showError(known ? field : QString(), text);
        return;
    }
    showStatus(text, true);
}

} // namespace medora
