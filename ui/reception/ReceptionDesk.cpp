#include "reception/ReceptionDesk.h"

#include "cash/PaymentService.h"
#include "clinic/ClinicDirectory.h"
#include "queue/PatientCardHtmlBuilder.h"
#include "queue/PatientLookup.h"
#include "queue/QueueService.h"
#include "reception/CashSummaryView.h"
#include "reception/PatientPicker.h"
#include "reception/PaymentsPanel.h"
#include "reception/QueuePanel.h"
#include "reception/ReceptionPrinter.h"
#include "reception/WallDisplay.h"
#include "registry/PatientRegistry.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace medora {

ReceptionDesk::ReceptionDesk(Database &database, PatientRegistry &registry, ClinicDirectory &clinic,
                             const UserProfile &me, QWidget *parent)
    : QWidget(parent), m_database(database), m_registry(registry), m_clinic(clinic), m_me(me),
      m_readOnly(!canEdit(me.role))
{
    setObjectName(QStringLiteral("receptionDesk"));
    m_queue = new QueueService(database, this);
    m_payments = new PaymentService(database, registry.dataDir(), this);
    m_lookup = std::make_unique<PatientLookup>(database);
    m_printer = new ReceptionPrinter(clinic, this);
    connect(m_queue, &QueueService::localChange, this, &ReceptionDesk::localChange);
    connect(m_payments, &PaymentService::localChange, this, &ReceptionDesk::localChange);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addStretch(1);
    m_cardButton = new QPushButton(this);
    m_cardButton->setObjectName(QStringLiteral("printCardButton"));
    m_cardButton->setVisible(!m_readOnly);
    top->addWidget(m_cardButton);
    m_wallButton = new QToolButton(this);
    m_wallButton->setObjectName(QStringLiteral("wallDisplayButton"));
    m_wallButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_wallButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_screenMenu = new QMenu(this);
    m_screenMenu->setObjectName(QStringLiteral("wallScreenMenu"));
    m_wallButton->setMenu(m_screenMenu);
    connect(m_screenMenu, &QMenu::aboutToShow, this, &ReceptionDesk::fillScreenMenu);
    top->addWidget(m_wallButton);
    layout->addLayout(top);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_picker = new PatientPicker(registry, m_splitter);
    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setObjectName(QStringLiteral("receptionTabs"));
    m_queuePanel = new QueuePanel(*m_queue, *m_lookup, clinic, *m_printer, me, m_readOnly, m_tabs);
    m_tabs->addTab(m_queuePanel, QString());
    // Money is not a doctor's business at the desk: the panels are not even built.
    if (!m_readOnly) {
        m_paymentsPanel = new PaymentsPanel(*m_payments, *m_queue, clinic, *m_printer, me, m_tabs);
        m_tabs->addTab(m_paymentsPanel, QString());
        m_cashView = new CashSummaryView(*m_payments, clinic, *m_printer, m_tabs);
        m_tabs->addTab(m_cashView, QString());
        connect(m_paymentsPanel, &PaymentsPanel::paymentTaken, m_cashView, &CashSummaryView::reload);
        connect(m_paymentsPanel, &PaymentsPanel::paymentReversed, m_cashView, &CashSummaryView::reload);
        connect(m_queuePanel, &QueuePanel::visitsChanged, m_paymentsPanel, &PaymentsPanel::reload);
    }
    m_splitter->addWidget(m_picker);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    // Room for a full name, a date of birth and a phone in the search list.
    const int character = fontMetrics().averageCharWidth();
    m_splitter->setSizes({character * 70, character * 90});
    layout->addWidget(m_splitter, 1);

    connect(m_picker, &PatientPicker::currentPatientChanged, this, &ReceptionDesk::onPatientChanged);
    connect(m_picker, &PatientPicker::patientActivated, this, [this] {
        m_tabs->setCurrentWidget(m_queuePanel);
        if (!m_readOnly)
            m_queuePanel->doctorBox()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_queuePanel, &QueuePanel::visitsChanged, this, [this] {
        if (m_wall)
            m_wall->reload();
    });
    connect(m_cardButton, &QPushButton::clicked, this, &ReceptionDesk::printPatientCard);

    setTabOrder(m_picker->searchField(), m_picker->table());
    setTabOrder(m_picker->table(), m_tabs);
    buildActions();
    retranslateUi();
    onPatientChanged(0);
}

ReceptionDesk::~ReceptionDesk()
{
    // The wall display is a window of its own; it goes with the desk.
    delete m_wall;
}

WallDisplay *ReceptionDesk::wallDisplay() const
{
    return m_wall;
}

bool ReceptionDesk::canEdit(const QString &role)
{
    return role == QLatin1String("receptionist") || role == QLatin1String("clinic_admin");
}

void ReceptionDesk::buildActions()
{
    const auto action = [this](const char *name, const QKeySequence &key) {
        auto *created = new QAction(this);
        created->setObjectName(QLatin1String(name));
        created->setShortcut(key);
        // Only while the desk has the focus: the main window's own shortcuts (Ctrl+F, Ctrl+N,
        // Ctrl+Q quit) and other workflows' never compete with these.
        created->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(created);
        return created;
    };
    // Ctrl+T: "talon", the word for a queue ticket in Uzbek and Russian.
    m_addToQueueAction = action("addToQueueAction", QKeySequence(Qt::CTRL | Qt::Key_T));
    m_takePaymentAction = action("takePaymentAction", QKeySequence(Qt::CTRL | Qt::Key_P));
    m_moveUpAction = action("moveUpAction", QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_moveDownAction = action("moveDownAction", QKeySequence(Qt::CTRL | Qt::Key_Down));
    m_printTicketAction = action("printTicketAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_printCardAction = action("printCardAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_cashSummaryAction = action("cashSummaryAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_wallAction = action("wallDisplayAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));

    connect(m_addToQueueAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_queuePanel);
        m_queuePanel->addToQueue();
    });
    connect(m_takePaymentAction, &QAction::triggered, this, [this] {
        if (!m_paymentsPanel)
            return;
        m_tabs->setCurrentWidget(m_paymentsPanel);
        m_paymentsPanel->takePayment();
    });
    connect(m_moveUpAction, &QAction::triggered, m_queuePanel, &QueuePanel::moveUp);
    connect(m_moveDownAction, &QAction::triggered, m_queuePanel, &QueuePanel::moveDown);
    connect(m_printTicketAction, &QAction::triggered, m_queuePanel, &QueuePanel::printTicket);
    connect(m_printCardAction, &QAction::triggered, this, &ReceptionDesk::printPatientCard);
    connect(m_cashSummaryAction, &QAction::triggered, this, [this] {
        if (m_cashView) {
            m_tabs->setCurrentWidget(m_cashView);
            m_cashView->reload();
        }
    });
    connect(m_wallAction, &QAction::triggered, this, [this] { openWallDisplay(); });
    m_wallButton->setDefaultAction(m_wallAction);

    // Actions a role may not take are not offered at all.
    for (QAction *editing : {m_addToQueueAction, m_takePaymentAction, m_moveUpAction, m_moveDownAction,
                             m_printTicketAction, m_printCardAction, m_cashSummaryAction})
        editing->setVisible(!m_readOnly);
    for (QAction *editing : {m_addToQueueAction, m_takePaymentAction, m_moveUpAction, m_moveDownAction,
                             m_printTicketAction, m_printCardAction, m_cashSummaryAction})
        editing->setEnabled(!m_readOnly);
}

