#include "session/OfflineCredentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace medora;

namespace {

const QString kServer = QStringLiteral("https://clinic.example.uz");

UserProfile aziza()
{
    UserProfile user;
    user.id = QStringLiteral("0190a1b2-0000-7000-8000-000000000001");
    user.clinicId = QStringLiteral("0190a1b2-0000-7000-8000-000000000002");
    user.clinicName = QStringLiteral("Shifo Med");
    user.login = QStringLiteral("aziza");
    user.phone = QStringLiteral("+998901234567");
    user.fullName = QStringLiteral("Aziza Karimova");
    user.role = QStringLiteral("doctor");
    user.mustChangePassword = true; // never carried into an offline session
    return user;
}

UserProfile bobur()
{
    UserProfile user;
    user.id = QStringLiteral("0190a1b2-0000-7000-8000-000000000003");
    user.clinicId = QStringLiteral("0190a1b2-0000-7000-8000-000000000002");
    user.login = QStringLiteral("bobur");
    user.fullName = QStringLiteral("Bobur Aliyev");
    user.role = QStringLiteral("receptionist");
    return user;
}

} // namespace

class TestOfflineCredentials : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void rememberedPasswordVerifies();
    void verifierIsArgon2idWithOwaspParameters();
    void wrongPasswordIsRefused();
    void phoneOrAnyCaseOfTheLoginMatches();
    void anotherUserOrServerIsRefused();
    void rememberingAnotherUserReplacesTheFirst();
    void throttleGrowsAndEndsAfterTheWait();
    void throttleSurvivesARestartAndAClockGoingBack();
    void throttledAttemptsDoNotCheckThePassword();
    void rightPasswordClearsTheThrottle();
    void delaysAreBounded();
    void nothingSecretIsStoredAndTheFileIsOwnerOnly();
    void forgettingKeepsTheFolderEnrolled();
    void damagedFileRefusesButStaysEnrolled();

private:
    QString path() const { return m_dir->filePath(OfflineCredentials::fileName()); }
    std::unique_ptr<OfflineCredentials> make();

    std::unique_ptr<QTemporaryDir> m_dir;
    QDateTime m_now;
};

void TestOfflineCredentials::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_now = QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC);
}

std::unique_ptr<OfflineCredentials> TestOfflineCredentials::make()
{
    auto credentials = std::make_unique<OfflineCredentials>(path());
    credentials->setClock([this] { return m_now; });
    return credentials;
}

void TestOfflineCredentials::rememberedPasswordVerifies()
{
    auto credentials = make();
    QVERIFY(!credentials->isEnrolled());
    QVERIFY(!credentials->hasVerifier());
    QCOMPARE(credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("x")).verdict,
             OfflineCredentials::Verdict::NoVerifier);

    QVERIFY2(credentials->remember(aziza(), kServer, QStringLiteral("correct horse ʻoʻ пароль")),
             qPrintable(credentials->lastError()));
    QVERIFY(credentials->isEnrolled());
    QVERIFY(credentials->hasVerifier());
    QCOMPARE(credentials->rememberedServer(), kServer);

    // A new instance (a restart) reads the same file.
    auto again = make();
    const OfflineCredentials::Check check =
        again->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("correct horse ʻoʻ пароль"));
    QCOMPARE(check.verdict, OfflineCredentials::Verdict::Accepted);
    QCOMPARE(check.user.id, aziza().id);
    QCOMPARE(check.user.clinicId, aziza().clinicId);
    QCOMPARE(check.user.clinicName, aziza().clinicName);
    QCOMPARE(check.user.login, aziza().login);
    QCOMPARE(check.user.fullName, aziza().fullName);
    QCOMPARE(check.user.role, aziza().role);
    QVERIFY(!check.user.mustChangePassword);
    QCOMPARE(again->verifyUser(aziza().id, QStringLiteral("correct horse ʻoʻ пароль")).verdict,
             OfflineCredentials::Verdict::Accepted);
}

