#include "cli/CommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // A headless server needs no GLib main loop; Qt's own UNIX event dispatcher is cheaper
    // per socket event (measured with scripts/bench-server).
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("medora-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEDORA_VERSION));
    return medora::server::CommandLine(QStringLiteral(MEDORA_VERSION)).run(QCoreApplication::arguments());
}