QList<QAction *> ReceptionDesk::deskActions() const
{
    QList<QAction *> list;
    for (QAction *action : {m_addToQueueAction, m_takePaymentAction, m_moveUpAction, m_moveDownAction,
                            m_printTicketAction, m_printCardAction, m_cashSummaryAction, m_wallAction}) {
        if (action->isVisible())
            list.append(action);
    }
    return list;
}

void ReceptionDesk::retranslateUi()
{
    setAccessibleName(tr("Reception desk"));
    m_tabs->setTabText(m_tabs->indexOf(m_queuePanel), tr("&Queue"));
    if (m_paymentsPanel)
        m_tabs->setTabText(m_tabs->indexOf(m_paymentsPanel), tr("Pay&ments"));
    if (m_cashView)
        m_tabs->setTabText(m_tabs->indexOf(m_cashView), tr("Ca&sh summary"));
    m_tabs->setAccessibleName(tr("Queue, payments and cash"));
    m_addToQueueAction->setText(tr("Add to queue"));
    m_takePaymentAction->setText(tr("Take payment…"));
    m_moveUpAction->setText(tr("Move up in the queue"));
    m_moveDownAction->setText(tr("Move down in the queue"));
    m_printTicketAction->setText(tr("Print the queue ticket"));
    m_printCardAction->setText(tr("Print the patient card"));
    m_cashSummaryAction->setText(tr("Cash summary"));
    m_wallAction->setText(tr("&Waiting room screen"));
    m_wallAction->setToolTip(tr("Open the screen of called tickets for the waiting room (%1)")
                                 .arg(m_wallAction->shortcut().toString(QKeySequence::NativeText)));
    m_wallButton->setAccessibleName(tr("Open the waiting room screen"));
    m_screenMenu->setTitle(tr("Show on screen"));
    m_cardButton->setText(tr("Print patient &card"));
    m_cardButton->setAccessibleName(tr("Print the card of the selected patient"));
    m_cardButton->setToolTip(m_printCardAction->shortcut().toString(QKeySequence::NativeText));
}

