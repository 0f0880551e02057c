#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace medora::server {

// Which backups to delete: the newest backup of each of the newest `keepDaily` UTC days that
// have one, and of each of the newest `keepWeekly` ISO weeks, are kept; so is the newest
// backup of all. Everything else goes.
class BackupRetention
{
public:
    struct Entry
    {
        QString path;
        QDateTime takenAt; // UTC
    };

    static QStringList toDelete(QList<Entry> backups, int keepDaily, int keepWeekly);
};

} // namespace medora::server
