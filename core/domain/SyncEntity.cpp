#include "domain/SyncEntity.h"

namespace medora {

namespace {

const QLatin1String kNames[] = {QLatin1String("patient"), QLatin1String("visit"), QLatin1String("report"),
                                QLatin1String("payment")};
constexpr int kNameCount = int(sizeof(kNames) / sizeof(kNames[0]));

} // namespace

QString SyncEntity::name(EntityKind kind)
{
    const int index = static_cast<int>(kind);
    if (index < 0 || index >= kNameCount)
        return QString();
    return kNames[index];
}

bool SyncEntity::fromName(const QString &name, EntityKind *kind)
{
    for (int i = 0; i < kNameCount; ++i) {
        if (name == kNames[i]) {
            if (kind)
                *kind = static_cast<EntityKind>(i);
            return true;
        }
    }
    return false;
}

} // namespace medora
