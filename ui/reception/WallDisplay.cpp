#include "reception/WallDisplay.h"

#include "clinic/ClinicDirectory.h"
#include "queue/QueueService.h"
#include "queue/TicketNumber.h"

#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace medora {

namespace {

// Reloads on its own too: a doctor working on this same computer (or a sync that nobody
// connected) must still reach the waiting room within seconds.
constexpr int kRefreshMs = 5000;

const QColor kBackground(0, 0, 0);
const QColor kCalled(255, 221, 0); // yellow on black: the strongest contrast at a distance
const QColor kWithDoctor(150, 150, 150);
const QColor kText(255, 255, 255);

struct CalledVisit
{
    int ticket;
    QString doctorName;
    bool inProgress;
    QDateTime at;
};

} // namespace

WallDisplay::WallDisplay(Database &database, ClinicDirectory &clinic, QWidget *parent)
    : QWidget(parent, Qt::Window), m_queue(new QueueService(database, this)), m_clinic(clinic)
{
    setObjectName(QStringLiteral("wallDisplay"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, kBackground);
    palette.setColor(QPalette::WindowText, kText);
    setPalette(palette);

    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("wallTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_title);
    m_grid = new QGridLayout;
    m_grid->setColumnStretch(1, 1);
    m_ticketHeader = new QLabel(this);
    m_doctorHeader = new QLabel(this);
    m_grid->addWidget(m_ticketHeader, 0, 0, Qt::AlignLeft);
    m_grid->addWidget(m_doctorHeader, 0, 1, Qt::AlignLeft);
    layout->addLayout(m_grid);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("wallEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty);
    layout->addStretch(1);

    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &WallDisplay::reload);
    m_timer->start();
    connect(&m_clinic, &ClinicDirectory::changed, this, &WallDisplay::reload);

    resize(960, 540);
    retranslateUi();
    reload();
}

WallDisplay::~WallDisplay() = default;

void WallDisplay::setDay(const QDate &day)
{
    m_fixedDay = day;
    reload();
}

void WallDisplay::showOn(QScreen *screen)
{
    if (screen) {
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    showFullScreen();
    raise();
}

void WallDisplay::retranslateUi()
{
    setWindowTitle(tr("Medora — waiting room screen"));
    setAccessibleName(tr("Called tickets"));
    m_title->setText(tr("Please go to the doctor"));
    m_ticketHeader->setText(tr("Ticket"));
    m_doctorHeader->setText(tr("Doctor"));
    m_empty->setText(tr("Please wait until your ticket number appears here."));
    rebuildRows();
}

void WallDisplay::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WallDisplay::reload()
{
    const QDate day = m_fixedDay.isValid() ? m_fixedDay : QDate::currentDate();
    QList<CalledVisit> called;
    for (const StaffMember &doctor : m_clinic.doctors()) {
        for (const Visit &visit : m_queue->queue(doctor.id, day)) {
            if (visit.status != VisitStatus::Called && visit.status != VisitStatus::InProgress)
                continue;
            called.append({visit.ticket, doctor.fullName, visit.status == VisitStatus::InProgress,
                           visit.status == VisitStatus::InProgress ? visit.startedAt : visit.calledAt});
        }
    }
    // The latest calls on top; patients with the doctor already come after every call.
    std::stable_sort(called.begin(), called.end(), [](const CalledVisit &a, const CalledVisit &b) {
        if (a.inProgress != b.inProgress)
            return !a.inProgress;
        return a.at > b.at;
    });
    QList<Row> rows;
    for (const CalledVisit &visit : called) {
        if (rows.size() == kMaxRows)
            break;
        rows.append({visit.ticket, visit.doctorName, visit.inProgress});
    }
    const bool same =
        rows.size() == m_rows.size() &&
        std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), [](const Row &a, const Row &b) {
            return a.ticket == b.ticket && a.doctorName == b.doctorName && a.inProgress == b.inProgress;
        });
    if (same)
        return;
    m_rows = rows;
    rebuildRows();
}

void WallDisplay::rebuildRows()
{
    qDeleteAll(m_cells);
    m_cells.clear();
    int gridRow = 1;
    for (const Row &row : std::as_const(m_rows)) {
        auto *ticket = new QLabel(TicketNumber::text(row.ticket), this);
        auto *doctor = new QLabel(row.doctorName, this);
        doctor->setTextFormat(Qt::PlainText);
        const QColor color = row.inProgress ? kWithDoctor : kCalled;
        for (QLabel *label : {ticket, doctor}) {
            QPalette palette = label->palette();
            palette.setColor(QPalette::WindowText, color);
            label->setPalette(palette);
        }
        ticket->setAccessibleName(
            row.inProgress ? tr("Ticket %1, with %2").arg(TicketNumber::text(row.ticket), row.doctorName)
                           : tr("Ticket %1, go to %2").arg(TicketNumber::text(row.ticket), row.doctorName));
        m_grid->addWidget(ticket, gridRow, 0, Qt::AlignLeft);
        m_grid->addWidget(doctor, gridRow, 1, Qt::AlignLeft);
        m_cells << ticket << doctor;
        ++gridRow;
    }
    m_empty->setVisible(m_rows.isEmpty());
    m_ticketHeader->setVisible(!m_rows.isEmpty());
    m_doctorHeader->setVisible(!m_rows.isEmpty());
    applyFonts();
}

void WallDisplay::applyFonts()
{
    // Sized from the window, so the same screen reads well on a laptop and on a TV.
    const int line = std::max(12, height() / (kMaxRows + 4));
    QFont big = font();
    big.setPixelSize(std::max(12, line * 7 / 10));
    big.setBold(true);
    QFont header = font();
    header.setPixelSize(std::max(10, line * 4 / 10));
    m_title->setFont(big);
    m_empty->setFont(header);
    m_ticketHeader->setFont(header);
    m_doctorHeader->setFont(header);
    for (QLabel *cell : std::as_const(m_cells))
        cell->setFont(big);
    m_grid->setHorizontalSpacing(line);
    m_grid->setVerticalSpacing(line / 4);
    // The new sizes apply now, not at the next event loop pass: a screen grabbed or shown
    // right after a reload must not show clipped numbers.
    layout()->activate();
}

void WallDisplay::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyFonts();
}

void WallDisplay::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && isFullScreen()) {
        showNormal();
        return;
    }
    if (event->key() == Qt::Key_F11) {
        isFullScreen() ? showNormal() : showFullScreen();
        return;
    }
    QWidget::keyPressEvent(event);
}

void WallDisplay::mouseDoubleClickEvent(QMouseEvent *event)
{
    isFullScreen() ? showNormal() : showFullScreen();
    QWidget::mouseDoubleClickEvent(event);
}

} // namespace medora