void TestOfflineCredentials::verifierIsArgon2idWithOwaspParameters()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    const QString verifier = state.value(QStringLiteral("verifier")).toString();
    QVERIFY2(verifier.startsWith(QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$")), qPrintable(verifier));

    // Two accounts with the same password get different verifiers (random salt).
    auto other = std::make_unique<OfflineCredentials>(m_dir->filePath(QStringLiteral("other.json")));
    QVERIFY(other->remember(aziza(), kServer, QStringLiteral("correct horse")));
    QFile otherFile(m_dir->filePath(QStringLiteral("other.json")));
    QVERIFY(otherFile.open(QIODevice::ReadOnly));
    QVERIFY(
        QJsonDocument::fromJson(otherFile.readAll()).object().value(QStringLiteral("verifier")).toString() !=
        verifier);
}

void TestOfflineCredentials::wrongPasswordIsRefused()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    for (const QString &wrong : {QStringLiteral("correct hors"), QStringLiteral("Correct horse"),
                                 QStringLiteral("correct horse "), QString()}) {
        const OfflineCredentials::Check check =
            credentials->verifyLogin(QStringLiteral("aziza"), kServer, wrong);
        QCOMPARE(check.verdict, OfflineCredentials::Verdict::WrongPassword);
        QVERIFY(check.user.id.isEmpty());
    }
    QCOMPARE(credentials->failedAttempts(), 4);
    QCOMPARE(credentials->verifyUser(aziza().id, QStringLiteral("nope")).verdict,
             OfflineCredentials::Verdict::WrongPassword);
}

void TestOfflineCredentials::phoneOrAnyCaseOfTheLoginMatches()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    QVERIFY(credentials->isRememberedLogin(QStringLiteral("AZIZA"), kServer));
    QVERIFY(credentials->isRememberedLogin(QStringLiteral("+998901234567"), kServer));
    QVERIFY(!credentials->isRememberedLogin(QStringLiteral("+998901234568"), kServer));
    QCOMPARE(
        credentials->verifyLogin(QStringLiteral("+998901234567"), kServer, QStringLiteral("correct horse"))
            .verdict,
        OfflineCredentials::Verdict::Accepted);
}

void TestOfflineCredentials::anotherUserOrServerIsRefused()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    // Another login, even with the right password: refused without checking it.
    QCOMPARE(
        credentials->verifyLogin(QStringLiteral("bobur"), kServer, QStringLiteral("correct horse")).verdict,
        OfflineCredentials::Verdict::OtherUser);
    QCOMPARE(credentials->verifyUser(bobur().id, QStringLiteral("correct horse")).verdict,
             OfflineCredentials::Verdict::OtherUser);
    QCOMPARE(credentials
                 ->verifyLogin(QStringLiteral("aziza"), QStringLiteral("https://other.example.uz"),
                               QStringLiteral("correct horse"))
                 .verdict,
             OfflineCredentials::Verdict::OtherUser);
    QCOMPARE(credentials->failedAttempts(), 0); // no guess was made
}

void TestOfflineCredentials::rememberingAnotherUserReplacesTheFirst()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    QVERIFY(credentials->remember(bobur(), kServer, QStringLiteral("battery staple")));
    QCOMPARE(credentials->rememberedUser()->id, bobur().id);
    QCOMPARE(
        credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("correct horse")).verdict,
        OfflineCredentials::Verdict::OtherUser);
    QCOMPARE(
        credentials->verifyLogin(QStringLiteral("bobur"), kServer, QStringLiteral("battery staple")).verdict,
        OfflineCredentials::Verdict::Accepted);
}

