#include "cabinet/DoctorCabinet.h"

#include "ai/AiConsiliumPanel.h"
#include "cabinet/ChartHeader.h"
#include "cabinet/ChartHistoryView.h"
#include "cabinet/ChartTimelineModel.h"
#include "cabinet/MyQueuePanel.h"
#include "cabinet/ReportEditor.h"
#include "charting/CabinetQueue.h"
#include "charting/ChartLoader.h"
#include "charting/PatientChart.h"
#include "charting/ReportHtmlBuilder.h"
#include "charting/ReportVocabulary.h"
#include "clinic/ClinicDirectory.h"
#include "print/PrintActions.h"
#include "print/PrintDocument.h"
#include "registry/PatientRegistry.h"
#include "store/ReportStore.h"
#include "store/VisitStore.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace medora {

DoctorCabinet::DoctorCabinet(Database &database, PatientRegistry &registry, ClinicDirectory &directory,
                             const UserProfile &me, QWidget *parent)
    : QWidget(parent), m_database(database), m_registry(registry), m_directory(directory), m_me(me),
      m_isDoctor(me.role == QLatin1String("doctor")), m_today(QDate::currentDate())
{
    setObjectName(QStringLiteral("doctorCabinet"));
    // The role is checked here, before any store is read: a receptionist's cabinet never
    // loads a chart, so no report text can reach the screen by any path.
    if (m_isDoctor)
        buildDoctorUi();
    else
        buildNoticeUi();
    retranslateUi();
    if (m_isDoctor) {
        m_queuePanel->reload();
        resumeVisitInProgress();
    }
}

DoctorCabinet::~DoctorCabinet()
{
    flushDrafts();
    // The editor writes through m_reports, which dies before QWidget deletes the children.
    delete m_editor;
    m_editor = nullptr;
}

void DoctorCabinet::buildNoticeUi()
{
    auto *layout = new QVBoxLayout(this);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("cabinetNotice"));
    m_notice->setWordWrap(true);
    m_notice->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_notice);
}

