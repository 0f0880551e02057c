#include "cabinet/MyQueuePanel.h"

#include "charting/CabinetQueue.h"
#include "charting/ChartLoader.h"
#include "queue/TicketNumber.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace medora {

namespace {

enum Column
{
    TicketColumn,
    PatientColumn,
    StatusColumn,
    ColumnCount
};

} // namespace

MyQueuePanel::MyQueuePanel(CabinetQueue &queue, ChartLoader &loader, QWidget *parent)
    : QWidget(parent), m_queue(queue), m_loader(loader), m_day(QDate::currentDate())
{
    setObjectName(QStringLiteral("myQueuePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("myQueueTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("myQueueTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(PatientColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(TicketColumn, fontMetrics().horizontalAdvance(QStringLiteral("0000 !")) + 16);
    m_table->setColumnWidth(StatusColumn, fontMetrics().averageCharWidth() * 16);
    layout->addWidget(m_table, 1);
    m_title->setBuddy(m_table);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("myQueueError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(palette);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QGridLayout;
    m_callNext = new QPushButton(this);
    m_callNext->setObjectName(QStringLiteral("callNextButton"));
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("startVisitButton"));
    m_finish = new QPushButton(this);
    m_finish->setObjectName(QStringLiteral("finishVisitButton"));
    m_noShow = new QPushButton(this);
    m_noShow->setObjectName(QStringLiteral("noShowButton"));
    for (QPushButton *button : {m_callNext, m_start, m_finish, m_noShow})
        button->setAutoDefault(false);
    buttons->addWidget(m_callNext, 0, 0);
    buttons->addWidget(m_start, 0, 1);
    buttons->addWidget(m_finish, 1, 0);
    buttons->addWidget(m_noShow, 1, 1);
    layout->addLayout(buttons);
    connect(m_callNext, &QPushButton::clicked, this, &MyQueuePanel::callNext);
    connect(m_start, &QPushButton::clicked, this, &MyQueuePanel::startCurrent);
    connect(m_finish, &QPushButton::clicked, this, &MyQueuePanel::finishCurrent);
    connect(m_noShow, &QPushButton::clicked, this, &MyQueuePanel::markNoShowCurrent);
    connect(m_table, &QTableWidget::currentCellChanged, this, &MyQueuePanel::onCurrentRowChanged);
    setTabOrder(m_table, m_callNext);
    setTabOrder(m_callNext, m_start);
    setTabOrder(m_start, m_finish);
    setTabOrder(m_finish, m_noShow);
    retranslateUi();
}

void MyQueuePanel::setDay(const QDate &day)
{
    m_day = day;
    retranslateUi();
    reload();
}

std::optional<Visit> MyQueuePanel::currentVisit() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_visits.size())
        return std::nullopt;
    return m_visits[row];
}

bool MyQueuePanel::selectVisit(qint64 localId)
{
    for (int row = 0; row < m_visits.size(); ++row) {
        if (m_visits[row].localId == localId) {
            m_table->setCurrentCell(row, PatientColumn);
            return true;
        }
    }
    return false;
}

QString MyQueuePanel::patientName(const QUuid &patientId) const
{
    const auto found = m_patients.constFind(patientId);
    return found == m_patients.cend() ? tr("(patient not on this computer yet)") : found->displayName();
}

QString MyQueuePanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void MyQueuePanel::reload()
{
    m_visits = m_queue.queue(m_day);
    QList<QUuid> ids;
    for (const Visit &visit : std::as_const(m_visits))
        ids << visit.patientId;
    m_patients = m_loader.patients(ids);
    fillTable();
}

void MyQueuePanel::fillTable()
{
    const qint64 keep = m_chosen;
    {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(int(m_visits.size()));
        for (int row = 0; row < m_visits.size(); ++row) {
            const Visit &visit = m_visits[row];
            const bool urgent = visit.priority == VisitPriority::Urgent;
            auto *ticket = new QTableWidgetItem(urgent ? TicketNumber::urgentText(visit.ticket)
                                                       : TicketNumber::text(visit.ticket));
            auto *patient = new QTableWidgetItem(patientName(visit.patientId));
            auto *status = new QTableWidgetItem(CabinetQueue::statusName(visit.status));
            if (urgent)
                ticket->setToolTip(tr("Urgent"));
            if (visit.status == VisitStatus::InProgress || visit.status == VisitStatus::Called) {
                QFont bold = patient->font();
                bold.setBold(true);
                for (QTableWidgetItem *item : {ticket, patient, status})
                    item->setFont(bold);
            }
            m_table->setItem(row, TicketColumn, ticket);
            m_table->setItem(row, PatientColumn, patient);
            m_table->setItem(row, StatusColumn, status);
        }
        int current = -1;
        for (int row = 0; row < m_visits.size(); ++row) {
            if (m_visits[row].localId == keep)
                current = row;
        }
        if (current >= 0)
            m_table->setCurrentCell(current, PatientColumn);
        else
            m_table->setCurrentCell(-1, -1);
    }
    updateButtons();
    const std::optional<Visit> now = currentVisit();
    if ((now ? now->localId : 0) != m_chosen)
        onCurrentRowChanged();
}

void MyQueuePanel::onCurrentRowChanged()
{
    const std::optional<Visit> visit = currentVisit();
    updateButtons();
    const qint64 id = visit ? visit->localId : 0;
    if (id == m_chosen)
        return;
    m_chosen = id;
    if (visit)
        emit visitChosen(*visit);
}

void MyQueuePanel::updateButtons()
{
    const std::optional<Visit> visit = currentVisit();
    m_start->setEnabled(visit && CabinetQueue::isAllowed(visit->status, VisitStatus::InProgress));
    m_finish->setEnabled(visit && CabinetQueue::isAllowed(visit->status, VisitStatus::Done));
    m_noShow->setEnabled(visit && CabinetQueue::isAllowed(visit->status, VisitStatus::NoShow));
}

void MyQueuePanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void MyQueuePanel::afterWrite(qint64 localId)
{
    showError(QString());
    emit localChange();
    reload();
    selectVisit(localId);
}

bool MyQueuePanel::callNext()
{
    const std::optional<Visit> called = m_queue.callNext(m_day);
    if (!called) {
        showError(m_queue.lastError());
        return false;
    }
    afterWrite(called->localId);
    return true;
}

bool MyQueuePanel::startCurrent()
{
    std::optional<Visit> visit = currentVisit();
    if (!visit) {
        showError(tr("Choose a patient in your queue first."));
        return false;
    }
    if (!m_queue.start(visit->localId)) {
        showError(m_queue.lastError());
        return false;
    }
    afterWrite(visit->localId);
    visit = currentVisit();
    if (visit)
        emit visitStarted(*visit);
    return true;
}

bool MyQueuePanel::finishCurrent()
{
    std::optional<Visit> visit = currentVisit();
    if (!visit) {
        showError(tr("Choose a patient in your queue first."));
        return false;
    }
    if (!m_queue.finish(visit->localId)) {
        showError(m_queue.lastError());
        return false;
    }
    afterWrite(visit->localId);
    visit = currentVisit();
    if (visit)
        emit visitFinished(*visit);
    return true;
}

bool MyQueuePanel::markNoShowCurrent()
{
    const std::optional<Visit> visit = currentVisit();
    if (!visit) {
        showError(tr("Choose a patient in your queue first."));
        return false;
    }
    if (!m_queue.markNoShow(visit->localId)) {
        showError(m_queue.lastError());
        return false;
    }
    afterWrite(visit->localId);
    return true;
}

void MyQueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillTable();
    }
    QWidget::changeEvent(event);
}

void MyQueuePanel::retranslateUi()
{
    m_title->setText(tr("My &queue — %1").arg(QLocale().toString(m_day, QLocale::ShortFormat)));
    m_table->setHorizontalHeaderLabels({tr("Ticket"), tr("Patient"), tr("Status")});
    m_table->setAccessibleName(tr("My queue"));
    m_callNext->setText(tr("Call next (F6)"));
    m_start->setText(tr("Start (F7)"));
    m_finish->setText(tr("Finish (F8)"));
    m_noShow->setText(tr("Did not come"));
    m_callNext->setAccessibleName(tr("Call the next patient"));
    m_start->setAccessibleName(tr("Start the visit"));
    m_finish->setAccessibleName(tr("Finish the visit"));
    m_noShow->setAccessibleName(tr("Mark the called patient as absent"));
}

} // namespace medora
