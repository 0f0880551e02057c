#pragma once

#include "store/SyncJournal.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace medora {

// The changes the server refused, or that failed to be sent too often: what each one is,
// why (the server's reason in the user's language), since when and how many attempts. A row
// can be put back in the queue ("Retry"), or all of them. Nothing can be thrown away here:
// a refused change stays on this PC until it reaches the server.
class SyncErrorsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        WhatColumn,
        WhyColumn,
        SinceColumn,
        AttemptsColumn,
        RetryColumn,
        ColumnCount
    };

    explicit SyncErrorsDialog(SyncJournal &journal, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    int errorCount() const { return int(m_errors.size()); }
    const QList<OutboxError> &errors() const { return m_errors; }
    QPushButton *retryButton(int row) const;
    QPushButton *retryAllButton() const { return m_retryAll; }
    // The banner shown when the journal refused a retry or could not read the list; empty
    // otherwise.
    QString failureText() const;

public slots:
    // Reads the error list again (the engine may have added or cleared some).
    void reload();
    bool retry(int row);
    bool retryAll();

signals:
    // Changes went back to the outbox: a sync round should follow.
    void retried();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Failure
    {
        None,
        Read,
        Retry
    };

    void buildUi();
    void retranslateUi();
    void fillTable();
    void readErrors();
    void setFailure(Failure failure, const QString &reason);
    void updateFailureText();
    void keepKeyboardFocus(int row);

    SyncJournal &m_journal;
    QList<OutboxError> m_errors;
    Failure m_failure = Failure::None;
    // The store's reason, kept to word the banner again after a language switch.
    QString m_failureReason;

    QLabel *m_intro = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_failureLabel = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_retryAll = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace medora