void DoctorCabinet::buildDoctorUi()
{
    m_visits = std::make_unique<VisitStore>(m_database);
    m_reports = std::make_unique<ReportStore>(m_database);
    m_queue = std::make_unique<CabinetQueue>(*m_visits, m_me.id);
    m_loader = std::make_unique<ChartLoader>(m_database, m_registry);
    m_chart = std::make_unique<PatientChart>();

    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);
    m_queuePanel = new MyQueuePanel(*m_queue, *m_loader, splitter);
    m_queuePanel->setDay(m_today);

    auto *chart = new QWidget(splitter);
    auto *chartLayout = new QVBoxLayout(chart);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    m_header = new ChartHeader(chart);
    chartLayout->addWidget(m_header);
    m_message = new QLabel(chart);
    m_message->setObjectName(QStringLiteral("cabinetMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    chartLayout->addWidget(m_message);
    m_tabs = new QTabWidget(chart);
    m_tabs->setObjectName(QStringLiteral("chartTabs"));
    m_editor = new ReportEditor(*m_reports, m_me, m_tabs);
    m_history = new ChartHistoryView([this](const QString &id) { return doctorName(id); }, m_tabs);
    m_aiPanel = new AiConsiliumPanel(m_tabs);
    m_tabs->addTab(m_editor, QString());
    m_tabs->addTab(m_aiPanel, QString());
    m_tabs->addTab(m_history, QString());
    m_aiPanel->setCaseSource([this](QString *why) { return aiCase(why); });
    connect(m_aiPanel, &AiConsiliumPanel::acceptRequested, this,
            [this](const QString &key, const QString &text) {
                const bool accepted = m_editor->acceptAiText(key, text);
                m_aiPanel->markAccepted(key, accepted);
            });
    chartLayout->addWidget(m_tabs, 1);
    splitter->addWidget(m_queuePanel);
    splitter->addWidget(chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    connect(m_queuePanel, &MyQueuePanel::visitChosen, this, &DoctorCabinet::openVisit);
    connect(m_queuePanel, &MyQueuePanel::visitStarted, this, [this](const Visit &visit) {
        openDraftFor(visit, true);
        updateAiPanel();
        m_tabs->setCurrentWidget(m_editor);
        if (QWidget *first = m_editor->findChild<QWidget *>(QStringLiteral("complaintsEdit")))
            first->setFocus(Qt::OtherFocusReason);
    });
    connect(m_queuePanel, &MyQueuePanel::visitFinished, this, [this] { reloadChart(); });
    connect(m_queuePanel, &MyQueuePanel::localChange, this, &DoctorCabinet::localChange);
    connect(m_editor, &ReportEditor::localChange, this, &DoctorCabinet::localChange);
    connect(m_editor, &ReportEditor::reportSigned, this, [this] {
        reloadChart();
        updateAiPanel();
    });
    connect(m_editor, &ReportEditor::addendumStarted, this, [this] {
        reloadChart();
        updateAiPanel();
    });

    // Cabinet-wide keys; WidgetWithChildrenShortcut keeps them out of the rest of the window.
    const auto action = [this](const QString &name, const QKeySequence &key, auto slot) {
        auto *created = new QAction(this);
        created->setObjectName(name);
        created->setShortcut(key);
        created->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(created, &QAction::triggered, this, slot);
        addAction(created);
        return created;
    };
    m_callNextAction = action(QStringLiteral("callNextAction"), QKeySequence(Qt::Key_F6),
                              [this] { m_queuePanel->callNext(); });
    m_startAction = action(QStringLiteral("startVisitAction"), QKeySequence(Qt::Key_F7),
                           [this] { m_queuePanel->startCurrent(); });
    m_finishAction = action(QStringLiteral("finishVisitAction"), QKeySequence(Qt::Key_F8), [this] {
        m_editor->flush();
        m_queuePanel->finishCurrent();
    });
    m_printAction =
        action(QStringLiteral("printReportAction"), QKeySequence::Print, [this] { printReport(); });
    setTabOrder(m_queuePanel->table(), m_tabs);
}

QList<QAction *> DoctorCabinet::shortcutActions() const
{
    QList<QAction *> list;
    for (QAction *item : {m_callNextAction, m_startAction, m_finishAction, m_printAction}) {
        if (item)
            list << item;
    }
    if (m_editor) {
        for (QAction *item : m_editor->actions())
            list << item;
    }
    return list;
}

void DoctorCabinet::setToday(const QDate &day)
{
    m_today = day;
    if (m_queuePanel) {
        m_queuePanel->setDay(day);
        resumeVisitInProgress();
    }
}

bool DoctorCabinet::resumeVisitInProgress()
{
    if (!m_isDoctor || !m_openPatient.isNull())
        return false;
    // CabinetQueue lets only one visit of the day be in progress.
    const QList<Visit> visits = m_queuePanel->visits();
    const auto inProgress = std::find_if(visits.cbegin(), visits.cend(), [](const Visit &visit) {
        return visit.status == VisitStatus::InProgress;
    });
    if (inProgress == visits.cend())
        return false;
    // Choosing the row opens the visit (visitChosen); it is opened directly if it was chosen.
    m_queuePanel->selectVisit(inProgress->localId);
    if (m_openPatient != inProgress->patientId)
        openVisit(*inProgress);
    if (m_openPatient != inProgress->patientId)
        return false;
    m_tabs->setCurrentWidget(m_editor);
    return true;
}

void DoctorCabinet::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    resumeVisitInProgress();
}

QString DoctorCabinet::doctorName(const QString &userId) const
{
    const QString name = m_directory.nameOf(userId);
    if (!name.isEmpty())
        return name;
    return userId == m_me.id ? m_me.displayName() : QString();
}

void DoctorCabinet::setSession(SessionManager *session)
{
    if (m_aiPanel)
        m_aiPanel->setSession(session);
}

std::optional<AiCaseInput> DoctorCabinet::aiCase(QString *why) const
{
    if (m_openPatient.isNull() || !m_editor->hasReport()) {
        *why = tr("Open a patient's visit first: the AI works on the visit's report.");
        return std::nullopt;
    }
    // What the doctor has written so far, as it stands on screen.
    const ReportSections sections = m_editor->sections();
    AiCaseInput input;
    input.patientId = m_openPatient.toString(QUuid::WithoutBraces);
    input.complaints = sections.complaints;
    input.anamnesis = sections.anamnesis;
    input.examination = sections.examination;
    QStringList vitals;
    for (const Vital &vital : sections.vitals)
        vitals << QStringLiteral("%1: %2 %3")
                      .arg(ReportVocabulary::vitalName(vital.code), vital.value, vital.unit);
    input.findings = vitals.join(QStringLiteral("; "));
    input.notes = sections.diagnosis.trimmed().isEmpty()
                      ? QString()
                      : tr("Working diagnosis: %1").arg(sections.diagnosis.trimmed());
    return input;
}

void DoctorCabinet::updateAiPanel()
{
    if (m_aiPanel)
        m_aiPanel->setAcceptEnabled(m_editor->isEditable());
}

void DoctorCabinet::openVisit(const Visit &visit)
{
    m_editor->flush();
    showMessage(QString());
    if (visit.patientId != m_openPatient)
        m_aiPanel->clearCase(); // a result belongs to its patient
    const std::optional<PatientChart> chart = m_loader->load(visit.patientId);
    if (!chart) {
        m_openPatient = QUuid();
        *m_chart = PatientChart();
        m_header->clear();
        m_history->clear();
        m_editor->clearReport();
        showMessage(m_loader->lastError());
        return;
    }
    m_openPatient = visit.patientId;
    *m_chart = *chart;
    m_header->setPatient(chart->patient);
    m_history->setChart(*chart);
    openDraftFor(visit, visit.status == VisitStatus::InProgress);
    updateAiPanel();
}

void DoctorCabinet::openDraftFor(const Visit &visit, bool createIfMissing)
{
    // The visit's own report: a draft of mine first (to go on writing), else the latest one.
    const QList<Report> reports = m_reports->forVisit(visit.id);
    const Report *mine = nullptr;
    const Report *latest = nullptr;
    for (const Report &report : reports) {
        if (!report.addendumTo.isNull())
            continue;
        latest = &report;
        if (report.status == ReportStatus::Draft && report.authorId == m_me.id)
            mine = &report;
    }
    if (mine) {
        m_editor->openReport(*mine);
        return;
    }
    if (!latest && createIfMissing) {
        Report draft;
        draft.visitId = visit.id;
        draft.patientId = visit.patientId;
        draft.authorId = m_me.id;
        if (!m_reports->insert(draft)) {
            showMessage(tr("The report could not be started: %1").arg(m_reports->lastError().message));
            m_editor->clearReport();
            return;
        }
        emit localChange();
        m_editor->openReport(draft);
        reloadChart();
        return;
    }
    if (latest) {
        m_editor->openReport(*latest);
        return;
    }
    m_editor->clearReport(visit.status == VisitStatus::Called
                              ? tr("Start the visit (F7) to write its report.")
                              : tr("This visit has no report."));
}

void DoctorCabinet::reloadChart()
{
    if (m_openPatient.isNull())
        return;
    const std::optional<PatientChart> chart = m_loader->load(m_openPatient);
    if (!chart) {
        showMessage(m_loader->lastError());
        return;
    }
    *m_chart = *chart;
    m_header->setPatient(chart->patient);
    const QModelIndex current = m_history->timeline()->currentIndex();
    const ChartEntry *shown = m_history->model()->entry(current.row());
    const QUuid shownReport = shown && shown->kind == ChartEntry::Kind::Report ? shown->report.id : QUuid();
    m_history->setChart(*chart);
    if (!shownReport.isNull())
        m_history->showReport(shownReport);
}

void DoctorCabinet::reload()
{
    if (!m_isDoctor)
        return;
    m_queuePanel->reload();
    reloadChart();
}

bool DoctorCabinet::flushDrafts()
{
    return m_editor ? m_editor->flush() : true;
}

Report DoctorCabinet::reportInView() const
{
    if (!m_isDoctor)
        return Report();
    if (m_tabs->currentWidget() == m_history) {
        const ChartEntry *entry = m_history->model()->entry(m_history->timeline()->currentIndex().row());
        if (entry && entry->kind == ChartEntry::Kind::Report)
            return entry->report;
        return Report();
    }
    const Report current = m_editor->report();
    // An addendum prints with the report it corrects.
    if (!current.addendumTo.isNull()) {
        if (const std::optional<Report> corrected = m_reports->getById(current.addendumTo))
            return *corrected;
    }
    return current;
}

std::unique_ptr<PrintDocument> DoctorCabinet::printDocument(QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        showMessage(message);
        return std::unique_ptr<PrintDocument>();
    };
    if (!m_isDoctor)
        return fail(tr("Only doctors print reports from the cabinet."));
    flushDrafts();
    const Report shown = reportInView();
    if (shown.localId == 0)
        return fail(tr("Open a report first: the visit's report, or one in the chart's history."));
    // Read back from the store: what is printed is what is saved.
    const std::optional<Report> report = m_reports->get(shown.localId);
    if (!report)
        return fail(m_reports->lastError().message);
    const QList<Report> addenda = m_reports->addendaOf(report->id);
    ReportHtmlBuilder::Options options;
    options.disclaimerInBody = false;
    options.locale = QLocale();
    const ReportHtmlBuilder builder([this](const QString &id) { return doctorName(id); }, options);
    auto document = std::make_unique<PrintDocument>(m_directory.letterhead());
    document->setTitle(ReportHtmlBuilder::title(*report));
    document->setBodyHtml(builder.bodyHtml(m_chart->patient, *report, addenda));
    document->setFooterText(ReportHtmlBuilder::footerFor(*report, addenda));
    return document;
}

