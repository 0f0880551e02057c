#include "ServerProcess.h"
#include "TestHttpClient.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QtTest>

using medora::ServerProcess;
using medora::TestHttpClient;
using medora::TestHttpResponse;

namespace {

const QString kPassword = QStringLiteral("apricot lantern 58");

// A real PNG; `noise` makes it incompressible, so its size follows its dimensions.
QByteArray pngImage(int width, int height, bool noise = false)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(QColor(20, 110, 160));
    if (noise) {
        QRandomGenerator random(7);
        for (int y = 0; y < height; ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = 0; x < width; ++x)
                line[x] = random.generate();
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString errorField(const TestHttpResponse &response)
{
    return response.json().value("error").toObject().value("field").toString();
}

} // namespace

// GET /api/v1/clinic and PUT /api/v1/clinic/letterhead through the real binary: every role
// reads its own clinic only, only the admin writes, and bad logos are refused by field.
class TestClinicApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> server;
    QString clinicA, clinicB;
    ServerProcess::User adminA, doctorA, receptionA, adminB;
    TestHttpClient admin, doctor, reception, otherAdmin;

    TestHttpClient signedIn(const ServerProcess::User &user)
    {
        TestHttpClient client;
        server->configureClient(client);
        const TestHttpResponse login =
            client.login(user.login, user.password, QStringLiteral("dev-") + QString(user.login).remove('.'));
        if (login.status != 200)
            qWarning("login of %s failed: %s", qPrintable(user.login), login.body.constData());
        return client;
    }

