#include "auth/UserActivityFilter.h"

#include "session/IdleLock.h"

#include <QEvent>

namespace medora {

UserActivityFilter::UserActivityFilter(IdleLock &idleLock, QObject *parent)
    : QObject(parent), m_idleLock(idleLock)
{}

UserActivityFilter::~UserActivityFilter() = default;

bool UserActivityFilter::isUserInput(int eventType)
{
    switch (eventType) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

bool UserActivityFilter::eventFilter(QObject *watched, QEvent *event)
{
    // An event seen twice (window, then widget) costs nothing: IdleLock only restarts a clock.
    if (isUserInput(event->type()))
        m_idleLock.userActivity();
    return QObject::eventFilter(watched, event);
}

} // namespace medora
