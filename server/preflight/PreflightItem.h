#pragma once

#include <QString>

namespace medora::server {

// One line of the preflight table: an item of the launch checklist and what was found.
struct PreflightItem
{
    enum class Status
    {
        Pass,
        Warn, // works, but not as the checklist wants it for a clinic (or could not be checked)
        Fail, // a must-have is missing: preflight exits non-zero
    };

    QString id;    // stable, for scripts: "secret", "tls", "backup", ...
    QString title; // "Server secret (MEDORA_SECRET)"
    Status status = Status::Pass;
    QString detail; // what was found; never a secret's value
    QString fix;    // how to fix it (empty when it passes)

    static QString statusName(Status status);
};

} // namespace medora::server
