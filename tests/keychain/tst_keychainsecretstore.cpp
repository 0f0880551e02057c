#include "security/KeychainSecretStore.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

using namespace medora;

// Runs against the real Secret Service. Locally and in CI:
//   dbus-run-session -- bash -c 'export HOME=$(mktemp -d);
//     echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
//     ./tests/tst_keychainsecretstore'
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writeReadOverwriteRemove();
    void servicesAreSeparate();

private:
    // Unique per run, so a crashed earlier run or a parallel one cannot interfere.
    QString uniqueKey(const QString &name) const
    {
        return QStringLiteral("test-%1-%2").arg(name, QUuid::createUuid().toString(QUuid::WithoutBraces));
    }
};

void TestKeychainSecretStore::initTestCase()
{
    // scripts/test always provides the session; without it the wrapper is broken, and a
    // skip would hide that the keychain was never exercised.
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "No D-Bus session: run inside dbus-run-session with an unlocked gnome-keyring-daemon "
             "(scripts/test does this).");
}

void TestKeychainSecretStore::writeReadOverwriteRemove()
{
    KeychainSecretStore store(QStringLiteral("MedoraTest"));
    const QString key = uniqueKey(QStringLiteral("refresh-token"));

    // Binary, with NUL bytes and non-ASCII, as a token may be.
    QByteArray secret(48, Qt::Uninitialized);
    QRandomGenerator::global()->generate(secret.begin(), secret.end());
    secret[3] = '\0';

    bool found = true;
    QVERIFY(store.read(key, &found).isEmpty());
    QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
    QVERIFY(!found);

    QVERIFY2(store.write(key, secret), qPrintable(store.lastError()));
    QCOMPARE(store.read(key, &found), secret);
    QVERIFY(found);

    const QByteArray replacement("second token");
    QVERIFY2(store.write(key, replacement), qPrintable(store.lastError()));
    QCOMPARE(store.read(key, &found), replacement);
    QVERIFY(found);

    // An empty secret is a value, distinct from no value.
    QVERIFY(store.write(key, QByteArray()));
    QCOMPARE(store.read(key, &found), QByteArray());
    QVERIFY(found);

    QVERIFY2(store.remove(key), qPrintable(store.lastError()));
    found = true;
    QVERIFY(store.read(key, &found).isEmpty());
    QVERIFY(!found);
    QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));

    // Removing what is gone succeeds: the caller only wants it absent.
    QVERIFY2(store.remove(key), qPrintable(store.lastError()));
}

void TestKeychainSecretStore::servicesAreSeparate()
{
    KeychainSecretStore first(QStringLiteral("MedoraTestA"));
    KeychainSecretStore second(QStringLiteral("MedoraTestB"));
    const QString key = uniqueKey(QStringLiteral("shared-name"));
    QVERIFY2(first.write(key, "alpha"), qPrintable(first.lastError()));
    bool found = true;
    QVERIFY(second.read(key, &found).isEmpty());
    QVERIFY(!found);
    QCOMPARE(first.read(key, &found), QByteArray("alpha"));
    QVERIFY(first.remove(key));
    QCOMPARE(KeychainSecretStore().service(), QStringLiteral("Medora"));
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
