#pragma once

#include "domain/Visit.h"

#include <QCoreApplication>
#include <QString>

namespace medora {

// The queue ticket handed to the patient (80 mm receipt paper): the ticket number large,
// the doctor, the day and the time queued. No patient name: tickets are left on chairs,
// and the wall screen calls by number too.
class TicketHtmlBuilder
{
    Q_DECLARE_TR_FUNCTIONS(TicketHtmlBuilder)

public:
    TicketHtmlBuilder(const Visit &visit, const QString &doctorName);

    QString title() const;
    QString bodyHtml() const; // every user text escaped

private:
    Visit m_visit;
    QString m_doctorName;
};

} // namespace medora
