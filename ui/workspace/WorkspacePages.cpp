#include "workspace/WorkspacePages.h"

#include "admin/AdminPage.h"
#include "cabinet/DoctorCabinet.h"
#include "clinic/ClinicDirectory.h"
#include "reception/ReceptionDesk.h"
#include "registry/MainWindow.h"
#include "session/SessionManager.h"
#include "sync/SyncEngine.h"

#include <QTabWidget>

namespace medora {

WorkspacePages::WorkspacePages(MainWindow &window, Database &database, PatientRegistry &registry,
                               ClinicDirectory &clinic, QObject *parent)
    : QObject(parent), m_window(window), m_database(database), m_registry(registry), m_clinic(clinic)
{
    // New staff names (a doctor added on the server) reach the queues' doctor lists.
    connect(&m_clinic, &ClinicDirectory::changed, this, &WorkspacePages::reloadPages);
}

WorkspacePages::~WorkspacePages() = default;

ReceptionDesk *WorkspacePages::receptionDesk() const
{
    return m_desk;
}

DoctorCabinet *WorkspacePages::doctorCabinet() const
{
    return m_cabinet;
}

AdminPage *WorkspacePages::adminPage() const
{
    return m_admin;
}

void WorkspacePages::follow(SessionManager &session)
{
    m_session = &session;
    connect(&session, &SessionManager::signedIn, this, [this, &session](const UserProfile &user) {
        m_clinic.refresh(session);
        showFor(user);
    });
    connect(&session, &SessionManager::signedInOffline, this, &WorkspacePages::showFor);
    connect(&session, &SessionManager::stateChanged, this, [this](SessionManager::State state) {
        if (state == SessionManager::State::SignedOut)
            clear();
    });
    if (session.isSignedIn() || session.isOffline())
        showFor(session.user());
}

void WorkspacePages::setSession(SessionManager *session)
{
    m_session = session;
}

void WorkspacePages::setSyncEngine(SyncEngine *engine)
{
    m_engine = engine;
    if (!engine)
        return;
    connect(engine, &SyncEngine::pageApplied, this, &WorkspacePages::reloadPages);
}

void WorkspacePages::showFor(const UserProfile &user)
{
    // A refreshed token re-announces the same person: their open pages (and typed text) stay.
    if (!m_user.id.isEmpty() && m_user.id == user.id && m_user.role == user.role && (m_desk || m_cabinet))
        return;
    clear();
    m_user = user;
    const auto wake = [this] {
        if (m_engine)
            m_engine->notifyLocalChange();
    };
    if (user.role == QLatin1String("doctor")) {
        m_cabinet = new DoctorCabinet(m_database, m_registry, m_clinic, user);
        m_cabinet->setObjectName(QStringLiteral("doctorCabinet"));
        connect(m_cabinet, &DoctorCabinet::localChange, this, wake);
        m_cabinet->setSession(m_session); // the AI consilium's calls (issue 6)
        m_window.addWorkspacePage(m_cabinet, [] { return WorkspacePages::tr("Cabinet"); });
    }
    m_desk = new ReceptionDesk(m_database, m_registry, m_clinic, user);
    m_desk->setObjectName(QStringLiteral("receptionDesk"));
    connect(m_desk, &ReceptionDesk::localChange, this, wake);
    m_window.addWorkspacePage(m_desk, [] { return WorkspacePages::tr("Reception"); });
    if (user.role == QLatin1String("clinic_admin") && m_session) {
        m_admin = new AdminPage(*m_session, m_database, m_clinic, user);
        m_window.addWorkspacePage(m_admin, [] { return WorkspacePages::tr("Admin"); });
    }
    // The page a person works on all day comes up first.
    m_window.workspace()->setCurrentIndex(1);
}

void WorkspacePages::clear()
{
    if (m_cabinet)
        m_cabinet->flushDrafts();
    m_window.removeWorkspacePages();
    m_user = UserProfile();
}

void WorkspacePages::reloadPages()
{
    if (m_desk)
        m_desk->reload();
    if (m_cabinet)
        m_cabinet->reload();
    if (m_admin)
        m_admin->reload();
}

} // namespace medora
