#include "auth/ClientKey.h"

#include <QtTest>

using medora::server::ClientKey;

class TestClientKey : public QObject
{
    Q_OBJECT

private slots:
    void ipv4IsTheWholeAddress();
    void ipv6IsItsSlash64();
    void ipv4MappedIpv6IsIpv4();
    void nullAddressIsEmpty();
};

void TestClientKey::ipv4IsTheWholeAddress()
{
    QCOMPARE(ClientKey::forAddress(QHostAddress(QStringLiteral("192.0.2.10"))), QStringLiteral("192.0.2.10"));
    QVERIFY(ClientKey::forAddress(QHostAddress(QStringLiteral("192.0.2.10"))) !=
            ClientKey::forAddress(QHostAddress(QStringLiteral("192.0.2.11"))));
}

void TestClientKey::ipv6IsItsSlash64()
{
    const QString key =
        ClientKey::forAddress(QHostAddress(QStringLiteral("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
    QCOMPARE(key, QStringLiteral("2001:db8:1:2::/64"));
    QCOMPARE(ClientKey::forAddress(QHostAddress(QStringLiteral("2001:db8:1:2::1"))), key);
    QVERIFY(ClientKey::forAddress(QHostAddress(QStringLiteral("2001:db8:1:3::1"))) != key);
    QCOMPARE(ClientKey::forAddress(QHostAddress(QStringLiteral("::1"))), QStringLiteral("::/64"));
}

void TestClientKey::ipv4MappedIpv6IsIpv4()
{
    QCOMPARE(ClientKey::forAddress(QHostAddress(QStringLiteral("::ffff:192.0.2.10"))),
             QStringLiteral("192.0.2.10"));
}

void TestClientKey::nullAddressIsEmpty()
{
    QVERIFY(ClientKey::forAddress(QHostAddress()).isEmpty());
}

QTEST_GUILESS_MAIN(TestClientKey)
#include "tst_clientkey.moc"
