#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <vector>

namespace medora {

// The ordered schema steps of the local database. Step N takes a file from user_version
// N-1 to N. Steps only run SQL; Database::migrate() wraps all pending steps of one open in
// a single transaction and bumps PRAGMA user_version, so a crash or error mid-way leaves
// the file at its old version.
class Migrations
{
public:
    struct Step
    {
        int version;             // user_version after this step
        const char *description; // for logs and docs, not shown to users
        // Runs the step on `db`; on failure fills `error` and returns false.
        bool (*apply)(QSqlDatabase &db, QSqlError &error);
    };

    static const std::vector<Step> &steps();
    static int latestVersion();
};

} // namespace medora
