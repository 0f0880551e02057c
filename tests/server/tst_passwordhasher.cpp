#include "auth/PasswordHasher.h"

#include <QtTest>

using medora::server::PasswordHasher;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void owaspEncodingVerifiesTheRightPasswordOnly();
    void saltMakesEveryHashDifferent();
    void needsRehashWhenParametersDiffer();
    void malformedHashesNeverVerify();
    void dummyHashIsARealArgon2idHash();

private:
    PasswordHasher m_owasp;
    PasswordHasher m_small{PasswordHasher::Parameters{1, 64 * 1024}};
};

void TestPasswordHasher::owaspEncodingVerifiesTheRightPasswordOnly()
{
    const QString password = QStringLiteral("correct horse battery staple");
    const QByteArray encoded = m_owasp.hash(password);
    QVERIFY2(encoded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), encoded.constData());
    QVERIFY(m_owasp.verify(encoded, password));
    QVERIFY(!m_owasp.verify(encoded, QStringLiteral("correct horse battery stapl")));
    QVERIFY(!m_owasp.verify(encoded, QString()));
    // Non-ASCII passwords go in as UTF-8.
    const QString uzbek = QStringLiteral("Oʻzbekiston bogʻlari 2024");
    const QByteArray uzbekHash = m_small.hash(uzbek);
    QVERIFY(m_small.verify(uzbekHash, uzbek));
    QVERIFY(!m_small.verify(uzbekHash, QStringLiteral("O'zbekiston bog'lari 2024")));
}

void TestPasswordHasher::saltMakesEveryHashDifferent()
{
    const QByteArray first = m_small.hash(QStringLiteral("same password"));
    const QByteArray second = m_small.hash(QStringLiteral("same password"));
    QVERIFY(!first.isEmpty());
    QVERIFY(first != second);
    QVERIFY(m_small.verify(first, QStringLiteral("same password")));
    QVERIFY(m_small.verify(second, QStringLiteral("same password")));
}

void TestPasswordHasher::needsRehashWhenParametersDiffer()
{
    const QByteArray small = m_small.hash(QStringLiteral("upgrade me later"));
    QVERIFY(!m_small.needsRehash(small));
    QVERIFY(m_owasp.needsRehash(small));
    // A hash with weaker parameters still verifies under the stronger hasher.
    QVERIFY(m_owasp.verify(small, QStringLiteral("upgrade me later")));
    const QByteArray owasp = m_owasp.hash(QStringLiteral("upgrade me later"));
    QVERIFY(!m_owasp.needsRehash(owasp));
    QVERIFY(m_small.needsRehash(owasp));
}

void TestPasswordHasher::malformedHashesNeverVerify()
{
    QVERIFY(!m_small.verify(QByteArray(), QStringLiteral("anything")));
    QVERIFY(!m_small.verify("$argon2id$v=19$garbage", QStringLiteral("anything")));
    QVERIFY(!m_small.verify(QByteArray(500, 'a'), QStringLiteral("anything")));
    QVERIFY(m_small.needsRehash("not a hash"));
    QVERIFY(m_small.needsRehash(QByteArray()));
}

void TestPasswordHasher::dummyHashIsARealArgon2idHash()
{
    const QByteArray dummy = m_owasp.dummyHash();
    QVERIFY(dummy.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    QCOMPARE(m_owasp.dummyHash(), dummy);
    QVERIFY(!m_owasp.verify(dummy, QStringLiteral("password")));
    QVERIFY(!m_owasp.needsRehash(dummy));
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
