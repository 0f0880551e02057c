#include "backup/BackupRetention.h"

#include <QSet>

#include <algorithm>

namespace medora::server {

QStringList BackupRetention::toDelete(QList<Entry> backups, int keepDaily, int keepWeekly)
{
    std::sort(backups.begin(), backups.end(),
              [](const Entry &a, const Entry &b) { return a.takenAt > b.takenAt; });
    QSet<QString> keep;
    if (!backups.isEmpty())
        keep.insert(backups.constFirst().path);
    QSet<QDate> days;
    QSet<QPair<int, int>> weeks;
    for (const Entry &entry : std::as_const(backups)) {
        const QDate day = entry.takenAt.toUTC().date();
        if (!days.contains(day) && days.size() < keepDaily) {
            days.insert(day);
            keep.insert(entry.path);
        }
        int weekYear = 0;
        const int week = day.weekNumber(&weekYear);
        const QPair<int, int> isoWeek(weekYear, week);
        if (!weeks.contains(isoWeek) && weeks.size() < keepWeekly) {
            weeks.insert(isoWeek);
            keep.insert(entry.path);
        }
    }
    QStringList doomed;
    for (const Entry &entry : std::as_const(backups)) {
        if (!keep.contains(entry.path))
            doomed << entry.path;
    }
    return doomed;
}

} // namespace medora::server
