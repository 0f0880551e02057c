#include "sync/SyncBadge.h"

#include "sync/SyncBadgeIconEngine.h"

namespace medora {

QString SyncBadge::name(SyncState state)
{
    switch (state) {
    case SyncState::New:
        return tr("New");
    case SyncState::Modified:
        return tr("Modified");
    case SyncState::Uploading:
        return tr("Uploading");
    case SyncState::Synced:
        return tr("Synced");
    case SyncState::Error:
        return tr("Sync error");
    case SyncState::Conflict:
        return tr("Conflict");
    }
    return QString();
}

QString SyncBadge::description(SyncState state)
{
    switch (state) {
    case SyncState::New:
        return tr("New on this PC, not yet sent to the server.");
    case SyncState::Modified:
        return tr("Changed on this PC, not yet sent to the server.");
    case SyncState::Uploading:
        return tr("Being sent to the server.");
    case SyncState::Synced:
        return tr("The same as on the server.");
    case SyncState::Error:
        return tr("The server refused this change. It is kept on this PC; see Sync › Sync errors.");
    case SyncState::Conflict:
        return tr("Changed on this PC and on the server. Someone must decide which values to keep; see "
                  "Sync › Conflicts.");
    }
    return QString();
}

QColor SyncBadge::color(SyncState state)
{
    switch (state) {
    case SyncState::New:
    case SyncState::Modified:
        return QColor(0xB2, 0x6A, 0x00); // amber: waits on this PC
    case SyncState::Uploading:
        return QColor(0x15, 0x65, 0xC0); // blue: on its way
    case SyncState::Synced:
        return QColor(0x2E, 0x7D, 0x32); // green
    case SyncState::Error:
        return QColor(0xC6, 0x28, 0x28); // red
    case SyncState::Conflict:
        return QColor(0x6A, 0x1B, 0x9A); // purple: a human decides
    }
    return QColor(Qt::gray);
}

QIcon SyncBadge::icon(SyncState state)
{
    using Glyph = SyncBadgeIconEngine::Glyph;
    Glyph glyph = Glyph::Dash;
    switch (state) {
    case SyncState::New:
        glyph = Glyph::Plus;
        break;
    case SyncState::Modified:
        glyph = Glyph::Pencil;
        break;
    case SyncState::Uploading:
        glyph = Glyph::ArrowUp;
        break;
    case SyncState::Synced:
        glyph = Glyph::Check;
        break;
    case SyncState::Error:
        glyph = Glyph::Exclamation;
        break;
    case SyncState::Conflict:
        glyph = Glyph::Question;
        break;
    }
    return QIcon(new SyncBadgeIconEngine(color(state), glyph));
}

} // namespace medora
