#pragma once

#include <QList>
#include <QString>

namespace medora {

// A validation failure tied to one input field, so a dialog can show it next to that field.
struct FieldError
{
    QString field;   // stable field key, e.g. "lastName", "phone", "birthDate"
    QString message; // already translated into the user's language

    bool operator==(const FieldError &other) const
    {
        return field == other.field && message == other.message;
    }
};

using FieldErrors = QList<FieldError>;

} // namespace medora
