#include "sync/ConflictDialog.h"

#include "store/ReportStore.h"
#include "sync/PatientFieldText.h"
#include "sync/ReportSectionsText.h"
#include "sync/SyncReasonText.h"
#include "sync/SyncStatusIndicator.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace medora {

namespace {

constexpr int kConflictIdRole = Qt::UserRole + 1;
constexpr int kAccessibleValueChars = 200;

enum Page
{
    EmptyPage,
    PatientPage,
    ReportPage
};

QString shortened(const QString &text)
{
    return text.size() <= kAccessibleValueChars ? text : text.left(kAccessibleValueChars) + QChar(0x2026);
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // patient data, never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(label->fontMetrics().height() / 4);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setText(text);
    return label;
}

} // namespace

ConflictDialog::ConflictDialog(SyncJournal &journal, QWidget *parent) : QDialog(parent), m_journal(journal)
{
    setObjectName(QStringLiteral("conflictDialog"));
    buildUi();
    retranslateUi();
    reload();
    const QFontMetrics metrics = fontMetrics();
    resize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 36);
}

ConflictDialog::~ConflictDialog() = default;

void ConflictDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *body = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setWordWrap(true);
    m_list->setMinimumWidth(m_list->fontMetrics().averageCharWidth() * 30);
    body->addWidget(m_list, 2);

    m_pages = new QStackedWidget(this);
    body->addWidget(m_pages, 5);
    layout->addLayout(body, 1);

    // Nothing to decide.
    m_emptyLabel = new QLabel(m_pages);
    m_emptyLabel->setObjectName(QStringLiteral("noConflictLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_pages->addWidget(m_emptyLabel);

    // A patient: one row per conflicting field, this PC's value beside the server's.
    m_patientPage = new QWidget(m_pages);
    auto *patientLayout = new QVBoxLayout(m_patientPage);
    patientLayout->setContentsMargins(0, 0, 0, 0);
    m_patientIntro = new QLabel(m_patientPage);
    m_patientIntro->setWordWrap(true);
    patientLayout->addWidget(m_patientIntro);
    m_fieldArea = new QScrollArea(m_patientPage);
    m_fieldArea->setObjectName(QStringLiteral("conflictFieldArea"));
    m_fieldArea->setWidgetResizable(true);
    m_fieldArea->setFrameShape(QFrame::NoFrame);
    patientLayout->addWidget(m_fieldArea, 1);
    auto *allRow = new QHBoxLayout;
    m_keepAllLocal = new QPushButton(m_patientPage);
    m_keepAllLocal->setObjectName(QStringLiteral("keepAllLocalButton"));
    m_keepAllLocal->setAutoDefault(false);
    m_takeAllServer = new QPushButton(m_patientPage);
    m_takeAllServer->setObjectName(QStringLiteral("takeAllServerButton"));
    m_takeAllServer->setAutoDefault(false);
    allRow->addWidget(m_keepAllLocal);
    allRow->addWidget(m_takeAllServer);
    allRow->addStretch(1);
    patientLayout->addLayout(allRow);
    m_pages->addWidget(m_patientPage);

    // A report draft: both versions whole, read-only, one to keep.
    m_reportPage = new QWidget(m_pages);
    auto *reportLayout = new QVBoxLayout(m_reportPage);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    m_reportIntro = new QLabel(m_reportPage);
    m_reportIntro->setWordWrap(true);
    reportLayout->addWidget(m_reportIntro);
    auto *drafts = new QHBoxLayout;
    m_draftGroup = new QButtonGroup(this);
    m_draftGroup->setExclusive(true);
    const auto draftBox = [this, drafts](QGroupBox **box, QRadioButton **choice, QPlainTextEdit **text,
                                         const QString &name) {
        *box = new QGroupBox(m_reportPage);
        auto *boxLayout = new QVBoxLayout(*box);
        *choice = new QRadioButton(*box);
        (*choice)->setObjectName(name + QStringLiteral("Choice"));
        m_draftGroup->addButton(*choice);
        *text = new QPlainTextEdit(*box);
        (*text)->setObjectName(name + QStringLiteral("Text"));
        (*text)->setReadOnly(true);
        (*text)->setTabChangesFocus(true);
        boxLayout->addWidget(*choice);
        boxLayout->addWidget(*text, 1);
        drafts->addWidget(*box, 1);
    };
    draftBox(&m_serverDraftBox, &m_serverDraftChoice, &m_serverDraftText, QStringLiteral("serverDraft"));
    draftBox(&m_localDraftBox, &m_localDraftChoice, &m_localDraftText, QStringLiteral("localDraft"));
    reportLayout->addLayout(drafts, 1);
    m_pages->addWidget(m_reportPage);

    m_failureLabel = new QLabel(this);
    m_failureLabel->setObjectName(QStringLiteral("conflictFailure"));
    m_failureLabel->setWordWrap(true);
    m_failureLabel->setTextFormat(Qt::PlainText);
    m_failureLabel->setFrameShape(QFrame::StyledPanel);
    m_failureLabel->setMargin(m_failureLabel->fontMetrics().height() / 3);
    QPalette alert = m_failureLabel->palette();
    alert.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_failureLabel->setPalette(alert);
    m_failureLabel->hide();
    layout->addWidget(m_failureLabel);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = m_buttons->addButton(QString(), QDialogButtonBox::ApplyRole);
    m_apply->setObjectName(QStringLiteral("applyConflictButton"));
    m_apply->setAutoDefault(false);
    layout->addWidget(m_buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (m_failure == Failure::Apply) {
            m_failure = Failure::None;
            updateFailureText();
        }
        showCurrent();
    });
    connect(m_keepAllLocal, &QPushButton::clicked, this, [this] { setAllPatientChoices(true); });
    connect(m_takeAllServer, &QPushButton::clicked, this, [this] { setAllPatientChoices(false); });
    connect(m_draftGroup, &QButtonGroup::buttonToggled, this, &ConflictDialog::updateApplyEnabled);
    connect(m_apply, &QPushButton::clicked, this, &ConflictDialog::applyChoice);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ConflictDialog::retranslateUi()
{
    setWindowTitle(tr("Sync conflicts"));
    m_intro->setText(tr("These records were changed on this PC and elsewhere since they were last synced. "
                        "Both versions are kept until you decide."));
    m_list->setAccessibleName(tr("Open conflicts"));
    m_emptyLabel->setText(tr("No conflict waits for a decision."));
    m_patientIntro->setText(tr("Choose, for every field, the value to keep. The result is saved as a new "
                               "change and sent to the server."));
    m_keepAllLocal->setText(tr("Keep all from &this PC"));
    m_takeAllServer->setText(tr("Take all from the &server"));
    m_reportIntro->setText(tr("The same draft report was edited in two places. Drafts are never merged: "
                              "choose the version to keep. The other version is deleted."));
    m_serverDraftBox->setTitle(tr("Draft as the server has it"));
    m_localDraftBox->setTitle(tr("Edit from this PC, kept as a copy"));
    m_serverDraftChoice->setText(tr("Keep the draft from the ser&ver"));
    m_localDraftChoice->setText(tr("Keep the draft from this &PC"));
    m_serverDraftText->setAccessibleName(tr("Draft as the server has it"));
    m_localDraftText->setAccessibleName(tr("Edit from this PC, kept as a copy"));
    m_apply->setText(tr("&Apply decision"));
    if (QPushButton *close = m_buttons->button(QDialogButtonBox::Close))
        close->setText(tr("&Close"));
    updateFailureText();
}

void ConflictDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillList(currentConflictId());
    }
    QDialog::changeEvent(event);
}

