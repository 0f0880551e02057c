#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace medora {

class SessionManager;

struct StaffMember
{
    QString id;
    QString fullName;
    QString role;
    bool active = true;
};

struct Letterhead
{
    QString clinicName, address, phone, footer; // footer: e.g. licence number
    QByteArray logoPng;                         // empty = no logo
};

// The clinic's doctors and letterhead, cached in <dataDir>/clinic.json (+ logo) so they
// work offline; refreshed from GET /api/v1/clinic when signed in.
class ClinicDirectory : public QObject
{
    Q_OBJECT

public:
    explicit ClinicDirectory(const QString &dataDir, QObject *parent = nullptr);
    QList<StaffMember> doctors() const;          // active doctors, sorted by name
    QString nameOf(const QString &userId) const; // any staff member; empty if unknown
    Letterhead letterhead() const;
    void setForTesting(const QList<StaffMember> &staff, const Letterhead &letterhead);
    void refresh(SessionManager &session); // async; emits changed() when new data is stored
    bool isRefreshing() const { return m_refreshing; }

    // Every staff member the server listed (active or not), in the server's order.
    QList<StaffMember> staff() const { return m_staff; }
    QString cachePath() const;
    // Replaces the directory with a GET /api/v1/clinic answer and stores it (changed() only
    // when something differs); false (and nothing changed) when the answer is malformed.
    bool applyServerAnswer(const QJsonObject &json);
    // The cache file in the format of the server's answer (the logo base64 inside).
    static QJsonObject toJson(const QList<StaffMember> &staff, const Letterhead &letterhead);
    static bool fromJson(const QJsonObject &json, QList<StaffMember> *staff, Letterhead *letterhead);

signals:
    void changed();
    // A refresh could not reach the server or was refused (`code`: ApiError's code); the
    // cache stays as it was.
    void refreshFailed(const QString &code);

private:
    void load();
    bool store();
    void replace(const QList<StaffMember> &staff, const Letterhead &letterhead);

    QString m_dataDir;
    QList<StaffMember> m_staff;
    Letterhead m_letterhead;
    bool m_refreshing = false;
};

} // namespace medora