void TestOfflineCredentials::throttleGrowsAndEndsAfterTheWait()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    const auto attempt = [&](const QString &password) {
        return credentials->verifyLogin(QStringLiteral("aziza"), kServer, password);
    };
    for (int i = 1; i <= OfflineCredentials::kFreeFailures; ++i) {
        const OfflineCredentials::Check check = attempt(QStringLiteral("wrong"));
        QCOMPARE(check.verdict, OfflineCredentials::Verdict::WrongPassword);
        QCOMPARE(check.retryAfterSeconds, 0);
    }
    // The next failure costs a wait of 1 s, then 2 s, then 4 s.
    int expectedWait = 1;
    for (int round = 0; round < 3; ++round) {
        OfflineCredentials::Check check = attempt(QStringLiteral("wrong"));
        QCOMPARE(check.verdict, OfflineCredentials::Verdict::WrongPassword);
        QCOMPARE(check.retryAfterSeconds, expectedWait);
        QCOMPARE(credentials->retryAfterSeconds(), expectedWait);

        // Within the wait even the right password is not checked.
        check = attempt(QStringLiteral("correct horse"));
        QCOMPARE(check.verdict, OfflineCredentials::Verdict::Throttled);
        QCOMPARE(check.retryAfterSeconds, expectedWait);
        m_now = m_now.addMSecs(expectedWait * 1000 - 1);
        QCOMPARE(attempt(QStringLiteral("correct horse")).verdict, OfflineCredentials::Verdict::Throttled);
        m_now = m_now.addMSecs(1);
        QCOMPARE(credentials->retryAfterSeconds(), 0);
        expectedWait *= 2;
    }
    QCOMPARE(attempt(QStringLiteral("correct horse")).verdict, OfflineCredentials::Verdict::Accepted);
}

void TestOfflineCredentials::throttleSurvivesARestartAndAClockGoingBack()
{
    {
        auto credentials = make();
        QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
        for (int i = 0; i < OfflineCredentials::kFreeFailures + 4; ++i) {
            m_now = m_now.addSecs(600);
            QCOMPARE(
                credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("wrong")).verdict,
                OfflineCredentials::Verdict::WrongPassword);
        }
    }
    auto restarted = make();
    QCOMPARE(restarted->failedAttempts(), OfflineCredentials::kFreeFailures + 4);
    QCOMPARE(restarted->verifyUser(aziza().id, QStringLiteral("correct horse")).verdict,
             OfflineCredentials::Verdict::Throttled);
    QCOMPARE(restarted->retryAfterSeconds(), 8);

    // The clock jumps a day back: the wait counts from now, it does not last a day.
    m_now = m_now.addDays(-1);
    OfflineCredentials::Check check = restarted->verifyUser(aziza().id, QStringLiteral("correct horse"));
    QCOMPARE(check.verdict, OfflineCredentials::Verdict::Throttled);
    QCOMPARE(check.retryAfterSeconds, 8);
    m_now = m_now.addSecs(8);
    QCOMPARE(restarted->verifyUser(aziza().id, QStringLiteral("correct horse")).verdict,
             OfflineCredentials::Verdict::Accepted);
}

void TestOfflineCredentials::throttledAttemptsDoNotCheckThePassword()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    for (int i = 0; i < OfflineCredentials::kFreeFailures + 1; ++i)
        credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("wrong"));
    const int failures = credentials->failedAttempts();
    // Hammering during the wait neither counts nor lengthens it.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("wrong")).verdict,
                 OfflineCredentials::Verdict::Throttled);
    QCOMPARE(credentials->failedAttempts(), failures);
    QCOMPARE(credentials->retryAfterSeconds(), 1);
}

void TestOfflineCredentials::rightPasswordClearsTheThrottle()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    for (int i = 0; i < OfflineCredentials::kFreeFailures + 2; ++i) {
        credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("wrong"));
        m_now = m_now.addSecs(60);
    }
    QCOMPARE(
        credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("correct horse")).verdict,
        OfflineCredentials::Verdict::Accepted);
    QCOMPARE(credentials->failedAttempts(), 0);
    // Free failures again.
    const OfflineCredentials::Check check =
        credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("wrong"));
    QCOMPARE(check.verdict, OfflineCredentials::Verdict::WrongPassword);
    QCOMPARE(check.retryAfterSeconds, 0);

    // A new online sign-in starts the count over too.
    for (int i = 0; i < OfflineCredentials::kFreeFailures + 2; ++i)
        credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("wrong"));
    QVERIFY(credentials->retryAfterSeconds() > 0);
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    QCOMPARE(credentials->retryAfterSeconds(), 0);
    QCOMPARE(credentials->failedAttempts(), 0);
}

