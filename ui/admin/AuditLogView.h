#pragma once

#include "admin/AuditClient.h"
#include "admin/StaffClient.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace medora {

class AuditExport;
class SessionManager;

// The clinic's audit trail from the server, newest first, a page at a time: filters for who,
// what (an action or a group of actions), the patient or account acted on, and the period.
// Export writes every matching event to a CSV file for Excel (AuditExport), never freezing
// the window while it pages through the server or writes.
class AuditLogView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 50;

    explicit AuditLogView(SessionManager &session, QWidget *parent = nullptr);
    ~AuditLogView() override;

    // The names offered in the "who" filter and shown in the list.
    void setStaff(const QList<StaffAccount> &accounts);
    AuditFilter filter() const;
    QList<AuditEvent> events() const { return m_events; }
    int pageNumber() const { return int(m_pageStarts.size()); } // 1 = newest
    bool hasOlderPage() const { return m_next > 0; }
    QString statusText() const;
    bool isExporting() const;
    // The user's words for an audit action ("staff.create" -> "Account created").
    static QString actionText(const QString &action);

    QComboBox *actorCombo() const { return m_actor; }
    QComboBox *actionCombo() const { return m_action; }
    QLineEdit *targetEdit() const { return m_target; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QTableWidget *table() const { return m_table; }
    QPushButton *olderButton() const { return m_older; }
    QPushButton *newerButton() const { return m_newer; }
    QPushButton *exportButton() const { return m_export; }

public slots:
    // Reads the newest page for the filters as they are now.
    void reload();
    void olderPage();
    void newerPage();
    // Asks for a file name, then exportTo().
    void exportCsv();
    void exportTo(const QString &path);

signals:
    void exportFinished(const QString &path, int events);
    void exportFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillActions();
    void fetch(qint64 before);
    void fill();
    void showStatus(const QString &text, bool error);
    void setExporting(bool exporting);
    QString nameOf(const QString &userId, const QString &login) const;

    AuditClient *m_client = nullptr;
    AuditExport *m_exporter = nullptr;
    QList<StaffAccount> m_staff;
    QList<AuditEvent> m_events;
    QList<qint64> m_pageStarts; // `before` of each page shown so far (0 = newest)
    qint64 m_requestedBefore = 0;
    qint64 m_next = 0;
    AuditFilter m_shownFilter;

    QLabel *m_actorLabel = nullptr;
    QComboBox *m_actor = nullptr;
    QLabel *m_actionLabel = nullptr;
    QComboBox *m_action = nullptr;
    QLabel *m_targetLabel = nullptr;
    QLineEdit *m_target = nullptr;
    QLabel *m_periodLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_apply = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_newer = nullptr;
    QPushButton *m_older = nullptr;
    QPushButton *m_export = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace medora
