#include "admin/AuditExport.h"

#include <memory>

namespace medora {

AuditExport::AuditExport(SessionManager &session, QObject *parent) : QObject(parent), m_client(session)
{
    connect(&m_client, &AuditClient::pageReady, this, &AuditExport::onPage);
    connect(&m_client, &AuditClient::failed, this, [this](const ApiError &error) {
        m_running = false;
        m_events.clear();
        emit fetchFailed(error);
    });
}

AuditExport::~AuditExport()
{
    m_client.cancel();
    if (m_thread)
        m_thread->wait();
}

void AuditExport::start(const AuditFilter &filter, const QString &path, const AuditCsvWriter &writer)
{
    cancel();
    m_filter = filter;
    m_path = path;
    m_writer = writer;
    m_events.clear();
    m_truncated = false;
    m_running = true;
    m_client.fetch(m_filter);
}

void AuditExport::cancel()
{
    ++m_generation;
    m_client.cancel();
    m_running = false;
    m_events.clear();
}

void AuditExport::onPage(const AuditPage &page)
{
    if (!m_running)
        return;
    m_events.append(page.events);
    if (m_events.size() > kMaxEvents) {
        m_events.resize(kMaxEvents);
        m_truncated = true;
    }
    emit progress(int(m_events.size()));
    if (page.next > 0 && !m_truncated) {
        m_client.fetch(m_filter, page.next);
        return;
    }
    writeFile();
}

void AuditExport::writeFile()
{
    // The worker owns copies: the export may be started again while it writes.
    auto error = std::make_shared<QString>();
    auto ok = std::make_shared<bool>(false);
    const QList<AuditEvent> events = m_events;
    const AuditCsvWriter writer = m_writer;
    const QString path = m_path;
    const bool truncated = m_truncated;
    m_events.clear();
    QThread *thread =
        QThread::create([events, writer, path, error, ok] { *ok = writer.write(path, events, error.get()); });
    m_thread = thread;
    const quint64 generation = m_generation;
    connect(thread, &QThread::finished, this,
            [this, thread, error, ok, path, count = int(events.size()), truncated, generation] {
                thread->deleteLater();
                if (generation != m_generation)
                    return;
                m_running = false;
                if (*ok)
                    emit finished(path, count, truncated);
                else
                    emit writeFailed(*error);
            });
    thread->start();
}

} // namespace medora
