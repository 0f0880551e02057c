#pragma once

#include "admin/AuditClient.h"
#include "admin/AuditCsvWriter.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace medora {

class SessionManager;

// Exports every event that matches a filter to a CSV file without ever blocking the caller's
// thread: the pages come from the server asynchronously (progress() after each), then the
// file is written on a worker thread. At most kMaxEvents events, newest first.
class AuditExport : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxEvents = 100000;

    explicit AuditExport(SessionManager &session, QObject *parent = nullptr);
    ~AuditExport() override; // waits for a file being written

    // Ends in finished(), fetchFailed() or writeFailed(); a running export is cancelled first.
    void start(const AuditFilter &filter, const QString &path, const AuditCsvWriter &writer);
    void cancel();
    bool isRunning() const { return m_running; }
    int eventCount() const { return int(m_events.size()); }

signals:
    void progress(int events);
    void finished(const QString &path, int events, bool truncated);
    void fetchFailed(const medora::ApiError &error);
    void writeFailed(const QString &message); // translated

private:
    void onPage(const AuditPage &page);
    void writeFile();

    AuditClient m_client;
    AuditFilter m_filter;
    QString m_path;
    AuditCsvWriter m_writer;
    QList<AuditEvent> m_events;
    QPointer<QThread> m_thread;
    bool m_running = false;
    bool m_truncated = false;
    quint64 m_generation = 0; // a cancelled export's file may still be written: its end is not told
};

} // namespace medora