bool ConflictDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const auto target = m_valueLabelTargets.constFind(watched);
        if (mouse->button() == Qt::LeftButton && target != m_valueLabelTargets.constEnd() &&
            !static_cast<QLabel *>(watched)->hasSelectedText()) {
            (*target)->setChecked(true);
            (*target)->setFocus(Qt::MouseFocusReason);
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ConflictDialog::reload()
{
    const qint64 keep = currentConflictId();
    m_conflicts = m_journal.conflicts();
    const StoreError error = m_journal.lastError();
    if (!error.ok()) {
        m_failure = Failure::Read;
        m_failureReason = error.message;
    } else if (m_failure == Failure::Read) {
        m_failure = Failure::None;
    }
    updateFailureText();
    fillList(keep);
}

void ConflictDialog::fillList(qint64 keepConflictId)
{
    const int previousRow = std::max(0, m_list->currentRow());
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const SyncConflict &conflict : m_conflicts) {
            auto *item = new QListWidgetItem(
                SyncReasonText::entityText(conflict.entity, conflict.entityLabel, conflict.entityId));
            item->setData(kConflictIdRole, conflict.conflictId);
            if (conflict.detectedAt.isValid())
                item->setToolTip(tr("Found %1").arg(SyncStatusIndicator::localTimeText(conflict.detectedAt)));
            m_list->addItem(item);
        }
        int row = -1;
        for (int i = 0; i < m_conflicts.size(); ++i) {
            if (m_conflicts.at(i).conflictId == keepConflictId)
                row = i;
        }
        if (row < 0 && !m_conflicts.isEmpty())
            row = std::min(previousRow, int(m_conflicts.size()) - 1);
        m_list->setCurrentRow(row);
    }
    showCurrent();
}

