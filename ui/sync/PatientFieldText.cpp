#include "sync/PatientFieldText.h"

#include "domain/EntityJson.h"
#include "domain/PhoneNumber.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace medora {

QString PatientFieldText::label(const QString &key)
{
    if (key == QLatin1String("lastName"))
        return tr("Last name");
    if (key == QLatin1String("firstName"))
        return tr("First name");
    if (key == QLatin1String("fatherName"))
        return tr("Father's name");
    if (key == QLatin1String("birthDate"))
        return tr("Date of birth");
    if (key == QLatin1String("birthDateEstimated"))
        return tr("Date of birth is estimated");
    if (key == QLatin1String("sex"))
        return tr("Sex");
    if (key == QLatin1String("phone"))
        return tr("Phone");
    if (key == QLatin1String("address"))
        return tr("Address");
    if (key == QLatin1String("allergies"))
        return tr("Allergies");
    if (key == QLatin1String("medications"))
        return tr("Current medications");
    if (key == QLatin1String("history"))
        return tr("Chronic conditions and history");
    if (key == QLatin1String("notes"))
        return tr("Notes");
    return key;
}

QString PatientFieldText::value(const QString &key, const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return key == QLatin1String("birthDate") ? tr("(unknown)") : tr("(empty)");
    if (key == QLatin1String("birthDateEstimated") && value.isBool())
        return value.toBool() ? tr("Yes, from the age given") : tr("No, the exact date");
    if (key == QLatin1String("sex") && value.isString()) {
        Sex sex = Sex::Unknown;
        if (EntityJson::sexFromName(value.toString(), &sex)) {
            switch (sex) {
            case Sex::Male:
                return tr("Male");
            case Sex::Female:
                return tr("Female");
            case Sex::Unknown:
                return tr("Not given");
            }
        }
        return value.toString();
    }
    if (key == QLatin1String("birthDate") && value.isString()) {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        return date.isValid() ? date.toString(QStringLiteral("dd.MM.yyyy")) : value.toString();
    }
    if (key == QLatin1String("phone") && value.isString()) {
        const QString phone = value.toString();
        if (phone.isEmpty())
            return tr("(empty)");
        const QString formatted = PhoneNumber::format(phone);
        return formatted.isEmpty() ? phone : formatted;
    }
    if (value.isString())
        return value.toString().isEmpty() ? tr("(empty)") : value.toString();
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QStringList PatientFieldText::inCardOrder(QStringList keys)
{
    const QStringList order = EntityJson::patientMergeFields();
    std::stable_sort(keys.begin(), keys.end(), [&order](const QString &a, const QString &b) {
        const auto rank = [&order](const QString &key) {
            const int index = int(order.indexOf(key));
            return index < 0 ? int(order.size()) : index;
        };
        return rank(a) < rank(b);
    });
    return keys;
}

} // namespace medora
