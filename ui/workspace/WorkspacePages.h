#pragma once

#include "api/UserProfile.h"

#include <QObject>
#include <QPointer>

namespace medora {

class AdminPage;
class ClinicDirectory;
class Database;
class DoctorCabinet;
class MainWindow;
class PatientRegistry;
class ReceptionDesk;
class SessionManager;
class SyncEngine;

// Puts the day's workflows beside the registry for whoever is signed in (online or on this
// PC only): the doctor's cabinet for a doctor, the reception desk for everyone (read-only
// queues for a doctor). Sign-out takes the pages away with the data they show; drafts are
// written first.
class WorkspacePages : public QObject
{
    Q_OBJECT

public:
    WorkspacePages(MainWindow &window, Database &database, PatientRegistry &registry, ClinicDirectory &clinic,
                   QObject *parent = nullptr);
    ~WorkspacePages() override;

    // Sign-in (online or offline) shows the pages, sign-out removes them; an online sign-in
    // also refreshes the clinic's staff and letterhead.
    void follow(SessionManager &session);
    // Local writes wake the engine; pulled pages and finished rounds reload the pages.
    void setSyncEngine(SyncEngine *engine);
    // The clinic admin's page talks to the server through this session (none: no admin page);
    // follow() sets it too.
    void setSession(SessionManager *session);

    void showFor(const UserProfile &user);
    void clear();

    ReceptionDesk *receptionDesk() const;
    DoctorCabinet *doctorCabinet() const;
    AdminPage *adminPage() const;
    QString userId() const { return m_user.id; }

private:
    void reloadPages();

    MainWindow &m_window;
    Database &m_database;
    PatientRegistry &m_registry;
    ClinicDirectory &m_clinic;
    QPointer<SyncEngine> m_engine;
    QPointer<SessionManager> m_session;
    UserProfile m_user;
    QPointer<ReceptionDesk> m_desk;
    QPointer<DoctorCabinet> m_cabinet;
    QPointer<AdminPage> m_admin;
};

} // namespace medora
