#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace medora {

// Patient data fields (the EntityJson keys that merge field by field) as a person reads them
// when choosing between two versions: a translated label, and the value formatted the way
// the registry shows it (dates as dd.mm.yyyy, phones grouped, sex in words).
class PatientFieldText
{
    Q_DECLARE_TR_FUNCTIONS(PatientFieldText)

public:
    static QString label(const QString &key);
    static QString value(const QString &key, const QJsonValue &value);
    // `keys` in the order the patient card shows them; keys the card does not know go last.
    static QStringList inCardOrder(QStringList keys);
};

} // namespace medora
