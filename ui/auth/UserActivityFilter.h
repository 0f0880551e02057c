#pragma once

#include <QObject>

namespace medora {

class IdleLock;

// Installed on the application: every keyboard, mouse, wheel, touch or tablet input of the
// user, in any window, restarts the idle time of the IdleLock. Never swallows an event.
class UserActivityFilter : public QObject
{
    Q_OBJECT

public:
    explicit UserActivityFilter(IdleLock &idleLock, QObject *parent = nullptr);
    ~UserActivityFilter() override;

    static bool isUserInput(int eventType);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    IdleLock &m_idleLock;
};

} // namespace medora
