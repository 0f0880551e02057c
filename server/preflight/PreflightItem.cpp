#include "preflight/PreflightItem.h"

namespace medora::server {

QString PreflightItem::statusName(Status status)
{
    switch (status) {
    case Status::Pass:
        return QStringLiteral("PASS");
    case Status::Warn:
        return QStringLiteral("WARN");
    case Status::Fail:
        return QStringLiteral("FAIL");
    }
    return {};
}

} // namespace medora::server
