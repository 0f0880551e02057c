#include "admin/AuditLogView.h"

#include "admin/AuditCsvWriter.h"
#include "admin/AuditExport.h"
#include "auth/ApiErrorText.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace medora {

namespace {

enum Column
{
    TimeColumn,
    WhoColumn,
    ActionColumn,
    TargetColumn,
    DetailsColumn,
    ColumnCount,
};

const char *const kActions[] = {
    "auth.",
    "auth.login",
    "auth.login_failed",
    "auth.logout",
    "auth.refresh_reuse",
    "session.revoke",
    "staff.",
    "staff.create",
    "staff.role_change",
    "staff.disable",
    "staff.enable",
    "staff.password_reset",
    "user.password_change",
    "patient.",
    "patient.create",
    "patient.update",
    "patient.delete",
    "patient.read",
    "report.sign",
    "sync.conflict",
    "clinic.letterhead_update",
};

} // namespace

AuditLogView::AuditLogView(SessionManager &session, QWidget *parent)
    : QWidget(parent), m_client(new AuditClient(session, this)), m_exporter(new AuditExport(session, this))
{
    m_actorLabel = new QLabel(this);
    m_actor = new QComboBox(this);
    m_actor->setObjectName(QStringLiteral("auditActor"));
    m_actionLabel = new QLabel(this);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_targetLabel = new QLabel(this);
    m_target = new QLineEdit(this);
    m_target->setObjectName(QStringLiteral("auditTarget"));
    m_target->setMaxLength(AuditClient::kMaxFieldLength);
    m_periodLabel = new QLabel(this);
    m_from = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("auditTo"));
    m_to->setCalendarPopup(true);
    m_actorLabel->setBuddy(m_actor);
    m_actionLabel->setBuddy(m_action);
    m_targetLabel->setBuddy(m_target);
    m_periodLabel->setBuddy(m_from);
    m_apply = new QPushButton(this);
    m_apply->setDefault(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move in it
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_newer = new QPushButton(this);
    m_older = new QPushButton(this);
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);

    auto *filters = new QGridLayout;
    filters->addWidget(m_actorLabel, 0, 0);
    filters->addWidget(m_actor, 0, 1);
    filters->addWidget(m_actionLabel, 0, 2);
    filters->addWidget(m_action, 0, 3);
    filters->addWidget(m_targetLabel, 1, 0);
    filters->addWidget(m_target, 1, 1);
    filters->addWidget(m_periodLabel, 1, 2);
    auto *period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(QStringLiteral("–"), this));
    period->addWidget(m_to);
    period->addWidget(m_apply);
    filters->addLayout(period, 1, 3);
    filters->setColumnStretch(1, 1);
    filters->setColumnStretch(3, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_newer);
    bottom->addWidget(m_older);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_apply, &QPushButton::clicked, this, &AuditLogView::reload);
    connect(m_target, &QLineEdit::returnPressed, this, &AuditLogView::reload);
    connect(m_older, &QPushButton::clicked, this, &AuditLogView::olderPage);
    connect(m_newer, &QPushButton::clicked, this, &AuditLogView::newerPage);
    connect(m_export, &QPushButton::clicked, this, &AuditLogView::exportCsv);

    connect(m_client, &AuditClient::pageReady, this, [this](const AuditPage &page) {
        if (m_requestedBefore == 0)
            m_pageStarts = {0};
        else if (m_pageStarts.isEmpty() || m_pageStarts.last() != m_requestedBefore)
            m_pageStarts.append(m_requestedBefore);
        m_events = page.events;
        m_next = page.next;
        fill();
        showStatus(m_events.isEmpty()
                       ? tr("No events match the filters.")
                       : tr("Page %1: %n event(s).", nullptr, int(m_events.size())).arg(pageNumber()),
                   false);
    });
    connect(m_client, &AuditClient::failed, this, [this](const ApiError &error) {
        QString text = ApiErrorText::describe(error);
        if (error.code == QLatin1String("forbidden"))
            text = tr("Only a clinic administrator may read the audit log.");
        else if (error.field == QLatin1String("action"))
            text = tr("Action: %1").arg(error.message);
        else if (error.field == QLatin1String("to") || error.field == QLatin1String("from"))
            text = tr("Period: the last day is before the first.");
        else if (error.field == QLatin1String("target"))
            text = tr("Patient or account id: %1").arg(error.message);
        showStatus(text, true);
        m_older->setEnabled(m_next > 0);
        m_newer->setEnabled(pageNumber() > 1);
    });
    connect(m_exporter, &AuditExport::progress, this,
            [this](int events) { showStatus(tr("Exporting… %n event(s) read.", nullptr, events), false); });
    connect(m_exporter, &AuditExport::finished, this,
            [this](const QString &path, int events, bool truncated) {
                setExporting(false);
                QString text =
                    tr("%n event(s) exported to %1.", nullptr, events).arg(QDir::toNativeSeparators(path));
                if (truncated)
                    text += QLatin1Char(' ') +
                            tr("Only the newest %n events were exported; narrow the period for the rest.",
                               nullptr, AuditExport::kMaxEvents);
                showStatus(text, false);
                emit exportFinished(path, events);
            });
    connect(m_exporter, &AuditExport::fetchFailed, this, [this](const ApiError &error) {
        setExporting(false);
        const QString text = tr("The export failed: %1").arg(ApiErrorText::describe(error));
        showStatus(text, true);
        emit exportFailed(text);
    });
    connect(m_exporter, &AuditExport::writeFailed, this, [this](const QString &message) {
        setExporting(false);
        showStatus(message, true);
        emit exportFailed(message);
    });

    retranslateUi();
}

