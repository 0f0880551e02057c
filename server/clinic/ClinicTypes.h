#pragma once

#include "auth/Role.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace medora::server {

// What printouts carry at the top and bottom of a page (GET/PUT /api/v1/clinic*).
struct ClinicLetterhead
{
    QString address;
    QString phone;
    QString footer;      // e.g. the licence number
    QByteArray logoPng;  // empty: no logo
    QDateTime updatedAt; // invalid until the first update
    QString updatedBy;
};

// A staff member as every colleague may see them: no login, phone or other private data.
struct ClinicStaffEntry
{
    QString id;
    QString fullName;
    Role role = Role::Receptionist;
    bool active = true;
};

struct ClinicProfile
{
    QString id;
    QString name;
    ClinicLetterhead letterhead;
    QList<ClinicStaffEntry> staff; // by full name
};

} // namespace medora::server
