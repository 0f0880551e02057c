#pragma once

#include "ai/ConsiliumResults.h"
#include "api/UserProfile.h"
#include "domain/Visit.h"

#include <QDate>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QTabWidget;

namespace medora {

class AiConsiliumPanel;
class CabinetQueue;
class ChartHeader;
class ChartHistoryView;
class ChartLoader;
class ClinicDirectory;
class Database;
class MyQueuePanel;
class PatientRegistry;
class PrintDocument;
class ReportEditor;
class ReportStore;
class SessionManager;
class VisitStore;
struct PatientChart;
struct Report;

// The doctor's cabinet: "my queue" on the left; on the right the open patient's chart, whose
// header (allergies, medications) never scrolls away, with the visit report being written
// and the chart's history in tabs. Keyboard first: F6 calls the next patient, F7 starts,
// F8 finishes, Ctrl+Shift+S signs, Ctrl+P prints, Ctrl+T picks a template phrase.
// Only a doctor gets any of it: anyone else sees a notice and no patient data at all.
class DoctorCabinet : public QWidget
{
    Q_OBJECT

public:
    DoctorCabinet(Database &database, PatientRegistry &registry, ClinicDirectory &directory,
                  const UserProfile &me, QWidget *parent = nullptr);
    ~DoctorCabinet() override;

    bool isDoctor() const { return m_isDoctor; }
    void setToday(const QDate &day);
    QDate today() const { return m_today; }

    // The parts, for the main window's help screen and for tests; null for a non-doctor.
    MyQueuePanel *queuePanel() const { return m_queuePanel; }
    ChartHeader *chartHeader() const { return m_header; }
    ChartHistoryView *history() const { return m_history; }
    ReportEditor *editor() const { return m_editor; }
    QTabWidget *tabs() const { return m_tabs; }
    // The AI consilium beside the report (doctors only; null for anyone else).
    AiConsiliumPanel *aiPanel() const { return m_aiPanel; }
    // The session the AI consilium calls go through (WorkspacePages sets it; none: the panel
    // says it needs the server).
    void setSession(SessionManager *session);
    QList<QAction *> shortcutActions() const;

    // The report a print would print: the one chosen in the history tab when that tab is
    // shown, else the one in the editor. Null id when there is none.
    Report reportInView() const;
    // Writes that report as a PDF under the clinic's letterhead (printReport() asks whether
    // to print or save, and works on a thread).
    bool exportPdf(const QString &path, QString *error = nullptr);
    QString lastMessage() const;

    // Opens today's visit that is already in progress (the doctor signed in again, or the PC
    // restarted mid-visit) with its report in the editor, unless a patient is open already.
    // Runs when the cabinet is built for a sign-in and whenever it is shown. True when it
    // opened one.
    bool resumeVisitInProgress();

public slots:
    // Re-reads the queue and the open chart (after a sync page); typed text is kept.
    void reload();
    // Writes every pending draft edit now (the main window calls it before closing).
    bool flushDrafts();
    void printReport();

signals:
    // After every successful write through a store (queue step, draft save, sign, addendum).
    void localChange();

private:
    void buildDoctorUi();
    void buildNoticeUi();
    void retranslateUi();
    void openVisit(const Visit &visit);
    void openDraftFor(const Visit &visit, bool createIfMissing);
    void reloadChart();
    void showMessage(const QString &message);
    void updateAiPanel();
    std::optional<AiCaseInput> aiCase(QString *why) const;
    QString doctorName(const QString &userId) const;
    std::unique_ptr<PrintDocument> printDocument(QString *error);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    Database &m_database;
    PatientRegistry &m_registry;
    ClinicDirectory &m_directory;
    UserProfile m_me;
    bool m_isDoctor = false;
    QDate m_today;
    QUuid m_openPatient;
    std::unique_ptr<VisitStore> m_visits;
    std::unique_ptr<ReportStore> m_reports;
    std::unique_ptr<CabinetQueue> m_queue;
    std::unique_ptr<ChartLoader> m_loader;
    std::unique_ptr<PatientChart> m_chart;

    MyQueuePanel *m_queuePanel = nullptr;
    ChartHeader *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    ReportEditor *m_editor = nullptr;
    ChartHistoryView *m_history = nullptr;
    AiConsiliumPanel *m_aiPanel = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_callNextAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_finishAction = nullptr;
    QAction *m_printAction = nullptr;
};

} // namespace medora
