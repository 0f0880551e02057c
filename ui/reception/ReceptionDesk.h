#pragma once

#include "api/UserProfile.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QMenu;
class QPushButton;
class QScreen;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace medora {

class CashSummaryView;
class ClinicDirectory;
class Database;
class PatientLookup;
class PatientPicker;
class PatientRegistry;
class PaymentService;
class PaymentsPanel;
class QueuePanel;
class QueueService;
class ReceptionPrinter;
class WallDisplay;

// The front desk's day: find the patient, put them into a doctor's queue (ticket printed),
// take their payment (receipt printed), see the day's cash summary, and open the waiting
// room's screen (WallDisplay). Everything works on the local store, online or not.
//
// Roles: a receptionist and a clinic admin use all of it. A doctor sees the queues read-
// only (to see who waits for colleagues) and no money at all: the payments and the cash
// summary are not built for them. Any other or unknown role gets the doctor's view.
class ReceptionDesk : public QWidget
{
    Q_OBJECT

public:
    ReceptionDesk(Database &database, PatientRegistry &registry, ClinicDirectory &clinic,
                  const UserProfile &me, QWidget *parent = nullptr);
    ~ReceptionDesk() override;

    // Whether the role may change queues and take money here.
    static bool canEdit(const QString &role);
    bool isReadOnly() const { return m_readOnly; }

    PatientPicker *patientPicker() const { return m_picker; }
    QueuePanel *queuePanel() const { return m_queuePanel; }
    PaymentsPanel *paymentsPanel() const { return m_paymentsPanel; } // null when read-only
    CashSummaryView *cashSummaryView() const { return m_cashView; }  // null when read-only
    QTabWidget *tabs() const { return m_tabs; }
    ReceptionPrinter *printer() const { return m_printer; }
    WallDisplay *wallDisplay() const; // once opened
    QueueService &queueService() { return *m_queue; }
    PaymentService &paymentService() { return *m_payments; }

    QAction *addToQueueAction() const { return m_addToQueueAction; }
    QAction *takePaymentAction() const { return m_takePaymentAction; }
    QAction *moveUpAction() const { return m_moveUpAction; }
    QAction *moveDownAction() const { return m_moveDownAction; }
    QAction *printTicketAction() const { return m_printTicketAction; }
    QAction *printCardAction() const { return m_printCardAction; }
    QAction *cashSummaryAction() const { return m_cashSummaryAction; }
    QAction *wallDisplayAction() const { return m_wallAction; }
    // Every action of the desk, for a menu or the keyboard help screen.
    QList<QAction *> deskActions() const;

public slots:
    // Reads queues, payments and the cash summary again (after a pulled sync page).
    void reload();
    void focusSearch();
    // Opens the waiting room's screen: full screen on `screen`, or on a screen other than the
    // desk's when there is one (null). On a single screen it opens as a normal window.
    WallDisplay *openWallDisplay(QScreen *screen = nullptr);
    bool printPatientCard();

signals:
    // A write reached the local store (queue or payment); for SyncEngine::notifyLocalChange.
    void localChange();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildActions();
    void retranslateUi();
    void onPatientChanged(qint64 localId);
    void fillScreenMenu();

    Database &m_database;
    PatientRegistry &m_registry;
    ClinicDirectory &m_clinic;
    UserProfile m_me;
    bool m_readOnly;

    QueueService *m_queue = nullptr;
    PaymentService *m_payments = nullptr;
    std::unique_ptr<PatientLookup> m_lookup; // not a QObject
    ReceptionPrinter *m_printer = nullptr;

    QSplitter *m_splitter = nullptr;
    PatientPicker *m_picker = nullptr;
    QTabWidget *m_tabs = nullptr;
    QueuePanel *m_queuePanel = nullptr;
    PaymentsPanel *m_paymentsPanel = nullptr;
    CashSummaryView *m_cashView = nullptr;
    QPushButton *m_cardButton = nullptr;
    QToolButton *m_wallButton = nullptr;
    QMenu *m_screenMenu = nullptr;
    QPointer<WallDisplay> m_wall;

    QAction *m_addToQueueAction = nullptr;
    QAction *m_takePaymentAction = nullptr;
    QAction *m_moveUpAction = nullptr;
    QAction *m_moveDownAction = nullptr;
    QAction *m_printTicketAction = nullptr;
    QAction *m_printCardAction = nullptr;
    QAction *m_cashSummaryAction = nullptr;
    QAction *m_wallAction = nullptr;
};

} // namespace medora
