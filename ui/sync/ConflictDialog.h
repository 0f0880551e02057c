#pragma once

#include "domain/Report.h"
#include "store/SyncJournal.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

class QButtonGroup;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QStackedWidget;

namespace medora {

// The open sync conflicts and the decision on each. A patient changed on this PC and on the
// server shows, per conflicting field, both values side by side; the person chooses one per
// field and the result is saved as a new local edit. Two versions of one draft report are
// shown whole, read-only, and the person keeps one. Nothing is decided without a choice for
// every field, and nothing is lost before the decision.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConflictDialog(SyncJournal &journal, QWidget *parent = nullptr);
    ~ConflictDialog() override;

    QListWidget *conflictList() const { return m_list; }
    int conflictCount() const { return int(m_conflicts.size()); }
    const QList<SyncConflict> &conflicts() const { return m_conflicts; }
    bool selectConflict(qint64 conflictId);
    qint64 currentConflictId() const; // 0 when none is selected

    // The patient conflict on screen: its fields in card order, the two choices per field.
    QStringList shownFields() const;
    QRadioButton *localChoice(const QString &field) const;
    QRadioButton *serverChoice(const QString &field) const;
    QString localValueText(const QString &field) const;
    QString serverValueText(const QString &field) const;
    QPushButton *keepAllLocalButton() const { return m_keepAllLocal; }
    QPushButton *takeAllServerButton() const { return m_takeAllServer; }

    // The report draft conflict on screen: the draft the server has and the one from this PC.
    QRadioButton *serverDraftChoice() const { return m_serverDraftChoice; }
    QRadioButton *localDraftChoice() const { return m_localDraftChoice; }
    QString serverDraftText() const;
    QString localDraftText() const;

    QPushButton *applyButton() const { return m_apply; }
    // The banner shown when the journal refused the decision or could not read the conflicts;
    // empty otherwise.
    QString failureText() const;

public slots:
    // Reads the open conflicts again, keeping the selection when it is still open.
    void reload();
    // Saves the decision on the selected conflict; false (banner shown) when incomplete or
    // refused by the store.
    bool applyChoice();

signals:
    // A conflict was decided: the local store changed and a sync round should follow.
    void resolved();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Failure
    {
        None,
        Read,
        Apply
    };

    struct FieldChoice
    {
        QString key;
        QLabel *label = nullptr;
        QRadioButton *local = nullptr;
        QRadioButton *server = nullptr;
        QLabel *localValue = nullptr;
        QLabel *serverValue = nullptr;
        QButtonGroup *group = nullptr;
    };

    void buildUi();
    void retranslateUi();
    void fillList(qint64 keepConflictId);
    void showCurrent();
    void showPatient(const SyncConflict &conflict);
    void showReport(const SyncConflict &conflict);
    void updateApplyEnabled();
    void setAllPatientChoices(bool keepLocal);
    void updateFailureText();
    const SyncConflict *currentConflict() const;
    std::optional<Report> readReport(const QUuid &id) const;
    const FieldChoice *fieldChoice(const QString &field) const;

    SyncJournal &m_journal;
    QList<SyncConflict> m_conflicts;
    QList<FieldChoice> m_fieldChoices;
    QHash<QObject *, QRadioButton *> m_valueLabelTargets; // a click on a value picks it
    Failure m_failure = Failure::None;
    QString m_failureReason; // the store's words, kept for a language switch

    QLabel *m_intro = nullptr;
    QListWidget *m_list = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QWidget *m_patientPage = nullptr;
    QLabel *m_patientIntro = nullptr;
    QScrollArea *m_fieldArea = nullptr;
    QLabel *m_localHeader = nullptr;
    QLabel *m_serverHeader = nullptr;
    QPushButton *m_keepAllLocal = nullptr;
    QPushButton *m_takeAllServer = nullptr;
    QWidget *m_reportPage = nullptr;
    QLabel *m_reportIntro = nullptr;
    QGroupBox *m_serverDraftBox = nullptr;
    QGroupBox *m_localDraftBox = nullptr;
    QRadioButton *m_serverDraftChoice = nullptr;
    QRadioButton *m_localDraftChoice = nullptr;
    QPlainTextEdit *m_serverDraftText = nullptr;
    QPlainTextEdit *m_localDraftText = nullptr;
    QButtonGroup *m_draftGroup = nullptr;
    QLabel *m_failureLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace medora