AuditLogView::~AuditLogView() = default;

void AuditLogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fill();
    }
    QWidget::changeEvent(event);
}

void AuditLogView::retranslateUi()
{
    m_actorLabel->setText(tr("&Who:"));
    m_actionLabel->setText(tr("Wha&t:"));
    m_targetLabel->setText(tr("Patient or account &id:"));
    m_target->setPlaceholderText(tr("any"));
    m_periodLabel->setText(tr("Pe&riod:"));
    m_apply->setText(tr("Sh&ow"));
    m_newer->setText(tr("← &Newer"));
    m_older->setText(tr("Ol&der →"));
    m_export->setText(tr("E&xport CSV…"));
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Who"), tr("What"), tr("Object"), tr("Details")});
    m_actor->setAccessibleName(tr("Who"));
    m_table->setAccessibleName(tr("Audit log entries"));
    m_action->setAccessibleName(tr("What"));
    m_target->setAccessibleName(tr("Patient or account id"));
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    setStaff(m_staff);
    fillActions();
    m_older->setEnabled(m_next > 0);
    m_newer->setEnabled(pageNumber() > 1);
}

void AuditLogView::fillActions()
{
    const QString current = m_action->currentData().toString();
    m_action->clear();
    m_action->addItem(tr("Anything"), QString());
    for (const char *action : kActions) {
        const QString code = QLatin1String(action);
        m_action->addItem(actionText(code) + QStringLiteral(" (") + code + QLatin1Char(')'), code);
    }
    m_action->setCurrentIndex(qMax(0, m_action->findData(current)));
}

void AuditLogView::setStaff(const QList<StaffAccount> &accounts)
{
    m_staff = accounts;
    const QString current = m_actor->currentData().toString();
    m_actor->clear();
    m_actor->addItem(tr("Anyone"), QString());
    for (const StaffAccount &account : accounts)
        m_actor->addItem(account.fullName + QStringLiteral(" (") + account.login + QLatin1Char(')'),
                         account.id);
    m_actor->setCurrentIndex(qMax(0, m_actor->findData(current)));
}

QString AuditLogView::actionText(const QString &action)
{
    static const QMap<QString, const char *> texts{
        {QStringLiteral("auth."), QT_TR_NOOP("Sign-ins and sessions")},
        {QStringLiteral("auth.login"), QT_TR_NOOP("Signed in")},
        {QStringLiteral("auth.login_failed"), QT_TR_NOOP("Failed sign-in")},
        {QStringLiteral("auth.logout"), QT_TR_NOOP("Signed out")},
        {QStringLiteral("auth.refresh"), QT_TR_NOOP("Session renewed")},
        {QStringLiteral("auth.refresh_reuse"), QT_TR_NOOP("Stolen session token ended")},
        {QStringLiteral("session.revoke"), QT_TR_NOOP("Sessions ended")},
        {QStringLiteral("staff."), QT_TR_NOOP("Staff accounts")},
        {QStringLiteral("staff.create"), QT_TR_NOOP("Account created")},
        {QStringLiteral("staff.update"), QT_TR_NOOP("Account changed")},
        {QStringLiteral("staff.role_change"), QT_TR_NOOP("Role changed")},
        {QStringLiteral("staff.disable"), QT_TR_NOOP("Account disabled")},
        {QStringLiteral("staff.enable"), QT_TR_NOOP("Account enabled")},
        {QStringLiteral("staff.password_reset"), QT_TR_NOOP("Password reset")},
        {QStringLiteral("user.password_change"), QT_TR_NOOP("Password changed")},
        {QStringLiteral("user.password_change_failed"), QT_TR_NOOP("Failed password change")},
        {QStringLiteral("clinic.create"), QT_TR_NOOP("Clinic created")},
        {QStringLiteral("clinic.letterhead_update"), QT_TR_NOOP("Letterhead changed")},
        {QStringLiteral("patient."), QT_TR_NOOP("Patient records")},
        {QStringLiteral("patient.create"), QT_TR_NOOP("Patient registered")},
        {QStringLiteral("patient.update"), QT_TR_NOOP("Patient changed")},
        {QStringLiteral("patient.delete"), QT_TR_NOOP("Patient deleted")},
        {QStringLiteral("patient.read"), QT_TR_NOOP("Patient records read")},
        {QStringLiteral("sync.conflict"), QT_TR_NOOP("Sync conflict")},
        {QStringLiteral("sync.compact"), QT_TR_NOOP("Sync history compacted")},
        {QStringLiteral("report.sign"), QT_TR_NOOP("Report signed")},
    };
    const char *text = texts.value(action, nullptr);
    return text ? tr(text) : action;
}

