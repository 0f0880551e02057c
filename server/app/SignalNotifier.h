#pragma once

#include <QObject>

class QSocketNotifier;

namespace medora::server {

// Turns SIGHUP, SIGTERM and SIGINT into Qt signals on the main thread. The handlers only
// write the signal number into a socket pair (the one thing that is async-signal-safe);
// a QSocketNotifier reads it in the event loop. One instance per process.
class SignalNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SignalNotifier(QObject *parent = nullptr);
    ~SignalNotifier() override;
    bool isInstalled() const { return m_installed; }

signals:
    void hangup();
    void terminate(int signalNumber);

private:
    void readSignals();

    QSocketNotifier *m_notifier = nullptr;
    bool m_installed = false;
};

} // namespace medora::server