bool DoctorCabinet::exportPdf(const QString &path, QString *error)
{
    const std::unique_ptr<PrintDocument> document = printDocument(error);
    if (!document)
        return false;
    QString reason;
    if (!document->writePdf(path, &reason)) {
        const QString message = tr("The PDF was not written: %1").arg(reason);
        if (error)
            *error = message;
        showMessage(message);
        return false;
    }
    showMessage(tr("Saved as %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void DoctorCabinet::printReport()
{
    const std::unique_ptr<PrintDocument> document = printDocument(nullptr);
    if (!document)
        return;
    // Print or save as PDF, painted on a worker thread (ui/print).
    PrintActions::printOrSave(
        this, *document,
        tr("report-%1-%2.pdf")
            .arg(m_chart->patient.number, QDate::currentDate().toString(QStringLiteral("yyyyMMdd"))));
}

QString DoctorCabinet::lastMessage() const
{
    return m_message && !m_message->isHidden() ? m_message->text() : QString();
}

void DoctorCabinet::showMessage(const QString &message)
{
    if (!m_message)
        return;
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void DoctorCabinet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DoctorCabinet::retranslateUi()
{
    setAccessibleName(tr("Doctor's cabinet"));
    if (!m_isDoctor) {
        m_notice->setText(tr("The doctor's cabinet is for doctors. Patients' reports are not shown to other "
                             "roles."));
        return;
    }
    m_tabs->setTabText(m_tabs->indexOf(m_editor), tr("&Visit report"));
    m_tabs->setTabText(m_tabs->indexOf(m_history), tr("Hist&ory"));
    m_tabs->setTabText(m_tabs->indexOf(m_aiPanel), tr("AI consilium"));
    m_callNextAction->setText(tr("Call the next patient"));
    m_startAction->setText(tr("Start the visit"));
    m_finishAction->setText(tr("Finish the visit"));
    m_printAction->setText(tr("Print the report as PDF"));
}

} // namespace medora
