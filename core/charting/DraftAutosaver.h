#pragma once

#include "domain/Report.h"
#include "store/ReportStore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace medora {

// Writes a report draft to the local store while it is being typed: a short while after
// the last edit (kDebounceMs), and at once on flush() (focus leaving the editor, closing,
// signing). A keystroke only restarts a timer; the sections are read from the editor when
// the write happens, so typing costs nothing. Each write is one row and its outbox entry,
// made durable before it returns: a process killed or a power cut after saved() loses
// nothing of what was saved.
class DraftAutosaver : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 500;
    using SectionsSource = std::function<ReportSections()>;

    explicit DraftAutosaver(ReportStore &store, QObject *parent = nullptr);

    // The draft being edited (it must be stored: localId set) and where its text comes from.
    void setDraft(const Report &draft, SectionsSource source);
    void clear();
    Report draft() const { return m_draft; }
    bool hasDraft() const { return m_draft.localId != 0; }

    void setDebounceMs(int ms);
    bool isPending() const { return m_pending; }
    QString lastError() const { return m_error; }
    // Milliseconds the last write took (store update + sync), for the benchmark.
    qint64 lastWriteMs() const { return m_lastWriteMs; }

public slots:
    // An edit happened: write after the debounce.
    void markEdited();
    // Writes now when an edit is pending. False when the store refused (lastError()).
    bool flush();

signals:
    void saved(qint64 reportLocalId);
    void saveFailed(const QString &message);

private:
    bool write();

    ReportStore &m_store;
    Report m_draft;
    SectionsSource m_source;
    QTimer m_timer;
    bool m_pending = false;
    QString m_error;
    qint64 m_lastWriteMs = 0;
};

} // namespace medora