void TestOfflineCredentials::delaysAreBounded()
{
    QCOMPARE(OfflineCredentials::delaySecondsAfter(0), 0);
    QCOMPARE(OfflineCredentials::delaySecondsAfter(OfflineCredentials::kFreeFailures), 0);
    QCOMPARE(OfflineCredentials::delaySecondsAfter(OfflineCredentials::kFreeFailures + 1), 1);
    QCOMPARE(OfflineCredentials::delaySecondsAfter(OfflineCredentials::kFreeFailures + 2), 2);
    QCOMPARE(OfflineCredentials::delaySecondsAfter(OfflineCredentials::kFreeFailures + 9), 256);
    QCOMPARE(OfflineCredentials::delaySecondsAfter(OfflineCredentials::kFreeFailures + 10),
             OfflineCredentials::kMaxDelaySeconds);
    QCOMPARE(OfflineCredentials::delaySecondsAfter(1000000), OfflineCredentials::kMaxDelaySeconds);
}

void TestOfflineCredentials::nothingSecretIsStoredAndTheFileIsOwnerOnly()
{
    const QString password = QStringLiteral("Very-Secret пароль 2026");
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, password));
    // Failed attempts are written too: none of them may leave the typed text behind.
    credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("Wrong-Guess-4711"));
    QCOMPARE(credentials->verifyLogin(QStringLiteral("aziza"), kServer, password).verdict,
             OfflineCredentials::Verdict::Accepted);

    const QStringList files = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(files, QStringList{OfflineCredentials::fileName()}); // no temporary file left either
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    for (const QString &secret : {password, QStringLiteral("Wrong-Guess-4711")}) {
        QVERIFY(!bytes.contains(secret.toUtf8()));
        QVERIFY(!bytes.contains(secret.toLatin1()));
        QVERIFY(
            !bytes.contains(QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)));
        QVERIFY(!bytes.contains(secret.toUtf8().toBase64()));
        QVERIFY(!bytes.toLower().contains(secret.toUtf8().toHex()));
    }
    // Only the members a verifier and an offline profile need.
    const QJsonObject state = QJsonDocument::fromJson(bytes).object();
    QStringList keys = state.keys();
    keys.sort();
    QCOMPARE(keys, QStringList(
                       {"enrolledAt", "failedAttempts", "format", "server", "storedAt", "user", "verifier"}));
    QVERIFY(!bytes.contains("token"));

    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(path()).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));

    // Rewriting keeps it owner-only even when someone widened it.
    QVERIFY(QFile::setPermissions(path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(credentials->remember(aziza(), kServer, password));
    QCOMPARE(::stat(QFile::encodeName(path()).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
}

void TestOfflineCredentials::forgettingKeepsTheFolderEnrolled()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    QVERIFY(credentials->forget());
    QVERIFY(credentials->isEnrolled());
    QVERIFY(!credentials->hasVerifier());
    QVERIFY(!credentials->rememberedUser());
    QCOMPARE(
        credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("correct horse")).verdict,
        OfflineCredentials::Verdict::NoVerifier);
    QCOMPARE(credentials->verifyUser(aziza().id, QStringLiteral("correct horse")).verdict,
             OfflineCredentials::Verdict::NoVerifier);
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("argon2"));
    QVERIFY(!bytes.contains("aziza"));
}

void TestOfflineCredentials::damagedFileRefusesButStaysEnrolled()
{
    auto credentials = make();
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes.chop(bytes.size() / 2);
    QVERIFY(file.resize(0));
    file.write(bytes);
    file.close();

    QVERIFY(credentials->isEnrolled());
    QVERIFY(!credentials->hasVerifier());
    QCOMPARE(
        credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("correct horse")).verdict,
        OfflineCredentials::Verdict::NoVerifier);
    QVERIFY(!credentials->lastError().isEmpty());

    // A tampered verifier (not Argon2id) is no verifier.
    QVERIFY(credentials->remember(aziza(), kServer, QStringLiteral("correct horse")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    state.insert(QStringLiteral("verifier"), QStringLiteral("plain:correct horse"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(state).toJson());
    file.close();
    QCOMPARE(
        credentials->verifyLogin(QStringLiteral("aziza"), kServer, QStringLiteral("correct horse")).verdict,
        OfflineCredentials::Verdict::NoVerifier);
}

QTEST_GUILESS_MAIN(TestOfflineCredentials)
#include "tst_offlinecredentials.moc"