    TestHttpResponse put(TestHttpClient &client, const QJsonObject &body)
    {
        return client.request("PUT", QStringLiteral("/api/v1/clinic/letterhead"),
                              QJsonDocument(body).toJson(QJsonDocument::Compact),
                              {{"Content-Type", "application/json"}});
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ServerProcess::serverPath()).isExecutable(), "MEDORA_SERVER_PATH is not set");
        server = std::make_unique<ServerProcess>();
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        clinicA = server->createClinic(QStringLiteral("Shifo Nur Klinikasi"));
        clinicB = server->createClinic(QStringLiteral("Beta Markaz"));
        QVERIFY(!clinicA.isEmpty() && !clinicB.isEmpty());
        adminA = server->createUser(clinicA, QStringLiteral("alpha.admin"), QStringLiteral("clinic_admin"),
                                    kPassword);
        doctorA =
            server->createUser(clinicA, QStringLiteral("alpha.doctor"), QStringLiteral("doctor"), kPassword);
        receptionA = server->createUser(clinicA, QStringLiteral("alpha.desk"), QStringLiteral("receptionist"),
                                        kPassword);
        adminB = server->createUser(clinicB, QStringLiteral("beta.admin"), QStringLiteral("clinic_admin"),
                                    kPassword);
        for (const ServerProcess::User *user : {&adminA, &doctorA, &receptionA, &adminB})
            QVERIFY(!user->id.isEmpty());
        admin = signedIn(adminA);
        doctor = signedIn(doctorA);
        reception = signedIn(receptionA);
        otherAdmin = signedIn(adminB);
    }

    void cleanupTestCase() { server.reset(); }

    void everyRoleReadsItsClinicWithoutPrivateData()
    {
        for (TestHttpClient *client : {&admin, &doctor, &reception}) {
            const TestHttpResponse answer = client->get(QStringLiteral("/api/v1/clinic"));
            QCOMPARE(answer.status, 200);
            const QJsonObject json = answer.json();
            QCOMPARE(json.value("id").toString(), clinicA);
            QCOMPARE(json.value("name").toString(), QStringLiteral("Shifo Nur Klinikasi"));
            QVERIFY(json.value("letterhead").toObject().value("updatedAt").isNull());
            QVERIFY(!json.value("letterhead").toObject().contains("logo"));
            const QJsonArray staff = json.value("staff").toArray();
            QCOMPARE(staff.size(), 3);
            QStringList roles;
            for (const QJsonValue &value : staff) {
                const QJsonObject member = value.toObject();
                QCOMPARE(QStringList(member.keys()), (QStringList{"active", "fullName", "id", "role"}));
                QVERIFY(member.value("active").toBool());
                roles << member.value("role").toString();
            }
            roles.sort();
            QCOMPARE(roles, (QStringList{"clinic_admin", "doctor", "receptionist"}));
            // No login or phone of anyone, anywhere in the answer.
            QVERIFY(!answer.body.contains("\"login\""));
            QVERIFY(!answer.body.contains("\"phone\":\"+"));
        }
    }

    void disabledStaffAreListedInactive()
    {
        const ServerProcess::User leaving =
            server->createUser(clinicA, QStringLiteral("alpha.leaving"), QStringLiteral("doctor"), kPassword);
        QVERIFY(!leaving.id.isEmpty());
        QCOMPARE(admin.patchJson(QStringLiteral("/api/v1/staff/") + leaving.id, {{"disabled", true}}).status,
                 200);
        const QJsonArray staff = doctor.get(QStringLiteral("/api/v1/clinic")).json().value("staff").toArray();
        bool found = false;
        for (const QJsonValue &value : staff) {
            if (value.toObject().value("id").toString() == leaving.id) {
                found = true;
                QCOMPARE(value.toObject().value("active").toBool(), false);
            }
        }
        QVERIFY(found);
    }

    void adminSetsTheLetterheadEveryoneReadsIt()
    {
        const QByteArray logo = pngImage(120, 60);
        const QString address = QStringLiteral("Тошкент ш., Амир Темур кўчаси 15\nToshkent, Oʻzbekiston");
        const QString footer = QStringLiteral("Litsenziya № 01234 · Лицензия № 01234");
        const TestHttpResponse stored = put(admin, {{"address", address},
                                                    {"phone", "+998 71 200-00-00"},
                                                    {"footer", footer},
                                                    {"logo", QString::fromLatin1(logo.toBase64())}});
        QVERIFY2(stored.status == 200, stored.body.constData());
        QCOMPARE(stored.json().value("letterhead").toObject().value("address").toString(), address);

        const QJsonObject head =
            reception.get(QStringLiteral("/api/v1/clinic")).json().value("letterhead").toObject();
        QCOMPARE(head.value("address").toString(), address);
        QCOMPARE(head.value("phone").toString(), QStringLiteral("+998 71 200-00-00"));
        QCOMPARE(head.value("footer").toString(), footer);
        QCOMPARE(QByteArray::fromBase64(head.value("logo").toString().toLatin1()), logo);
        QVERIFY(!head.value("updatedAt").toString().isEmpty());

        const TestHttpResponse audit =
            admin.get(QStringLiteral("/api/v1/audit?action=clinic.letterhead_update"));
        QCOMPARE(audit.status, 200);
        const QJsonArray items = audit.json().value("items").toArray();
        QVERIFY(!items.isEmpty());
        const QJsonObject event = items.first().toObject();
        QCOMPARE(event.value("actorUserId").toString(), adminA.id);
        QCOMPARE(event.value("targetId").toString(), clinicA);
        const QJsonObject details = event.value("details").toObject();
        QCOMPARE(details.value("fields").toArray().size(), 4);
        QCOMPARE(details.value("logoBytes").toInt(), int(logo.size()));
        // The audit names what changed, never the values.
        QVERIFY(!audit.body.contains("Litsenziya"));

        // Leaving the logo out removes it; the texts are replaced as given.
        const TestHttpResponse noLogo = put(admin, {{"address", address}, {"footer", footer}});
        QCOMPARE(noLogo.status, 200);
        const QJsonObject after =
            doctor.get(QStringLiteral("/api/v1/clinic")).json().value("letterhead").toObject();
        QVERIFY(!after.contains("logo"));
        QCOMPARE(after.value("phone").toString(), QString());
        QVERIFY(put(admin, {{"address", address},
                            {"phone", "+998 71 200-00-00"},
                            {"footer", footer},
                            {"logo", QString::fromLatin1(logo.toBase64())}})
                    .status == 200);
    }

    void onlyTheAdminMayChangeIt()
    {
        for (TestHttpClient *client : {&doctor, &reception}) {
            const TestHttpResponse refused = put(*client, {{"address", "Elsewhere"}});
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.errorCode(), QStringLiteral("forbidden"));
        }
        QCOMPARE(reception.get(QStringLiteral("/api/v1/clinic"))
                     .json()
                     .value("letterhead")
                     .toObject()
                     .value("phone"),
                 QJsonValue(QStringLiteral("+998 71 200-00-00")));
    }

    void anotherClinicIsInvisible()
    {
        const TestHttpResponse answer = otherAdmin.get(QStringLiteral("/api/v1/clinic"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value("id").toString(), clinicB);
        QCOMPARE(answer.json().value("name").toString(), QStringLiteral("Beta Markaz"));
        QCOMPARE(answer.json().value("staff").toArray().size(), 1);
        for (const QString &secret : {clinicA, adminA.id, doctorA.id, receptionA.id, QStringLiteral("Shifo"),
                                      QStringLiteral("Amir Temur")})
            QVERIFY2(!QString::fromUtf8(answer.body).contains(secret), qPrintable(secret));

        QCOMPARE(put(otherAdmin, {{"address", "Beta address"}}).status, 200);
        const QJsonObject ours =
            doctor.get(QStringLiteral("/api/v1/clinic")).json().value("letterhead").toObject();
        QVERIFY(ours.value("address").toString().startsWith(QStringLiteral("Тошкент")));
        QVERIFY(ours.contains("logo"));
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QByteArray damaged = pngImage(40, 40);
        damaged[damaged.size() / 2] = char(damaged.at(damaged.size() / 2) ^ 0x5a);
        QTest::newRow("text, not a png")
            << QJsonObject{{"logo", QString::fromLatin1(QByteArray("GIF89a...").toBase64())}}
            << "invalid_logo"
            << "logo";
        QTest::newRow("not base64") << QJsonObject{{"logo", "%%% not base64 %%%"}} << "invalid_logo"
                                    << "logo";
        QTest::newRow("damaged png") << QJsonObject{{"logo", QString::fromLatin1(damaged.toBase64())}}
                                     << "invalid_logo"
                                     << "logo";
        QTest::newRow("truncated png")
            << QJsonObject{{"logo", QString::fromLatin1(pngImage(40, 40).left(60).toBase64())}}
            << "invalid_logo"
            << "logo";
        QTest::newRow("logo over 256 KiB")
            << QJsonObject{{"logo", QString::fromLatin1(pngImage(300, 260, true).toBase64())}}
            << "logo_too_large"
            << "logo";
        QTest::newRow("long address")
            << QJsonObject{{"address", QString(301, QLatin1Char('a'))}} << "too_long"
            << "address";
        QTest::newRow("long footer") << QJsonObject{{"footer", QString(601, QLatin1Char('f'))}} << "too_long"
                                     << "footer";
        QTest::newRow("control character")
            << QJsonObject{{"phone", QStringLiteral("+998\t71")}} << "invalid_value"
            << "phone";
        QTest::newRow("number phone") << QJsonObject{{"phone", 998712000000.0}} << "invalid_type"
                                      << "phone";
        QTest::newRow("unknown field") << QJsonObject{{"name", "New name"}} << "unknown_field"
                                       << "name";
    }
    void badInputNamesTheField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QByteArray before = admin.get(QStringLiteral("/api/v1/clinic")).body;
        const TestHttpResponse refused = put(admin, body);
        QVERIFY2(refused.status == 400, refused.body.constData());
        QCOMPARE(refused.errorCode(), code);
        QCOMPARE(errorField(refused), field);
        QCOMPARE(admin.get(QStringLiteral("/api/v1/clinic")).body, before);
    }

    void bodiesOverTheRouteLimitAreRefusedUnread()
    {
        // Refused by its Content-Length alone, before a byte of it is parsed.
        const TestHttpResponse refused = put(admin, {{"logo", QString(513 * 1024, QLatin1Char('A'))}});
        QCOMPARE(refused.status, 413);
        QCOMPARE(refused.errorCode(), QStringLiteral("body_too_large"));
        // A body between the default 64 KiB and 512 KiB is accepted on this route only.
        const QByteArray medium = pngImage(150, 150, true);
        QVERIFY(medium.toBase64().size() > 64 * 1024);
        QVERIFY(medium.size() < 256 * 1024);
        TestHttpClient fresh = signedIn(adminA);
        const TestHttpResponse stored =
            put(fresh, {{"address", "Toshkent"}, {"logo", QString::fromLatin1(medium.toBase64())}});
        QVERIFY2(stored.status == 200, stored.body.constData());
        const TestHttpResponse elsewhere = fresh.request(
            "PATCH", QStringLiteral("/api/v1/staff/") + doctorA.id,
            "{\"fullName\":\"" + QByteArray(70 * 1024, 'x') + "\"}", {{"Content-Type", "application/json"}});
        QCOMPARE(elsewhere.status, 413);
    }
};

QTEST_GUILESS_MAIN(TestClinicApi)
#include "tst_clinicapi.moc"
