#include "clinic/ClinicDirectory.h"

#include "session/SessionManager.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

#include <algorithm>

namespace medora {

namespace {

Q_LOGGING_CATEGORY(lcClinic, "medora.clinic")

constexpr int kCacheFormat = 1;
// A cache larger than this is not ours (the server's logo limit is 256 KiB, base64 inside).
constexpr qint64 kMaxCacheBytes = 2 * 1024 * 1024;

QString doctorRole()
{
    return QStringLiteral("doctor");
}

bool readString(const QJsonObject &object, const QString &key, QString *out, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        out->clear();
        return !required;
    }
    if (!value.isString())
        return false;
    *out = value.toString();
    return true;
}

} // namespace

ClinicDirectory::ClinicDirectory(const QString &dataDir, QObject *parent)
    : QObject(parent), m_dataDir(dataDir)
{
    load();
}

QString ClinicDirectory::cachePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("clinic.json"));
}

QList<StaffMember> ClinicDirectory::doctors() const
{
    QList<StaffMember> result;
    for (const StaffMember &member : m_staff) {
        if (member.active && member.role == doctorRole())
            result.append(member);
    }
    // Names are Cyrillic or Uzbek Latin: a locale-aware, case-insensitive order, stable by id.
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(result.begin(), result.end(), [&collator](const StaffMember &a, const StaffMember &b) {
        const int order = collator.compare(a.fullName, b.fullName);
        return order != 0 ? order < 0 : a.id < b.id;
    });
    return result;
}

QString ClinicDirectory::nameOf(const QString &userId) const
{
    for (const StaffMember &member : m_staff) {
        if (member.id == userId)
            return member.fullName;
    }
    return {};
}

Letterhead ClinicDirectory::letterhead() const
{
    return m_letterhead;
}

void ClinicDirectory::setForTesting(const QList<StaffMember> &staff, const Letterhead &letterhead)
{
    replace(staff, letterhead);
}

void ClinicDirectory::refresh(SessionManager &session)
{
    // One answer in flight is enough: a second would only bring the same data.
    if (m_refreshing)
        return;
    m_refreshing = true;
    session.authorizedSend("GET", QStringLiteral("clinic"), nullptr, ApiClient::RequestOptions(), this,
                           [this](const ApiClient::Response &response) {
                               m_refreshing = false;
                               if (!response.ok()) {
                                   qCInfo(lcClinic)
                                       << "clinic directory not refreshed:" << response.error.code;
                                   emit refreshFailed(response.error.code);
                                   return;
                               }
                               if (!applyServerAnswer(response.json)) {
                                   qCWarning(lcClinic)
                                       << "the server's clinic answer is malformed; the cache stays";
                                   emit refreshFailed(ApiError::badResponseCode());
                               }
                           });
}

bool ClinicDirectory::applyServerAnswer(const QJsonObject &json)
{
    QList<StaffMember> staff;
    Letterhead letterhead;
    if (!fromJson(json, &staff, &letterhead))
        return false;
    replace(staff, letterhead);
    return true;
}

QJsonObject ClinicDirectory::toJson(const QList<StaffMember> &staff, const Letterhead &letterhead)
{
    QJsonArray members;
    for (const StaffMember &member : staff) {
        members.append(QJsonObject{{QStringLiteral("id"), member.id},
                                   {QStringLiteral("fullName"), member.fullName},
                                   {QStringLiteral("role"), member.role},
                                   {QStringLiteral("active"), member.active}});
    }
    QJsonObject head{{QStringLiteral("address"), letterhead.address},
                     {QStringLiteral("phone"), letterhead.phone},
                     {QStringLiteral("footer"), letterhead.footer}};
    if (!letterhead.logoPng.isEmpty())
        head.insert(QStringLiteral("logo"), QString::fromLatin1(letterhead.logoPng.toBase64()));
    return QJsonObject{{QStringLiteral("name"), letterhead.clinicName},
                       {QStringLiteral("letterhead"), head},
                       {QStringLiteral("staff"), members}};
}

bool ClinicDirectory::fromJson(const QJsonObject &json, QList<StaffMember> *staff, Letterhead *letterhead)
{
    Letterhead head;
    if (!readString(json, QStringLiteral("name"), &head.clinicName, true))
        return false;
    const QJsonValue headValue = json.value(QStringLiteral("letterhead"));
    if (!headValue.isObject())
        return false;
    const QJsonObject headObject = headValue.toObject();
    QString logo;
    if (!readString(headObject, QStringLiteral("address"), &head.address, false) ||
        !readString(headObject, QStringLiteral("phone"), &head.phone, false) ||
        !readString(headObject, QStringLiteral("footer"), &head.footer, false) ||
        !readString(headObject, QStringLiteral("logo"), &logo, false))
        return false;
    if (!logo.isEmpty()) {
        const QByteArray::FromBase64Result decoded =
            QByteArray::fromBase64Encoding(logo.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        head.logoPng = decoded.decoded;
    }
    const QJsonValue staffValue = json.value(QStringLiteral("staff"));
    if (!staffValue.isArray())
        return false;
    QList<StaffMember> members;
    for (const QJsonValue &value : staffValue.toArray()) {
        if (!value.isObject())
            return false;
        const QJsonObject object = value.toObject();
        StaffMember member;
        const QJsonValue active = object.value(QStringLiteral("active"));
        if (!readString(object, QStringLiteral("id"), &member.id, true) || member.id.isEmpty() ||
            !readString(object, QStringLiteral("fullName"), &member.fullName, true) ||
            !readString(object, QStringLiteral("role"), &member.role, true) || !active.isBool())
            return false;
        member.active = active.toBool();
        members.append(member);
    }
    *staff = members;
    *letterhead = head;
    return true;
}

void ClinicDirectory::load()
{
    QFile file(cachePath());
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcClinic) << "clinic cache unreadable, ignored:" << file.errorString();
        return;
    }
    if (file.size() > kMaxCacheBytes) {
        qCWarning(lcClinic) << "clinic cache too large, ignored:" << file.size() << "bytes";
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QList<StaffMember> staff;
    Letterhead letterhead;
    if (error.error != QJsonParseError::NoError || !document.isObject() ||
        document.object().value(QStringLiteral("format")).toInt() != kCacheFormat ||
        !fromJson(document.object(), &staff, &letterhead)) {
        // The next refresh rewrites it; until then the app runs without names and letterhead.
        qCWarning(lcClinic) << "clinic cache is corrupt, ignored:" << cachePath();
        return;
    }
    m_staff = staff;
    m_letterhead = letterhead;
}

bool ClinicDirectory::store()
{
    QJsonObject json = toJson(m_staff, m_letterhead);
    json.insert(QStringLiteral("format"), kCacheFormat);
    if (!QDir().mkpath(m_dataDir)) {
        qCWarning(lcClinic) << "clinic cache folder cannot be created:" << m_dataDir;
        return false;
    }
    QSaveFile file(cachePath());
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcClinic) << "clinic cache cannot be written:" << file.errorString();
        return false;
    }
    file.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        qCWarning(lcClinic) << "clinic cache cannot be written:" << file.errorString();
        return false;
    }
    return true;
}

void ClinicDirectory::replace(const QList<StaffMember> &staff, const Letterhead &letterhead)
{
    if (toJson(staff, letterhead) == toJson(m_staff, m_letterhead) && QFile::exists(cachePath()))
        return;
    m_staff = staff;
    m_letterhead = letterhead;
    // Kept in memory even when the disk refuses it: the session still has the answer.
    store();
    emit changed();
}

} // namespace medora