AuditFilter AuditLogView::filter() const
{
    AuditFilter filter;
    filter.actorUserId = m_actor->currentData().toString();
    filter.action = m_action->currentData().toString();
    filter.targetId = m_target->text().trimmed();
    // The period is whole local days: from the first day's midnight to the midnight after the last.
    filter.from = QDateTime(m_from->date(), QTime(0, 0)).toUTC();
    filter.to = QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC();
    return filter;
}

QString AuditLogView::statusText() const
{
    return m_status->text();
}

void AuditLogView::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void AuditLogView::reload()
{
    m_shownFilter = filter();
    m_pageStarts.clear();
    fetch(0);
}

void AuditLogView::olderPage()
{
    if (m_next > 0)
        fetch(m_next);
}

void AuditLogView::newerPage()
{
    if (m_pageStarts.size() < 2)
        return;
    m_pageStarts.removeLast();
    fetch(m_pageStarts.last());
}

void AuditLogView::fetch(qint64 before)
{
    m_requestedBefore = before;
    m_older->setEnabled(false);
    m_newer->setEnabled(false);
    showStatus(tr("Reading the audit log from the server…"), false);
    m_client->fetch(m_shownFilter, before, kPageSize);
}

QString AuditLogView::nameOf(const QString &userId, const QString &login) const
{
    for (const StaffAccount &account : m_staff) {
        if (!userId.isEmpty() && account.id == userId)
            return account.fullName;
    }
    if (login == QLatin1String("operator") && userId.isEmpty())
        return tr("server operator");
    return login;
}

void AuditLogView::fill()
{
    m_table->setRowCount(int(m_events.size()));
    const QLocale locale;
    for (int row = 0; row < m_events.size(); ++row) {
        const AuditEvent &event = m_events.at(row);
        QString target = event.targetId;
        if (event.targetType == QLatin1String("user") && !nameOf(event.targetId, QString()).isEmpty())
            target = nameOf(event.targetId, QString()); // the id stays in the tooltip and the CSV
        else if (!event.targetType.isEmpty())
            target = event.targetType + QStringLiteral(": ") + event.targetId;
        const QString details =
            event.details.isEmpty()
                ? QString()
                : QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact));
        const QStringList texts{locale.toString(event.at.toLocalTime(), QLocale::ShortFormat),
                                nameOf(event.actorUserId, event.actorLogin), actionText(event.action), target,
                                details};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(texts.at(column)));
        m_table->item(row, ActionColumn)->setData(Qt::UserRole, event.action);
        m_table->item(row, ActionColumn)->setToolTip(event.action);
        m_table->item(row, TimeColumn)->setToolTip(event.clientAddress);
        m_table->item(row, TargetColumn)->setToolTip(event.targetId);
    }
    m_table->resizeColumnsToContents();
    m_older->setEnabled(m_next > 0);
    m_newer->setEnabled(pageNumber() > 1);
}

bool AuditLogView::isExporting() const
{
    return m_exporter->isRunning();
}

void AuditLogView::setExporting(bool exporting)
{
    m_export->setEnabled(!exporting);
    m_progress->setVisible(exporting);
}

void AuditLogView::exportCsv()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(folder).filePath(tr("audit-log") + QLatin1Char('-') +
                              QDate::currentDate().toString(Qt::ISODate) + QStringLiteral(".csv"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the audit log"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void AuditLogView::exportTo(const QString &path)
{
    QHash<QString, QString> names;
    for (const StaffAccount &account : std::as_const(m_staff))
        names.insert(account.id, account.fullName);
    setExporting(true);
    showStatus(tr("Exporting…"), false);
    m_exporter->start(filter(), path, AuditCsvWriter(names));
}

} // namespace medora