void ReceptionDesk::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ReceptionDesk::onPatientChanged(qint64 localId)
{
    const std::optional<Patient> patient = localId > 0 ? m_registry.patient(localId) : std::nullopt;
    m_queuePanel->setPatient(patient);
    if (m_paymentsPanel)
        m_paymentsPanel->setPatient(patient);
    m_cardButton->setEnabled(patient.has_value() && !m_readOnly);
    m_printCardAction->setEnabled(patient.has_value() && !m_readOnly);
}

void ReceptionDesk::reload()
{
    m_queuePanel->reload();
    if (m_paymentsPanel)
        m_paymentsPanel->reload();
    if (m_cashView)
        m_cashView->reload();
    if (m_wall)
        m_wall->reload();
}

void ReceptionDesk::focusSearch()
{
    m_picker->focusSearch();
}

bool ReceptionDesk::printPatientCard()
{
    if (m_readOnly)
        return false;
    const std::optional<Patient> patient = m_picker->currentPatient();
    if (!patient)
        return false;
    const PatientCardHtmlBuilder builder(*patient);
    return m_printer->print(builder.title(), builder.bodyHtml(), PrintDocument::PageSize::A5,
                            QStringLiteral("card-%1").arg(patient->number));
}

void ReceptionDesk::fillScreenMenu()
{
    m_screenMenu->clear();
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (int i = 0; i < screens.size(); ++i) {
        QScreen *screen = screens[i];
        const QSize size = screen->size();
        QAction *choice = m_screenMenu->addAction(tr("Screen %1: %2 (%3 × %4)")
                                                      .arg(i + 1)
                                                      .arg(screen->name())
                                                      .arg(size.width())
                                                      .arg(size.height()));
        connect(choice, &QAction::triggered, this, [this, screen = QPointer<QScreen>(screen)] {
            if (screen)
                openWallDisplay(screen);
        });
    }
}

WallDisplay *ReceptionDesk::openWallDisplay(QScreen *screen)
{
    if (!m_wall)
        m_wall = new WallDisplay(m_database, m_clinic);
    QScreen *own = this->screen();
    if (!screen) {
        for (QScreen *candidate : QGuiApplication::screens()) {
            if (candidate != own) {
                screen = candidate;
                break;
            }
        }
    }
    m_wall->reload();
    if (screen) {
        m_wall->showOn(screen);
    } else {
        // One screen only: a normal window the desk can still be used beside.
        m_wall->show();
        m_wall->raise();
    }
    return m_wall;
}

} // namespace medora
