#include "cli/CommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("medora-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEDORA_VERSION));
    return medora::server::CommandLine(QStringLiteral(MEDORA_VERSION)).run(QCoreApplication::arguments());
}