qint64 ConflictDialog::currentConflictId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kConflictIdRole).toLongLong() : 0;
}

bool ConflictDialog::selectConflict(qint64 conflictId)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kConflictIdRole).toLongLong() == conflictId) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

const SyncConflict *ConflictDialog::currentConflict() const
{
    const qint64 id = currentConflictId();
    for (const SyncConflict &conflict : m_conflicts) {
        if (conflict.conflictId == id)
            return &conflict;
    }
    return nullptr;
}

void ConflictDialog::showCurrent()
{
    const SyncConflict *conflict = currentConflict();
    if (!conflict) {
        m_fieldChoices.clear();
        m_valueLabelTargets.clear();
        m_pages->setCurrentIndex(EmptyPage);
    } else if (conflict->entity == EntityKind::Report) {
        showReport(*conflict);
        m_pages->setCurrentIndex(ReportPage);
    } else {
        showPatient(*conflict);
        m_pages->setCurrentIndex(PatientPage);
    }
    updateApplyEnabled();
}

void ConflictDialog::showPatient(const SyncConflict &conflict)
{
    // A rebuild for the same conflict (language switch) keeps what was already chosen.
    QHash<QString, bool> chosen;
    for (const FieldChoice &choice : std::as_const(m_fieldChoices)) {
        if (choice.local->isChecked())
            chosen.insert(choice.key, true);
        else if (choice.server->isChecked())
            chosen.insert(choice.key, false);
    }
    if (m_fieldArea->property("conflictId").toLongLong() != conflict.conflictId)
        chosen.clear();
    m_fieldChoices.clear();
    m_valueLabelTargets.clear();

    QStringList keys = conflict.localValues.keys();
    for (const QString &key : conflict.serverValues.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    keys = PatientFieldText::inCardOrder(keys);

    auto *container = new QWidget;
    m_fieldArea->setWidget(container); // deletes the previous conflict's rows
    m_fieldArea->setProperty("conflictId", conflict.conflictId);
    auto *grid = new QGridLayout(container);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    m_localHeader = new QLabel(tr("On this PC"), container);
    m_serverHeader = new QLabel(tr("On the server"), container);
    QFont bold = m_localHeader->font();
    bold.setBold(true);
    m_localHeader->setFont(bold);
    m_serverHeader->setFont(bold);
    grid->addWidget(m_localHeader, 0, 1);
    grid->addWidget(m_serverHeader, 0, 2);

    int row = 1;
    QWidget *previous = m_list;
    for (const QString &key : std::as_const(keys)) {
        FieldChoice choice;
        choice.key = key;
        const QString fieldLabel = PatientFieldText::label(key);
        const QString localText = PatientFieldText::value(key, conflict.localValues.value(key));
        const QString serverText = PatientFieldText::value(key, conflict.serverValues.value(key));

        choice.label = new QLabel(fieldLabel, container);
        choice.label->setFont(bold);
        choice.label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        grid->addWidget(choice.label, row, 0, 2, 1);

        choice.group = new QButtonGroup(container);
        choice.group->setExclusive(true);
        choice.local = new QRadioButton(tr("Keep this PC's value"), container);
        choice.local->setObjectName(QStringLiteral("local_") + key);
        choice.local->setAccessibleName(tr("%1: keep this PC's value").arg(fieldLabel));
        choice.local->setAccessibleDescription(shortened(localText));
        choice.server = new QRadioButton(tr("Take the server's value"), container);
        choice.server->setObjectName(QStringLiteral("server_") + key);
        choice.server->setAccessibleName(tr("%1: take the server's value").arg(fieldLabel));
        choice.server->setAccessibleDescription(shortened(serverText));
        choice.group->addButton(choice.local);
        choice.group->addButton(choice.server);
        grid->addWidget(choice.local, row, 1);
        grid->addWidget(choice.server, row, 2);

        choice.localValue = valueLabel(localText, container);
        choice.localValue->setObjectName(QStringLiteral("localValue_") + key);
        choice.serverValue = valueLabel(serverText, container);
        choice.serverValue->setObjectName(QStringLiteral("serverValue_") + key);
        choice.localValue->installEventFilter(this);
        choice.serverValue->installEventFilter(this);
        m_valueLabelTargets.insert(choice.localValue, choice.local);
        m_valueLabelTargets.insert(choice.serverValue, choice.server);
        grid->addWidget(choice.localValue, row + 1, 1);
        grid->addWidget(choice.serverValue, row + 1, 2);

        const auto kept = chosen.constFind(key);
        if (kept != chosen.constEnd())
            (*kept ? choice.local : choice.server)->setChecked(true);
        connect(choice.group, &QButtonGroup::buttonToggled, this, &ConflictDialog::updateApplyEnabled);

        setTabOrder(previous, choice.local);
        setTabOrder(choice.local, choice.server);
        previous = choice.server;
        m_fieldChoices.append(choice);
        row += 2;
    }
    grid->setRowStretch(row, 1);
    setTabOrder(previous, m_keepAllLocal);
    setTabOrder(m_keepAllLocal, m_takeAllServer);
    setTabOrder(m_takeAllServer, m_apply);
}

std::optional<Report> ConflictDialog::readReport(const QUuid &id) const
{
    ReportStore reports(m_journal.database());
    return reports.getById(id);
}

void ConflictDialog::showReport(const SyncConflict &conflict)
{
    const bool sameConflict = m_reportPage->property("conflictId").toLongLong() == conflict.conflictId;
    QAbstractButton *kept = sameConflict ? m_draftGroup->checkedButton() : nullptr;
    m_fieldChoices.clear();
    m_valueLabelTargets.clear();

    const auto fill = [this](const QUuid &id, QRadioButton *choice, QPlainTextEdit *text) {
        const std::optional<Report> report = readReport(id);
        choice->setEnabled(report.has_value());
        if (!report) {
            text->setPlainText(tr("This draft could not be read from the local store."));
            return;
        }
        QString header;
        if (report->updatedAt.isValid())
            header = tr("Last changed: %1").arg(SyncStatusIndicator::localTimeText(report->updatedAt)) +
                     QStringLiteral("\n\n");
        text->setPlainText(header + ReportSectionsText::text(report->sections));
    };

    m_draftGroup->setExclusive(false);
    m_serverDraftChoice->setChecked(false);
    m_localDraftChoice->setChecked(false);
    m_draftGroup->setExclusive(true);
    fill(conflict.entityId, m_serverDraftChoice, m_serverDraftText);
    fill(conflict.otherReportId, m_localDraftChoice, m_localDraftText);
    if (kept && kept->isEnabled())
        kept->setChecked(true);
    m_reportPage->setProperty("conflictId", conflict.conflictId);

    setTabOrder(m_list, m_serverDraftChoice);
    setTabOrder(m_serverDraftChoice, m_serverDraftText);
    setTabOrder(m_serverDraftText, m_localDraftChoice);
    setTabOrder(m_localDraftChoice, m_localDraftText);
    setTabOrder(m_localDraftText, m_apply);
}

void ConflictDialog::setAllPatientChoices(bool keepLocal)
{
    for (const FieldChoice &choice : std::as_const(m_fieldChoices))
        (keepLocal ? choice.local : choice.server)->setChecked(true);
}

void ConflictDialog::updateApplyEnabled()
{
    const SyncConflict *conflict = currentConflict();
    bool complete = false;
    if (conflict && conflict->entity == EntityKind::Report) {
        complete = m_draftGroup->checkedButton() != nullptr;
    } else if (conflict) {
        complete = std::all_of(m_fieldChoices.cbegin(), m_fieldChoices.cend(), [](const FieldChoice &choice) {
            return choice.local->isChecked() || choice.server->isChecked();
        });
    }
    m_apply->setEnabled(complete);
    m_keepAllLocal->setEnabled(!m_fieldChoices.isEmpty());
    m_takeAllServer->setEnabled(!m_fieldChoices.isEmpty());
}

bool ConflictDialog::applyChoice()
{
    const SyncConflict *conflict = currentConflict();
    if (!conflict || !m_apply->isEnabled())
        return false;
    const qint64 conflictId = conflict->conflictId;
    bool ok = false;
    if (conflict->entity == EntityKind::Report) {
        const QUuid keep = m_draftGroup->checkedButton() == m_localDraftChoice ? conflict->otherReportId
                                                                               : conflict->entityId;
        ok = m_journal.resolveReportConflict(conflictId, keep);
    } else {
        QMap<QString, bool> keepLocal;
        for (const FieldChoice &choice : std::as_const(m_fieldChoices))
            keepLocal.insert(choice.key, choice.local->isChecked());
        ok = m_journal.resolvePatientConflict(conflictId, keepLocal);
    }
    m_failure = ok ? Failure::None : Failure::Apply;
    m_failureReason = ok ? QString() : m_journal.lastError().message;
    updateFailureText();
    if (!ok)
        return false;
    reload(); // the decided one is gone: the next conflict takes its place in the list
    m_list->setFocus(Qt::OtherFocusReason);
    emit resolved();
    return true;
}

void ConflictDialog::updateFailureText()
{
    switch (m_failure) {
    case Failure::None:
        m_failureLabel->clear();
        m_failureLabel->hide();
        return;
    case Failure::Read:
        m_failureLabel->setText(tr("The conflicts could not be read: %1").arg(m_failureReason));
        break;
    case Failure::Apply:
        m_failureLabel->setText(
            m_failureReason.isEmpty()
                ? tr("The decision was not saved. Both versions are still kept.")
                : tr("The decision was not saved: %1\nBoth versions are still kept.").arg(m_failureReason));
        break;
    }
    m_failureLabel->setAccessibleName(m_failureLabel->text());
    m_failureLabel->show();
}

QString ConflictDialog::failureText() const
{
    return m_failure == Failure::None ? QString() : m_failureLabel->text();
}

const ConflictDialog::FieldChoice *ConflictDialog::fieldChoice(const QString &field) const
{
    for (const FieldChoice &choice : m_fieldChoices) {
        if (choice.key == field)
            return &choice;
    }
    return nullptr;
}

QStringList ConflictDialog::shownFields() const
{
    QStringList keys;
    for (const FieldChoice &choice : m_fieldChoices)
        keys << choice.key;
    return keys;
}

QRadioButton *ConflictDialog::localChoice(const QString &field) const
{
    const FieldChoice *choice = fieldChoice(field);
    return choice ? choice->local : nullptr;
}

QRadioButton *ConflictDialog::serverChoice(const QString &field) const
{
    const FieldChoice *choice = fieldChoice(field);
    return choice ? choice->server : nullptr;
}

QString ConflictDialog::localValueText(const QString &field) const
{
    const FieldChoice *choice = fieldChoice(field);
    return choice ? choice->localValue->text() : QString();
}

QString ConflictDialog::serverValueText(const QString &field) const
{
    const FieldChoice *choice = fieldChoice(field);
    return choice ? choice->serverValue->text() : QString();
}

QString ConflictDialog::serverDraftText() const
{
    return m_serverDraftText->toPlainText();
}

QString ConflictDialog::localDraftText() const
{
    return m_localDraftText->toPlainText();
}

} // namespace medora
