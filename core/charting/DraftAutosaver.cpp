#include "charting/DraftAutosaver.h"

#include <QSqlQuery>
#include <QVariant>

namespace medora {

DraftAutosaver::DraftAutosaver(ReportStore &store, QObject *parent) : QObject(parent), m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDebounceMs);
    connect(&m_timer, &QTimer::timeout, this, &DraftAutosaver::flush);
}

void DraftAutosaver::setDraft(const Report &draft, SectionsSource source)
{
    m_timer.stop();
    m_pending = false;
    m_error.clear();
    m_draft = draft;
    m_source = std::move(source);
}

void DraftAutosaver::clear()
{
    setDraft(Report(), SectionsSource());
}

void DraftAutosaver::setDebounceMs(int ms)
{
    m_timer.setInterval(ms);
}

void DraftAutosaver::markEdited()
{
    if (!hasDraft() || m_draft.status != ReportStatus::Draft)
        return;
    m_pending = true;
    m_timer.start();
}

bool DraftAutosaver::flush()
{
    m_timer.stop();
    if (!m_pending)
        return m_error.isEmpty();
    return write();
}

bool DraftAutosaver::write()
{
    QElapsedTimer clock;
    clock.start();
    Report candidate = m_draft;
    if (m_source)
        candidate.sections = m_source();

    // The connection runs WAL with synchronous=NORMAL: a killed process keeps every commit,
    // but a power cut may take the last ones back. A draft is the one thing a doctor cannot
    // type again from memory, so its commits are synced to disk (FULL) for this write only;
    // that is one fsync of one small WAL append, not a checkpoint.
    QSqlDatabase connection = m_store.database().connection();
    QSqlQuery pragma(connection);
    int previous = 1;
    if (pragma.exec(QStringLiteral("PRAGMA synchronous")) && pragma.next())
        previous = pragma.value(0).toInt();
    const bool raise = previous < 2 && !m_store.database().inTransaction();
    if (raise)
        pragma.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    const bool ok = m_store.update(candidate);
    if (raise)
        pragma.exec(QStringLiteral("PRAGMA synchronous=%1").arg(previous));
    m_lastWriteMs = clock.elapsed();

    if (!ok) {
        // The text stays in the editor and the edit stays pending: the next edit or flush
        // tries again.
        m_error = m_store.lastError().message;
        emit saveFailed(m_error);
        return false;
    }
    m_pending = false;
    m_error.clear();
    m_draft = candidate;
    emit saved(m_draft.localId);
    return true;
}

} // namespace medora
