#include "cabinet/ReportEditor.h"

#include "cabinet/PhrasePicker.h"
#include "cabinet/VitalsEditor.h"
#include "charting/ReportVocabulary.h"
#include "charting/TemplateLibrary.h"
#include "store/ReportStore.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

namespace medora {

namespace {

// The sync format's ICD-10 code: a capital, two digits, optionally a point and 1..4 more.
bool isIcd10(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$"));
    return pattern.match(code).hasMatch();
}

void makeAlertLabel(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
}

QString withoutMnemonic(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text;
}

} // namespace

ReportEditor::ReportEditor(ReportStore &store, const UserProfile &me, QWidget *parent)
    : QWidget(parent), m_store(store), m_me(me), m_autosaver(store)
{
    setObjectName(QStringLiteral("reportEditor"));
    buildUi();
    connect(&m_autosaver, &DraftAutosaver::saved, this, [this](qint64 localId) {
        m_savedAt = QDateTime::currentDateTime();
        m_saveError.clear();
        m_report = m_autosaver.draft();
        updateStatus();
        emit draftSaved(localId);
        emit localChange();
    });
    connect(&m_autosaver, &DraftAutosaver::saveFailed, this, [this](const QString &message) {
        m_saveError = message;
        updateStatus();
    });
    connect(qApp, &QApplication::focusChanged, this, &ReportEditor::onFocusChanged);
    // Quitting from a menu or the window manager: whatever is typed reaches the disk first.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &ReportEditor::flush);
    loadTemplates();
    retranslateUi();
    clearReport();
}

ReportEditor::~ReportEditor()
{
    // Deleting the focused field moves the focus while this object is half destroyed.
    disconnect(qApp, nullptr, this, nullptr);
    m_autosaver.flush();
}

void ReportEditor::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("reportHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_heading->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reportSaveStatus"));
    top->addWidget(m_heading, 1);
    top->addWidget(m_status);
    outer->addLayout(top);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("reportError"));
    m_error->setFrameShape(QFrame::StyledPanel);
    makeAlertLabel(m_error, QColor(0xc6, 0x28, 0x28));
    outer->addWidget(m_error);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(splitter, 1);
    m_scroll = new QScrollArea(splitter);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *form = new QWidget(m_scroll);
    auto *fields = new QVBoxLayout(form);
    addSection(fields, QStringLiteral("complaints"));
    addSection(fields, QStringLiteral("anamnesis"));
    m_vitalsLabel = new QLabel(form);
    m_vitalsLabel->setFont(bold);
    m_vitals = new VitalsEditor(form);
    fields->addWidget(m_vitalsLabel);
    fields->addWidget(m_vitals);
    connect(m_vitals, &VitalsEditor::edited, this, &ReportEditor::onEdited);
    addSection(fields, QStringLiteral("examination"));
    addSection(fields, QStringLiteral("diagnosis"));
    auto *icdRow = new QHBoxLayout;
    m_icd10Label = new QLabel(form);
    m_icd10 = new QLineEdit(form);
    m_icd10->setObjectName(QStringLiteral("icd10Edit"));
    m_icd10->setMaxLength(8);
    m_icd10->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("W00.0000")) + 24);
    m_icd10Label->setBuddy(m_icd10);
    icdRow->addWidget(m_icd10Label);
    icdRow->addWidget(m_icd10);
    icdRow->addStretch(1);
    fields->addLayout(icdRow);
    m_icd10Warning = new QLabel(form);
    m_icd10Warning->setObjectName(QStringLiteral("icd10Warning"));
    makeAlertLabel(m_icd10Warning, QColor(0xb2, 0x5e, 0x00));
    fields->addWidget(m_icd10Warning);
    connect(m_icd10, &QLineEdit::textEdited, this, [this](const QString &text) {
        // Codes are capitals; typing them in lower case is the common slip.
        if (text != text.toUpper()) {
            const int cursor = m_icd10->cursorPosition();
            m_icd10->setText(text.toUpper());
            m_icd10->setCursorPosition(cursor);
        }
        updateIcd10Warning();
        onEdited();
    });
    addSection(fields, QStringLiteral("treatmentPlan"));
    addSection(fields, QStringLiteral("recommendations"));
    addSection(fields, QStringLiteral("notes"));
    fields->addStretch(1);
    m_scroll->setWidget(form);

    m_phrases = new PhrasePicker(splitter);
    splitter->addWidget(m_scroll);
    splitter->addWidget(m_phrases);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    connect(m_phrases, &PhrasePicker::phraseChosen, this, &ReportEditor::insertPhrase);

    auto *buttons = new QHBoxLayout;
    m_signButton = new QPushButton(this);
    m_signButton->setObjectName(QStringLiteral("signReportButton"));
    m_signButton->setAutoDefault(false);
    m_addendumButton = new QPushButton(this);
    m_addendumButton->setObjectName(QStringLiteral("addendumButton"));
    m_addendumButton->setAutoDefault(false);
    buttons->addStretch(1);
    buttons->addWidget(m_addendumButton);
    buttons->addWidget(m_signButton);
    outer->addLayout(buttons);
    connect(m_signButton, &QPushButton::clicked, this, [this] { sign(true); });
    connect(m_addendumButton, &QPushButton::clicked, this, &ReportEditor::startAddendum);

    m_signAction = new QAction(this);
    m_signAction->setObjectName(QStringLiteral("signReportAction"));
    m_signAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_signAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_signAction, &QAction::triggered, this, [this] { sign(true); });
    addAction(m_signAction);
    m_phrasesAction = new QAction(this);
    m_phrasesAction->setObjectName(QStringLiteral("templatePhrasesAction"));
    m_phrasesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_phrasesAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_phrasesAction, &QAction::triggered, this, &ReportEditor::focusPhrases);
    addAction(m_phrasesAction);
    m_saveAction = new QAction(this);
    m_saveAction->setObjectName(QStringLiteral("saveDraftAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_saveAction, &QAction::triggered, this, &ReportEditor::flush);
    addAction(m_saveAction);

    // Tab walks the report top to bottom, then the phrases, then the buttons.
    QList<QWidget *> chain = {m_sections.value(QStringLiteral("complaints")),
                              m_sections.value(QStringLiteral("anamnesis"))};
    chain << m_vitals->focusChain();
    chain << m_sections.value(QStringLiteral("examination")) << m_sections.value(QStringLiteral("diagnosis"))
          << m_icd10 << m_sections.value(QStringLiteral("treatmentPlan"))
          << m_sections.value(QStringLiteral("recommendations")) << m_sections.value(QStringLiteral("notes"))
          << m_phrases->specialtyBox() << m_phrases->phraseList() << m_addendumButton << m_signButton;
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

void ReportEditor::addSection(QVBoxLayout *layout, const QString &key)
{
    auto *label = new QLabel(this);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    auto *mark = new QLabel(this);
    mark->setObjectName(key + QStringLiteral("AiMark"));
    QPalette palette = mark->palette();
    palette.setColor(QPalette::WindowText, QColor(0x8a, 0x4b, 0x00));
    mark->setPalette(palette);
    mark->hide();
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(key + QStringLiteral("Edit"));
    edit->setTabChangesFocus(true);
    const int lines = key == QLatin1String("notes") || key == QLatin1String("anamnesis") ? 3 : 4;
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 2 * edit->frameWidth() +
                           int(edit->document()->documentMargin() * 2));
    label->setBuddy(edit);
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(mark);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addWidget(edit);
    m_sections.insert(key, edit);
    m_sectionLabels.insert(key, label);
    m_aiMarks.insert(key, mark);
    connect(edit, &QPlainTextEdit::textChanged, this, &ReportEditor::onEdited);
}

void ReportEditor::loadTemplates(const QString &language)
{
    m_phrases->loadLanguage(language.isEmpty() ? TemplateLibrary::languageFor(QLocale()) : language);
    m_phrases->setSection(m_lastSection);
}

Report ReportEditor::report() const
{
    return m_autosaver.hasDraft() ? m_autosaver.draft() : m_report;
}

bool ReportEditor::canEdit(const Report &report) const
{
    return m_me.role == QLatin1String("doctor") && report.localId != 0 &&
           report.status == ReportStatus::Draft && !report.deleted && report.authorId == m_me.id;
}

void ReportEditor::openReport(const Report &report)
{
    m_autosaver.flush();
    m_report = report;
    m_editable = canEdit(report);
    m_hint.clear();
    m_saveError.clear();
    m_actionError.clear();
    m_savedAt = QDateTime();
    loadFields(report.sections);
    setFieldsReadOnly(!m_editable);
    if (m_editable)
        m_autosaver.setDraft(report, [this] { return sections(); });
    else
        m_autosaver.clear();
    retranslateUi();
}

void ReportEditor::clearReport(const QString &hint)
{
    m_autosaver.flush();
    m_autosaver.clear();
    m_report = Report();
    m_editable = false;
    m_hint = hint;
    m_saveError.clear();
    m_actionError.clear();
    loadFields(ReportSections());
    setFieldsReadOnly(true);
    retranslateUi();
}

void ReportEditor::loadFields(const ReportSections &sections)
{
    for (auto it = m_sections.cbegin(); it != m_sections.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setPlainText(ReportVocabulary::sectionText(sections, it.key()));
    }
    m_vitals->setVitals(sections.vitals);
    m_icd10->setText(sections.icd10);
    m_aiDrafted = sections.aiDrafted;
    updateIcd10Warning();
    updateAiMarks();
}

void ReportEditor::setFieldsReadOnly(bool readOnly)
{
    for (QPlainTextEdit *edit : std::as_const(m_sections))
        edit->setReadOnly(readOnly);
    m_vitals->setReadOnly(readOnly);
    m_icd10->setReadOnly(readOnly);
    m_phrases->setEnabled(!readOnly);
    m_signAction->setEnabled(!readOnly);
    m_phrasesAction->setEnabled(!readOnly);
}

ReportSections ReportEditor::sections() const
{
    ReportSections result;
    for (auto it = m_sections.cbegin(); it != m_sections.cend(); ++it)
        ReportVocabulary::setSectionText(result, it.key(), it.value()->toPlainText());
    result.vitals = m_vitals->vitals();
    result.aiDrafted = aiDraftedSections();
    const QString code = m_icd10->text().trimmed();
    // A half-typed code keeps the stored one rather than being refused with the whole draft.
    result.icd10 = code.isEmpty() || isIcd10(code) ? code : report().sections.icd10;
    return result;
}

QString ReportEditor::icd10Warning() const
{
    return m_icd10Warning->isHidden() ? QString() : m_icd10Warning->text();
}

QString ReportEditor::statusText() const
{
    return m_status->text();
}

QString ReportEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QStringList ReportEditor::aiDraftedSections() const
{
    // In the order of a report; a section the doctor emptied holds no AI text any more.
    QStringList keys;
    for (const QString &key : ReportVocabulary::textSectionKeys()) {
        const QPlainTextEdit *edit = m_sections.value(key);
        if (m_aiDrafted.contains(key) && edit && !edit->toPlainText().trimmed().isEmpty())
            keys << key;
    }
    return keys;
}

void ReportEditor::updateAiMarks()
{
    const QStringList marked = aiDraftedSections();
    for (auto it = m_aiMarks.cbegin(); it != m_aiMarks.cend(); ++it) {
        it.value()->setText(tr("contains AI-drafted text"));
        it.value()->setVisible(marked.contains(it.key()));
        m_sections.value(it.key())->setAccessibleDescription(marked.contains(it.key()) ? it.value()->text()
                                                                                       : QString());
    }
}

bool ReportEditor::acceptAiText(const QString &key, const QString &text)
{
    QPlainTextEdit *target = m_sections.value(key);
    const QString block = text.trimmed();
    if (!m_editable || !target || block.isEmpty())
        return false;
    // Below the doctor's text, after a blank line, under a heading of its own: one undo step.
    const QString existing = target->toPlainText();
    QString insertion;
    if (!existing.trimmed().isEmpty())
        insertion = existing.endsWith(QLatin1String("\n\n")) ? QString()
                    : existing.endsWith(QLatin1Char('\n'))   ? QStringLiteral("\n")
                                                             : QStringLiteral("\n\n");
    insertion += QStringLiteral("[%1]\n").arg(tr("AI consilium draft")) + block;
    QTextCursor cursor(target->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_aiDrafted.contains(key))
        m_aiDrafted << key;
    cursor.insertText(insertion);
    updateAiMarks();
    return flush();
}

void ReportEditor::onEdited()
{
    if (!m_editable)
        return;
    updateAiMarks();
    m_autosaver.markEdited();
    updateStatus();
}

void ReportEditor::onFocusChanged(QWidget *old, QWidget *now)
{
    if (now && isAncestorOf(now)) {
        for (auto it = m_sections.cbegin(); it != m_sections.cend(); ++it) {
            if (it.value() == now) {
                m_lastSection = it.key();
                m_phrases->setSection(it.key());
            }
        }
        return;
    }
    if (old && isAncestorOf(old))
        flush();
}

bool ReportEditor::flush()
{
    return m_autosaver.flush();
}

void ReportEditor::hideEvent(QHideEvent *event)
{
    flush();
    QWidget::hideEvent(event);
}

void ReportEditor::insertPhrase(const QString &phrase)
{
    QPlainTextEdit *target = m_sections.value(m_lastSection);
    if (!m_editable || !target || phrase.isEmpty())
        return;
    QTextCursor cursor = target->textCursor();
    QString text = phrase;
    if (cursor.position() > 0) {
        const QChar before = target->document()->characterAt(cursor.position() - 1);
        if (!before.isSpace() && before != QChar::ParagraphSeparator)
            text.prepend(QLatin1Char(' '));
    }
    cursor.insertText(text);
    target->setTextCursor(cursor);
    target->setFocus(Qt::ShortcutFocusReason);
}

void ReportEditor::focusPhrases()
{
    if (m_editable)
        m_phrases->phraseList()->setFocus(Qt::ShortcutFocusReason);
}

bool ReportEditor::sign(bool askFirst)
{
    if (!m_editable)
        return false;
    if (!flush()) {
        m_actionError = tr("The report was not signed because its last changes could not be saved: %1")
                            .arg(m_autosaver.lastError());
        updateStatus();
        return false;
    }
    if (askFirst) {
        QMessageBox box(QMessageBox::Question, tr("Sign the report"),
                        tr("Sign this report now? A signed report can no longer be changed; a correction "
                           "is written as an addendum."),
                        QMessageBox::NoButton, this);
        QPushButton *yes = box.addButton(tr("&Sign"), QMessageBox::AcceptRole);
        box.addButton(tr("Keep editing"), QMessageBox::RejectRole);
        box.setDefaultButton(yes);
        box.exec();
        if (box.clickedButton() != yes)
            return false;
    }
    const qint64 localId = report().localId;
    if (!m_store.sign(localId)) {
        m_actionError = tr("The report was not signed: %1").arg(m_store.lastError().message);
        updateStatus();
        return false;
    }
    const std::optional<Report> stored = m_store.get(localId);
    if (!stored) {
        m_actionError = m_store.lastError().message;
        updateStatus();
        return false;
    }
    openReport(*stored);
    emit localChange();
    emit reportSigned(*stored);
    return true;
}

bool ReportEditor::startAddendum()
{
    const Report signedReport = report();
    if (m_me.role != QLatin1String("doctor") || signedReport.status != ReportStatus::Signed)
        return false;
    Report addendum;
    addendum.authorId = m_me.id;
    if (!m_store.createAddendum(signedReport.localId, addendum)) {
        m_actionError = tr("The addendum was not started: %1").arg(m_store.lastError().message);
        updateStatus();
        return false;
    }
    openReport(addendum);
    m_sections.value(QStringLiteral("complaints"))->setFocus(Qt::OtherFocusReason);
    emit localChange();
    emit addendumStarted(addendum);
    return true;
}

void ReportEditor::updateIcd10Warning()
{
    const QString code = m_icd10->text().trimmed();
    const bool bad = !code.isEmpty() && !isIcd10(code);
    m_icd10Warning->setText(bad ? tr("An ICD-10 code reads like J06.9. Until it does, the code is not saved; "
                                     "the rest of the report is.")
                                : QString());
    m_icd10Warning->setVisible(bad);
    m_icd10->setAccessibleDescription(m_icd10Warning->text());
}

void ReportEditor::updateStatus()
{
    QString status;
    if (m_editable) {
        if (m_autosaver.isPending())
            status = tr("Saving…");
        else if (m_savedAt.isValid())
            status =
                tr("All changes saved at %1").arg(QLocale().toString(m_savedAt.time(), QLocale::ShortFormat));
        else
            status = tr("Draft: every change is saved as you type");
    }
    m_status->setText(status);
    QString error = m_actionError;
    if (!m_saveError.isEmpty())
        error = tr("Not saved: %1 What you typed is still here and is saved again with your next change.")
                    .arg(m_saveError);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void ReportEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // QLocale's default changes with the catalogue; read it once the switch is done.
        QTimer::singleShot(0, this, [this] { loadTemplates(); });
    }
    QWidget::changeEvent(event);
}

