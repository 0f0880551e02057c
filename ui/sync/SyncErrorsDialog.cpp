#include "sync/SyncErrorsDialog.h"

#include "sync/SyncReasonText.h"
#include "sync/SyncStatusIndicator.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace medora {

SyncErrorsDialog::SyncErrorsDialog(SyncJournal &journal, QWidget *parent)
    : QDialog(parent), m_journal(journal)
{
    setObjectName(QStringLiteral("syncErrorsDialog"));
    buildUi();
    readErrors();
    retranslateUi();
    const QFontMetrics metrics = fontMetrics();
    resize(metrics.averageCharWidth() * 130, metrics.lineSpacing() * 26);
}

void SyncErrorsDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("syncErrorsIntro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_failureLabel = new QLabel(this);
    m_failureLabel->setObjectName(QStringLiteral("syncErrorsFailure"));
    m_failureLabel->setWordWrap(true);
    m_failureLabel->setTextFormat(Qt::PlainText);
    m_failureLabel->setFrameShape(QFrame::StyledPanel);
    m_failureLabel->setMargin(m_failureLabel->fontMetrics().height() / 3);
    QPalette alert = m_failureLabel->palette();
    alert.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_failureLabel->setPalette(alert);
    m_failureLabel->hide();
    layout->addWidget(m_failureLabel);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("syncErrorsTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WhyColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    layout->addWidget(m_table, 1);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("syncErrorsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retryAll = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_retryAll->setObjectName(QStringLiteral("retryAllButton"));
    m_retryAll->setAutoDefault(false);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retryAll, &QPushButton::clicked, this, &SyncErrorsDialog::retryAll);
}

void SyncErrorsDialog::retranslateUi()
{
    setWindowTitle(tr("Sync errors"));
    m_intro->setText(tr("The server did not accept these changes. They are kept on this PC and are never "
                        "discarded. Remove the cause if you can, then retry; a change waiting for something "
                        "else to reach the server first is retried by itself."));
    m_empty->setText(tr("No change is waiting on an error."));
    m_retryAll->setText(tr("Retry &all"));
    m_retryAll->setAccessibleName(tr("Retry all refused changes"));
    m_table->setAccessibleName(tr("Changes the server refused"));
    m_table->setHorizontalHeaderLabels(
        {tr("What"), tr("Why"), tr("Since"), tr("Attempts"), tr("Retry", "column header")});
    if (QPushButton *close = m_buttons->button(QDialogButtonBox::Close))
        close->setText(tr("&Close"));
    updateFailureText();
    fillTable();
}

void SyncErrorsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SyncErrorsDialog::reload()
{
    readErrors();
    fillTable();
}

void SyncErrorsDialog::readErrors()
{
    m_errors = m_journal.errors();
    const StoreError error = m_journal.lastError();
    if (!error.ok())
        setFailure(Failure::Read, error.message);
    else if (m_failure == Failure::Read)
        setFailure(Failure::None, QString());
}

void SyncErrorsDialog::setFailure(Failure failure, const QString &reason)
{
    m_failure = failure;
    m_failureReason = reason;
    updateFailureText();
}

