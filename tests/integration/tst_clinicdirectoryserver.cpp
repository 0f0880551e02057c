#include "MemorySecretStore.h"
#include "ServerProcess.h"
#include "TestHttpClient.h"
#include "api/ApiClient.h"
#include "clinic/ClinicDirectory.h"
#include "clinic/LetterheadClient.h"
#include "session/SessionManager.h"

#include <QBuffer>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora;

namespace {

const QString kPassword = QStringLiteral("pomegranate river 61");

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(QColor(200, 40, 60));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// One desktop client core: its API client and session, signed in as `login`.
struct ClientCore
{
    MemorySecretStore secrets;
    ApiClient api;
    std::unique_ptr<SessionManager> session;

    bool signIn(const ServerProcess &server, const QString &login)
    {
        QString error;
        if (!api.setCaCertificateFile(server.certificateFile(), &error))
            return false;
        session = std::make_unique<SessionManager>(api, secrets);
        if (!session->setServerAddress(server.baseUrl()).ok())
            return false;
        QSignalSpy signedIn(session.get(), &SessionManager::signedIn);
        session->signIn(login, kPassword);
        return signedIn.wait(15000);
    }
};

} // namespace

// ClinicDirectory and LetterheadClient against the real medora-server over HTTPS: the
// doctors' names and the letterhead arrive, survive a restart offline, and only the clinic
// admin may change the letterhead.
class TestClinicDirectoryServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;
    QString clinicId;
    QString doctorId, secondDoctorId, leftDoctorId;
    QByteArray logo;
    QTemporaryDir dataDir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_clinicdirectoryserver"));
        QSettings().clear();

        ServerProcess::Options options;
        options.tls = true;
        server = std::make_unique<ServerProcess>(options);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        clinicId = server->createClinic(QStringLiteral("Shifo Nur klinikasi"));
        QVERIFY(!clinicId.isEmpty());
        QVERIFY(
            !server->createUser(clinicId, QStringLiteral("boss"), QStringLiteral("clinic_admin"), kPassword)
                 .id.isEmpty());
        QVERIFY(
            !server->createUser(clinicId, QStringLiteral("desk"), QStringLiteral("receptionist"), kPassword)
                 .id.isEmpty());
        doctorId =
            server->createUser(clinicId, QStringLiteral("doc.a"), QStringLiteral("doctor"), kPassword).id;
        secondDoctorId =
            server->createUser(clinicId, QStringLiteral("doc.b"), QStringLiteral("doctor"), kPassword).id;
        leftDoctorId =
            server->createUser(clinicId, QStringLiteral("doc.c"), QStringLiteral("doctor"), kPassword).id;
        QVERIFY(!doctorId.isEmpty() && !secondDoctorId.isEmpty() && !leftDoctorId.isEmpty());

        TestHttpClient admin;
        server->configureClient(admin);
        QCOMPARE(admin.login(QStringLiteral("boss"), kPassword).status, 200);
        QCOMPARE(admin
                     .patchJson(QStringLiteral("/api/v1/staff/") + doctorId,
                                {{"fullName", QStringLiteral("Юсупова Малика Рустамовна")}})
                     .status,
                 200);
        QCOMPARE(admin
                     .patchJson(QStringLiteral("/api/v1/staff/") + secondDoctorId,
                                {{"fullName", QStringLiteral("Gʻofurov Oʻktam")}})
                     .status,
                 200);
        QCOMPARE(
            admin.patchJson(QStringLiteral("/api/v1/staff/") + leftDoctorId, {{"disabled", true}}).status,
            200);
        logo = png(90, 45);
        const TestHttpResponse put =
            admin.request("PUT", QStringLiteral("/api/v1/clinic/letterhead"),
                          QJsonDocument(QJsonObject{{"address", QStringLiteral("Тошкент, Чилонзор 7")},
                                                    {"phone", "+998 71 123-45-67"},
                                                    {"footer", QStringLiteral("Litsenziya № 5")},
                                                    {"logo", QString::fromLatin1(logo.toBase64())}})
                              .toJson(),
                          {{"Content-Type", "application/json"}});
        QVERIFY2(put.status == 200, put.body.constData());
    }

    void cleanupTestCase() { server.reset(); }

    void refreshFillsDoctorsAndLetterhead()
    {
        ClientCore desk;
        QVERIFY(desk.signIn(*server, QStringLiteral("desk")));
        ClinicDirectory directory(dataDir.path());
        QSignalSpy changed(&directory, &ClinicDirectory::changed);
        directory.refresh(*desk.session);
        QVERIFY(directory.isRefreshing());
        QVERIFY(changed.wait(15000));
        QVERIFY(!directory.isRefreshing());

        const QList<StaffMember> doctors = directory.doctors();
        QCOMPARE(doctors.size(), 2);
        QCOMPARE(doctors.at(0).id, secondDoctorId);
        QCOMPARE(doctors.at(0).fullName, QStringLiteral("Gʻofurov Oʻktam"));
        QCOMPARE(doctors.at(1).fullName, QStringLiteral("Юсупова Малика Рустамовна"));
        QCOMPARE(directory.nameOf(leftDoctorId), QStringLiteral("Test doc.c"));
        const Letterhead head = directory.letterhead();
        QCOMPARE(head.clinicName, QStringLiteral("Shifo Nur klinikasi"));
        QCOMPARE(head.address, QStringLiteral("Тошкент, Чилонзор 7"));
        QCOMPARE(head.phone, QStringLiteral("+998 71 123-45-67"));
        QCOMPARE(head.footer, QStringLiteral("Litsenziya № 5"));
        QCOMPARE(head.logoPng, logo);

        // A later start without the server: everything from the cache.
        ClinicDirectory offline(dataDir.path());
        QCOMPARE(offline.doctors().size(), 2);
        QCOMPARE(offline.letterhead().logoPng, logo);
    }

    void onlyTheAdminSavesTheLetterhead()
    {
        ClientCore desk;
        QVERIFY(desk.signIn(*server, QStringLiteral("desk")));
        ClinicDirectory deskDirectory(dataDir.path());
        LetterheadClient refused(*desk.session, deskDirectory);
        QSignalSpy failed(&refused, &LetterheadClient::failed);
        Letterhead changed = deskDirectory.letterhead();
        changed.footer = QStringLiteral("Not allowed");
        refused.save(changed);
        QVERIFY(failed.wait(15000));
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(error.code, QStringLiteral("forbidden"));

        ClientCore boss;
        QVERIFY(boss.signIn(*server, QStringLiteral("boss")));
        QTemporaryDir adminData;
        ClinicDirectory directory(adminData.path());
        LetterheadClient client(*boss.session, directory);
        QSignalSpy saved(&client, &LetterheadClient::saved);
        QSignalSpy refreshed(&directory, &ClinicDirectory::changed);
        Letterhead head;
        head.address = QStringLiteral("Samarqand, Registon koʻchasi 3");
        head.phone = QStringLiteral("+998 66 222-33-44");
        head.footer = QStringLiteral("Shifokor maslahati zarur · Требуется консультация врача");
        head.logoPng = png(40, 40);
        client.save(head);
        QVERIFY(client.isSaving());
        QVERIFY(saved.wait(15000));
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(directory.letterhead().address, head.address);
        QCOMPARE(directory.letterhead().footer, head.footer);
        QCOMPARE(directory.letterhead().logoPng, head.logoPng);

        // The server names the field it refuses.
        QSignalSpy serverRefused(&client, &LetterheadClient::failed);
        Letterhead broken = head;
        broken.logoPng = QByteArray("\x89PNG\r\n\x1a\n but nothing else", 26);
        client.save(broken);
        QVERIFY(serverRefused.wait(15000));
        QCOMPARE(serverRefused.first().first().value<ApiError>().field, QStringLiteral("logo"));
    }

    void offlineSaveFailsAtOnceAndRefreshKeepsTheCache()
    {
        ClientCore signedOut;
        signedOut.session = std::make_unique<SessionManager>(signedOut.api, signedOut.secrets);
        ClinicDirectory directory(dataDir.path());
        const int doctors = directory.doctors().size();
        QVERIFY(doctors > 0);
        LetterheadClient client(*signedOut.session, directory);
        QSignalSpy failed(&client, &LetterheadClient::failed);
        client.save(directory.letterhead());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<ApiError>().code, ApiError::offlineCode());

        ClientCore desk;
        QVERIFY(desk.signIn(*server, QStringLiteral("desk")));
        server->stop();
        QSignalSpy refreshFailed(&directory, &ClinicDirectory::refreshFailed);
        QSignalSpy changed(&directory, &ClinicDirectory::changed);
        directory.refresh(*desk.session);
        QVERIFY(refreshFailed.wait(20000));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(directory.doctors().size(), doctors);
    }
};

QTEST_GUILESS_MAIN(TestClinicDirectoryServer)
#include "tst_clinicdirectoryserver.moc"