void ReportEditor::retranslateUi()
{
    const QMap<QString, QString> labels = {
        {QStringLiteral("complaints"), tr("&Complaints")},
        {QStringLiteral("anamnesis"), tr("Ana&mnesis")},
        {QStringLiteral("examination"), tr("E&xamination")},
        {QStringLiteral("diagnosis"), tr("&Diagnosis")},
        {QStringLiteral("treatmentPlan"), tr("&Treatment plan")},
        {QStringLiteral("recommendations"), tr("&Recommendations")},
        {QStringLiteral("notes"), tr("&Notes")},
    };
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        m_sectionLabels.value(it.key())->setText(it.value());
        m_sections.value(it.key())->setAccessibleName(withoutMnemonic(it.value()));
    }
    m_vitalsLabel->setText(ReportVocabulary::sectionTitle(QStringLiteral("vitals")));
    m_icd10Label->setText(tr("ICD-&10 code:"));
    m_icd10->setAccessibleName(tr("ICD-10 code"));
    m_icd10->setPlaceholderText(QStringLiteral("J06.9"));
    m_signButton->setText(tr("&Sign report"));
    m_signButton->setToolTip(m_signAction->shortcut().toString(QKeySequence::NativeText));
    m_addendumButton->setText(tr("&Write an addendum"));
    m_signAction->setText(tr("Sign report"));
    m_phrasesAction->setText(tr("Insert a template phrase"));
    m_saveAction->setText(tr("Save the draft now"));
    setAccessibleName(tr("Visit report"));

    QString heading;
    if (!hasReport()) {
        heading = m_hint.isEmpty() ? tr("No report open.") : m_hint;
    } else {
        const QLocale locale;
        const Report current = report();
        heading = current.addendumTo.isNull() ? tr("Visit report") : tr("Addendum to a signed report");
        if (current.status == ReportStatus::Signed)
            heading += QStringLiteral(" — ") +
                       tr("signed %1, read-only")
                           .arg(locale.toString(current.signedAt.toLocalTime(), QLocale::ShortFormat));
        else if (!m_editable)
            heading += QStringLiteral(" — ") + tr("draft of another doctor, read-only");
        else
            heading += QStringLiteral(" — ") + tr("draft");
    }
    m_heading->setText(heading);
    m_signButton->setVisible(m_editable);
    m_addendumButton->setVisible(hasReport() && report().status == ReportStatus::Signed &&
                                 m_me.role == QLatin1String("doctor"));
    updateAiMarks();
    updateIcd10Warning();
    updateStatus();
}

} // namespace medora
