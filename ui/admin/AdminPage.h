#pragma once

#include "api/UserProfile.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace medora {

class AuditLogView;
class ClinicDirectory;
class Database;
class LetterheadClient;
class LetterheadDialog;
class SessionManager;
class StaffView;
class StatisticsView;
class SubscriptionView;

// The clinic admin's page: staff accounts and the audit log (both on the server, so they
// need an online session), visit and payment statistics (from this PC's store, so they work
// offline too) and the letterhead settings. Built for clinic admins only: any other role
// gets a page that says so and holds nothing (the server would refuse them anyway).
class AdminPage : public QWidget
{
    Q_OBJECT

public:
    AdminPage(SessionManager &session, Database &database, ClinicDirectory &clinic, const UserProfile &me,
              QWidget *parent = nullptr);
    ~AdminPage() override;

    static bool canAdminister(const QString &role);

    QTabWidget *tabs() const { return m_tabs; }
    StaffView *staffView() const { return m_staff; }                      // null for other roles
    AuditLogView *auditView() const { return m_audit; }                   // null for other roles
    StatisticsView *statisticsView() const { return m_stats; }            // null for other roles
    SubscriptionView *subscriptionView() const { return m_subscription; } // null for other roles
    QPushButton *letterheadButton() const { return m_letterheadButton; }
    LetterheadDialog *letterheadDialog() const;

public slots:
    // The local statistics again (after a pulled sync page) and, when online, the staff list
    // and the newest audit page. A hidden page only notes that it must read again when shown.
    void reload();
    LetterheadDialog *openLetterhead();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void updateOnlineState();

    SessionManager &m_session;
    UserProfile m_me;
    bool m_loadedOnce = false;
    QTabWidget *m_tabs = nullptr;
    StaffView *m_staff = nullptr;
    AuditLogView *m_audit = nullptr;
    StatisticsView *m_stats = nullptr;
    SubscriptionView *m_subscription = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_letterheadButton = nullptr;
    LetterheadClient *m_letterheadClient = nullptr;
    ClinicDirectory &m_clinic;
    QPointer<LetterheadDialog> m_letterheadDialog;
};

} // namespace medora
