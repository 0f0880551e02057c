#pragma once

#include <QString>

namespace medora {

// Why a local-store operation failed. `message` is translated and names the file or
// field involved, ready to show to the user.
struct StoreError
{
    enum class Code
    {
        None,
        CannotCreateFolder, // the data folder is missing and cannot be created, or is not a folder
        CannotOpen,         // the file exists but cannot be opened (permissions, locked, I/O)
        NotADatabase,       // the file is not SQLite or is damaged (SQLITE_NOTADB / SQLITE_CORRUPT)
        ForeignDatabase,    // a valid SQLite file that belongs to another program
        NewerSchema,        // made by a newer Medora; we refuse rather than damage it
        DiskFull,           // SQLITE_FULL: nothing of the write was applied
        ReadOnly,
        Busy,
        NotFound,
        Constraint,
        Io,
        Invalid,   // the values given break a rule of the record; the message names the field
        Immutable, // the record may no longer change (a signed report, a payment)
        Other,
    };

    Code code = Code::None;
    QString message;

    bool ok() const { return code == Code::None; }
};

} // namespace medora