void SyncErrorsDialog::fillTable()
{
    const int currentRow = m_table->currentRow();
    m_table->setRowCount(0);
    m_table->setRowCount(int(m_errors.size()));
    QWidget *previous = m_table;
    for (int row = 0; row < m_errors.size(); ++row) {
        const OutboxError &error = m_errors.at(row);
        const QString what = SyncReasonText::entityText(error.entity, error.entityLabel, error.entityId);

        auto *whatItem = new QTableWidgetItem(what);
        whatItem->setToolTip(error.entityId.toString(QUuid::WithoutBraces));
        m_table->setItem(row, WhatColumn, whatItem);

        const QString why = SyncReasonText::describe(error.reasonCode, error.reasonMessage);
        auto *whyItem = new QTableWidgetItem(why);
        QString whyTip = why;
        if (!error.reasonCode.isEmpty())
            whyTip += QLatin1Char('\n') + tr("Reason code: %1").arg(error.reasonCode);
        if (!error.reasonMessage.isEmpty())
            whyTip += QLatin1Char('\n') + tr("Server's message (for support): %1").arg(error.reasonMessage);
        whyItem->setToolTip(whyTip);
        m_table->setItem(row, WhyColumn, whyItem);

        auto *sinceItem = new QTableWidgetItem(error.firstQueuedAt.isValid()
                                                   ? SyncStatusIndicator::localTimeText(error.firstQueuedAt)
                                                   : QString());
        if (error.lastTriedAt.isValid())
            sinceItem->setToolTip(
                tr("Last attempt: %1").arg(SyncStatusIndicator::localTimeText(error.lastTriedAt)));
        m_table->setItem(row, SinceColumn, sinceItem);

        auto *attemptsItem = new QTableWidgetItem;
        attemptsItem->setData(Qt::DisplayRole, error.attempts);
        attemptsItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, AttemptsColumn, attemptsItem);

        auto *button = new QPushButton(tr("Retry"), m_table);
        button->setObjectName(QStringLiteral("retryButton_%1").arg(error.outboxSeq));
        button->setAutoDefault(false);
        button->setAccessibleName(tr("Retry: %1").arg(what));
        // The view deletes its cell widgets later (deleteLater), so reloading from here is safe.
        connect(button, &QPushButton::clicked, this, [this, seq = error.outboxSeq] {
            for (int i = 0; i < m_errors.size(); ++i) {
                if (m_errors.at(i).outboxSeq == seq) {
                    retry(i);
                    return;
                }
            }
        });
        m_table->setCellWidget(row, RetryColumn, button);
        // Cell buttons are made after the dialog's own: put them right after the table.
        setTabOrder(previous, button);
        previous = button;
    }
    setTabOrder(previous, m_retryAll);
    m_table->resizeRowsToContents();
    if (!m_errors.isEmpty())
        m_table->setCurrentCell(std::min(std::max(currentRow, 0), int(m_errors.size()) - 1), WhatColumn);

    const bool empty = m_errors.isEmpty();
    m_table->setVisible(!empty);
    m_empty->setVisible(empty);
    m_retryAll->setEnabled(!empty);
}

QPushButton *SyncErrorsDialog::retryButton(int row) const
{
    return qobject_cast<QPushButton *>(m_table->cellWidget(row, RetryColumn));
}

bool SyncErrorsDialog::retry(int row)
{
    if (row < 0 || row >= m_errors.size())
        return false;
    const bool ok = m_journal.retryError(m_errors.at(row).outboxSeq);
    setFailure(ok ? Failure::None : Failure::Retry, ok ? QString() : m_journal.lastError().message);
    reload();
    keepKeyboardFocus(row);
    if (ok)
        emit retried();
    return ok;
}

bool SyncErrorsDialog::retryAll()
{
    if (m_errors.isEmpty())
        return false;
    const bool ok = m_journal.retryAllErrors();
    setFailure(ok ? Failure::None : Failure::Retry, ok ? QString() : m_journal.lastError().message);
    reload();
    keepKeyboardFocus(0);
    if (ok)
        emit retried();
    return ok;
}

void SyncErrorsDialog::keepKeyboardFocus(int row)
{
    // The pressed button went with the reload: focus moves to the row now in its place, or
    // to Close when the list is empty, never to nowhere.
    if (!m_errors.isEmpty()) {
        if (QPushButton *button = retryButton(std::min(row, int(m_errors.size()) - 1)))
            button->setFocus(Qt::OtherFocusReason);
    } else if (QPushButton *close = m_buttons->button(QDialogButtonBox::Close)) {
        close->setFocus(Qt::OtherFocusReason);
    }
}

QString SyncErrorsDialog::failureText() const
{
    return m_failure == Failure::None ? QString() : m_failureLabel->text();
}

void SyncErrorsDialog::updateFailureText()
{
    switch (m_failure) {
    case Failure::None:
        m_failureLabel->clear();
        m_failureLabel->hide();
        return;
    case Failure::Read:
        m_failureLabel->setText(tr("The list of refused changes could not be read: %1").arg(m_failureReason));
        break;
    case Failure::Retry:
        m_failureLabel->setText(
            m_failureReason.isEmpty()
                ? tr("The change could not be put back in the queue.")
                : tr("The change could not be put back in the queue: %1").arg(m_failureReason));
        break;
    }
    m_failureLabel->setAccessibleName(m_failureLabel->text());
    m_failureLabel->show();
}

} // namespace medora
