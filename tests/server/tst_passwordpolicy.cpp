#include "auth/PasswordPolicy.h"

#include <QtTest>

using medora::server::PasswordPolicy;
using medora::server::ServiceError;

namespace {

QString codeOf(const std::optional<ServiceError> &error)
{
    return error ? error->code : QString();
}

QString repeated(const QString &unit, int times)
{
    QString text;
    for (int i = 0; i < times; ++i)
        text += unit;
    return text;
}

} // namespace

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private slots:
    void lengthLimitsCountCodePoints();
    void commonPasswordsAreRefusedInAnyCase();
    void passwordMustNotBeTheLoginOrPhone();
    void errorsNameTheField();
    void oneTimePasswordsAreLongRandomAndAcceptable();
};

void TestPasswordPolicy::lengthLimitsCountCodePoints()
{
    const QString field = QStringLiteral("password");
    QCOMPARE(codeOf(PasswordPolicy::check(QStringLiteral("tq7#vbn"), field)),
             QStringLiteral("password_too_short"));
    QCOMPARE(codeOf(PasswordPolicy::check(QStringLiteral("tq7#vbnz"), field)), QString());
    QCOMPARE(codeOf(PasswordPolicy::check(repeated(QStringLiteral("k9"), 64), field)), QString());
    QCOMPARE(codeOf(PasswordPolicy::check(repeated(QStringLiteral("k9"), 64) + QLatin1Char('x'), field)),
             QStringLiteral("password_too_long"));

    // U+1F512 (lock) is two UTF-16 units but one character.
    const QString lock = QString::fromUcs4(U"\U0001F512");
    QCOMPARE(lock.size(), 2);
    QCOMPARE(codeOf(PasswordPolicy::check(repeated(lock, 7) + QStringLiteral("a"), field)), QString());
    QCOMPARE(codeOf(PasswordPolicy::check(repeated(lock, 7), field)), QStringLiteral("password_too_short"));
    QCOMPARE(codeOf(PasswordPolicy::check(repeated(lock, 128), field)), QString());
    QCOMPARE(codeOf(PasswordPolicy::check(repeated(lock, 129), field)), QStringLiteral("password_too_long"));
    // Cyrillic letters are one unit each and count as one character.
    QCOMPARE(codeOf(PasswordPolicy::check(QStringLiteral("тошкентбоғ"), field)), QString());
}

void TestPasswordPolicy::commonPasswordsAreRefusedInAnyCase()
{
    for (const char *common : {"password", "PASSWORD", "12345678", "iloveyou", "qwerty123", "Password1",
                               "baseball", "football", "1q2w3e4r", "sunshine"}) {
        QVERIFY2(PasswordPolicy::isCommon(QString::fromLatin1(common)), common);
        QCOMPARE(codeOf(PasswordPolicy::check(QString::fromLatin1(common), QStringLiteral("password"))),
                 QStringLiteral("common_password"));
    }
    QVERIFY(!PasswordPolicy::isCommon(QStringLiteral("lantern kettle 93 violet")));
    QVERIFY(!PasswordPolicy::isCommon(QString()));

    // The list is the real one from the resource, not a handful of examples.
    QFile list(QStringLiteral(":/server/common-passwords.txt"));
    QVERIFY(list.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = list.readAll().split('\n');
    QVERIFY2(lines.size() >= 10000, QByteArray::number(lines.size()).constData());
    QVERIFY(PasswordPolicy::isCommon(QString::fromUtf8(lines.at(9000).trimmed())));
}

void TestPasswordPolicy::passwordMustNotBeTheLoginOrPhone()
{
    const QString field = QStringLiteral("newPassword");
    QCOMPARE(codeOf(PasswordPolicy::check(QStringLiteral("Aziza.Karimova"), field,
                                          QStringLiteral("aziza.karimova"))),
             QStringLiteral("password_matches_login"));
    QCOMPARE(codeOf(PasswordPolicy::check(QStringLiteral("aziza.karimova!"), field,
                                          QStringLiteral("aziza.karimova"))),
             QString());
    const QString phone = QStringLiteral("+998901234567");
    QCOMPARE(
        codeOf(PasswordPolicy::check(QStringLiteral("901234567"), field, QStringLiteral("aziza"), phone)),
        QStringLiteral("password_matches_login"));
    QCOMPARE(codeOf(PasswordPolicy::check(QStringLiteral("+998 90 123-45-67"), field, QStringLiteral("aziza"),
                                          phone)),
             QStringLiteral("password_matches_login"));
    QCOMPARE(
        codeOf(PasswordPolicy::check(QStringLiteral("901234568"), field, QStringLiteral("aziza"), phone)),
        QString());
}

void TestPasswordPolicy::errorsNameTheField()
{
    const std::optional<ServiceError> error =
        PasswordPolicy::check(QStringLiteral("short"), QStringLiteral("newPassword"));
    QVERIFY(error);
    QCOMPARE(error->kind, ServiceError::Kind::BadInput);
    QCOMPARE(error->field, QStringLiteral("newPassword"));
    QVERIFY(!error->message.isEmpty());
}

void TestPasswordPolicy::oneTimePasswordsAreLongRandomAndAcceptable()
{
    const QRegularExpression alphabet(
        QStringLiteral("^[23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ]{16}$"));
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString password = PasswordPolicy::generateOneTimePassword();
        QVERIFY2(alphabet.match(password).hasMatch(), qPrintable(password));
        QVERIFY(!PasswordPolicy::check(password, QStringLiteral("password"), QStringLiteral("someone")));
        seen.insert(password);
    }
    QCOMPARE(seen.size(), 200);
}

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
