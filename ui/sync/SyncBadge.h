#pragma once

#include "domain/SyncState.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace medora {

// How one row's sync state looks in a list: a short name, a sentence for the tool tip and
// for screen readers, and a badge icon whose glyph (not only its colour) tells the states
// apart.
class SyncBadge
{
    Q_DECLARE_TR_FUNCTIONS(SyncBadge)

public:
    static QString name(SyncState state);
    static QString description(SyncState state);
    static QColor color(SyncState state);
    static QIcon icon(SyncState state);
};

} // namespace medora
