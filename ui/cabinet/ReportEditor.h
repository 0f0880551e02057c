#pragma once

#include "api/UserProfile.h"
#include "charting/DraftAutosaver.h"
#include "domain/Report.h"

#include <QMap>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace medora {

class PhrasePicker;
class ReportStore;
class VitalsEditor;

// Writes one visit report: every section of the report, the vitals, the ICD-10 code and the
// specialty phrases beside them. Every edit is saved to the local store a moment after the
// typing pauses and whenever the focus leaves the editor (DraftAutosaver); a failed save
// keeps the text on screen and says so. Only the author of a draft edits it, and only a
// doctor; a signed report is read-only here and is corrected with an addendum.
class ReportEditor : public QWidget
{
    Q_OBJECT

public:
    ReportEditor(ReportStore &store, const UserProfile &me, QWidget *parent = nullptr);
    ~ReportEditor() override;

    void openReport(const Report &report);
    void clearReport(const QString &hint = QString());
    bool hasReport() const { return m_report.localId != 0; }
    // The report as last stored (the draft's saved state while it is being written).
    Report report() const;
    bool isEditable() const { return m_editable; }
    // The sections as they would be stored now: text as typed; vitals and the ICD-10 code
    // only where they are well-formed (the store refuses the rest).
    ReportSections sections() const;

    QPlainTextEdit *sectionEdit(const QString &key) const { return m_sections.value(key); }
    QLineEdit *icd10Edit() const { return m_icd10; }
    QString icd10Warning() const;
    VitalsEditor *vitalsEditor() const { return m_vitals; }
    PhrasePicker *phrasePicker() const { return m_phrases; }
    DraftAutosaver &autosaver() { return m_autosaver; }
    QString statusText() const;
    QString errorText() const;
    QPushButton *signButton() const { return m_signButton; }
    QPushButton *addendumButton() const { return m_addendumButton; }
    // The sections holding accepted AI text (as sections() would store them) and their marks.
    QStringList aiDraftedSections() const;
    QLabel *aiMark(const QString &key) const { return m_aiMarks.value(key); }

    // The template language follows the UI language (QLocale's default); tests may name one.
    void loadTemplates(const QString &language = QString());

public slots:
    bool flush();
    // Signs the open draft after the doctor confirms; then it is read-only.
    bool sign(bool askFirst = true);
    // Starts an addendum (a new draft) to the open signed report.
    bool startAddendum();
    void insertPhrase(const QString &phrase);
    void focusPhrases();
    // Adds text the AI consilium drafted to section `key` as a block of its own below what is
    // there (nothing typed is replaced), marks the section as AI-drafted and saves the draft.
    // False when no draft of mine is open or the key is not a text section.
    bool acceptAiText(const QString &key, const QString &text);

signals:
    void localChange();
    void draftSaved(qint64 reportLocalId);
    void reportSigned(const medora::Report &report);
    void addendumStarted(const medora::Report &addendum);

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void addSection(QVBoxLayout *layout, const QString &key);
    void setFieldsReadOnly(bool readOnly);
    void loadFields(const ReportSections &sections);
    void onEdited();
    void onFocusChanged(QWidget *old, QWidget *now);
    void updateIcd10Warning();
    void updateStatus();
    void updateAiMarks();
    bool canEdit(const Report &report) const;

    ReportStore &m_store;
    UserProfile m_me;
    Report m_report; // the open report as opened or last stored
    bool m_editable = false;
    QString m_hint;
    QString m_lastSection = QStringLiteral("complaints");
    DraftAutosaver m_autosaver;
    QDateTime m_savedAt;
    QString m_saveError;
    QString m_actionError;

    QLabel *m_heading = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QScrollArea *m_scroll = nullptr;
    QMap<QString, QPlainTextEdit *> m_sections;
    QMap<QString, QLabel *> m_sectionLabels;
    QMap<QString, QLabel *> m_aiMarks;
    QStringList m_aiDrafted; // as loaded or accepted; sections() leaves out emptied ones
    QLabel *m_vitalsLabel = nullptr;
    VitalsEditor *m_vitals = nullptr;
    QLabel *m_icd10Label = nullptr;
    QLineEdit *m_icd10 = nullptr;
    QLabel *m_icd10Warning = nullptr;
    PhrasePicker *m_phrases = nullptr;
    QPushButton *m_signButton = nullptr;
    QPushButton *m_addendumButton = nullptr;
    QAction *m_signAction = nullptr;
    QAction *m_phrasesAction = nullptr;
    QAction *m_saveAction = nullptr;
};

} // namespace medora
