#include "admin/AdminPage.h"

#include "admin/AuditLogView.h"
#include "admin/LetterheadDialog.h"
#include "admin/StaffView.h"
#include "admin/StatisticsView.h"
#include "admin/SubscriptionView.h"
#include "clinic/ClinicDirectory.h"
#include "clinic/LetterheadClient.h"
#include "session/SessionManager.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace medora {

AdminPage::AdminPage(SessionManager &session, Database &database, ClinicDirectory &clinic,
                     const UserProfile &me, QWidget *parent)
    : QWidget(parent), m_session(session), m_me(me), m_clinic(clinic)
{
    setObjectName(QStringLiteral("adminPage"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("adminTabs"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("adminNotice"));
    m_notice->setWordWrap(true);
    m_letterheadButton = new QPushButton(this);
    m_letterheadButton->setObjectName(QStringLiteral("letterheadButton"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_notice, 1);
    top->addWidget(m_letterheadButton, 0, Qt::AlignRight);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    if (!canAdminister(me.role)) {
        m_letterheadButton->hide();
        m_tabs->hide();
        retranslateUi();
        return;
    }

    m_staff = new StaffView(session, me, this);
    m_staff->setObjectName(QStringLiteral("staffView"));
    m_audit = new AuditLogView(session, this);
    m_audit->setObjectName(QStringLiteral("auditLogView"));
    m_stats = new StatisticsView(database, clinic, this);
    m_stats->setObjectName(QStringLiteral("statisticsView"));
    m_tabs->addTab(m_staff, QString());
    m_tabs->addTab(m_audit, QString());
    m_tabs->addTab(m_stats, QString());
    m_subscription = new SubscriptionView(session, this);
    m_subscription->setObjectName(QStringLiteral("subscriptionView"));
    m_tabs->addTab(m_subscription, QString());
    m_letterheadClient = new LetterheadClient(session, clinic, this);

    connect(m_staff, &StaffView::accountsChanged, m_audit, &AuditLogView::setStaff);
    // A new or renamed doctor reaches the queues' doctor lists and printed reports.
    connect(&m_staff->client(), &StaffClient::created, this, [this] { m_clinic.refresh(m_session); });
    connect(&m_staff->client(), &StaffClient::updated, this, [this] { m_clinic.refresh(m_session); });
    connect(m_letterheadButton, &QPushButton::clicked, this, &AdminPage::openLetterhead);
    connect(&session, &SessionManager::stateChanged, this, &AdminPage::updateOnlineState);
    connect(&session, &SessionManager::signedIn, this, [this] {
        if (isVisible())
            reload();
        else
            m_loadedOnce = false;
    });
    retranslateUi();
    m_stats->reload();
}

AdminPage::~AdminPage() = default;

LetterheadDialog *AdminPage::letterheadDialog() const
{
    return m_letterheadDialog;
}

bool AdminPage::canAdminister(const QString &role)
{
    return role == QLatin1String("clinic_admin");
}

void AdminPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AdminPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The server's lists are read when the page is first looked at (or was marked stale while
    // hidden), not at every sign-in.
    if (!m_loadedOnce && m_staff) {
        reload();
    } else if (m_stats) {
        m_stats->reload(); // local and cheap: always current when the page comes up
    }
}

void AdminPage::retranslateUi()
{
    m_letterheadButton->setText(tr("L&etterhead…"));
    if (m_staff) {
        m_tabs->setTabText(m_tabs->indexOf(m_staff), tr("&Staff"));
        m_tabs->setTabText(m_tabs->indexOf(m_audit), tr("A&udit log"));
        m_tabs->setTabText(m_tabs->indexOf(m_stats), tr("Statisti&cs"));
        m_tabs->setTabText(m_tabs->indexOf(m_subscription), tr("Subscription"));
    }
    updateOnlineState();
}

void AdminPage::updateOnlineState()
{
    if (!canAdminister(m_me.role)) {
        m_notice->setText(tr("Only a clinic administrator can manage the clinic."));
        m_notice->show();
        return;
    }
    const bool online = m_session.isSignedIn();
    m_notice->setText(
        tr("Staff, the audit log and the letterhead live on the server: connect to it to see or "
           "change them. The statistics below come from this computer."));
    m_notice->setVisible(!online);
}

void AdminPage::reload()
{
    if (!m_staff)
        return;
    if (!isVisible()) {
        // Pulled sync pages come by the hundred: a hidden page only notes that it is stale and
        // reads everything again when it is next shown (showEvent).
        m_loadedOnce = false;
        return;
    }
    m_loadedOnce = true;
    m_stats->reload();
    if (!m_session.isSignedIn())
        return;
    // At most one staff list in flight, however many pages arrive meanwhile.
    if (m_staff->client().pendingCount() == 0)
        m_staff->reload();
    // An admin reading older audit pages is not thrown back to the first.
    if (m_audit->pageNumber() <= 1)
        m_audit->reload();
    // The subscription after each sync: an approval made in Telegram shows up here.
    if (!m_subscription->client().isBusy())
        m_subscription->reload();
}

LetterheadDialog *AdminPage::openLetterhead()
{
    if (!m_letterheadClient)
        return nullptr;
    if (!m_letterheadDialog) {
        m_letterheadDialog = new LetterheadDialog(m_clinic, *m_letterheadClient, this);
        m_letterheadDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_letterheadDialog->open();
    return m_letterheadDialog;
}

} // namespace medora
