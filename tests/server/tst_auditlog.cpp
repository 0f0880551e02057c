#include "audit/AuditLog.h"
#include "store/ServerDatabase.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace medora::server;

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void chainFollowsTheDocumentedFormula();
    void intactChainVerifies();
    void modifiedRowIsReported();
    void deletedRowIsReported();
    void relinkedRowIsReported();
    void appendInsideTransactionRollsBackWithIt();
    void listShowsOnlyTheClinicNewestFirstWithFilters();

private:
    AuditEntry entry(const QString &clinicId, const QString &action, const QString &target = QString()) const;
    void appendMany(int count);
    bool exec(const QString &sql);
    // The tamper tests play someone with write access to the database file, who can drop the
    // append-only triggers first.
    void dropAppendOnlyTriggers();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerDatabase> m_database;
    std::unique_ptr<AuditLog> m_audit;
};

void TestAuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<ServerDatabase>(m_dir->filePath(QStringLiteral("audit.sqlite")));
    QString error;
    QVERIFY2(m_database->open(&error) && m_database->migrate(&error), qPrintable(error));
    m_audit = std::make_unique<AuditLog>(*m_database);
}

void TestAuditLog::cleanup()
{
    m_audit.reset();
    m_database.reset();
    m_dir.reset();
}

AuditEntry TestAuditLog::entry(const QString &clinicId, const QString &action, const QString &target) const
{
    AuditEntry e;
    e.clinicId = clinicId;
    e.actorUserId = QStringLiteral("user-1");
    e.actorLogin = QStringLiteral("aziza");
    e.action = action;
    e.targetType = QStringLiteral("user");
    e.targetId = target;
    e.clientAddress = QStringLiteral("192.0.2.7");
    e.details.insert(QStringLiteral("reason"), QStringLiteral("test"));
    return e;
}

void TestAuditLog::appendMany(int count)
{
    for (int i = 1; i <= count; ++i) {
        QString error;
        QVERIFY2(m_audit->appendNow(entry(QStringLiteral("clinic-a"), QStringLiteral("staff.update"),
                                          QStringLiteral("target-%1").arg(i)),
                                    &error),
                 qPrintable(error));
    }
}

void TestAuditLog::dropAppendOnlyTriggers()
{
    QVERIFY(exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_events_no_update")));
    QVERIFY(exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_events_no_delete")));
}

bool TestAuditLog::exec(const QString &sql)
{
    QSqlQuery query(m_database->connection());
    return query.exec(sql) && query.numRowsAffected() > 0;
}

void TestAuditLog::chainFollowsTheDocumentedFormula()
{
    AuditEntry e = entry(QStringLiteral("clinic-a"), QStringLiteral("auth.login_failed"));
    QVERIFY(m_audit->appendNow(e));
    QVERIFY(m_audit->appendNow(e));
    QSqlQuery row(m_database->connection());
    QVERIFY(row.exec(
        QStringLiteral("SELECT sequence, at, previous_hash, hash FROM audit_events ORDER BY sequence")));
    QByteArray previous(64, '0');
    qint64 expectedSequence = 1;
    while (row.next()) {
        QCOMPARE(row.value(0).toLongLong(), expectedSequence);
        const QString at = row.value(1).toString();
        QVERIFY2(at.endsWith(QLatin1Char('Z')), qPrintable(at));
        QCOMPARE(row.value(2).toByteArray(), previous);
        // Written out by hand: sorted keys, no whitespace.
        const QByteArray canonical =
            QStringLiteral(
                "{\"action\":\"auth.login_failed\",\"actorLogin\":\"aziza\",\"actorUserId\":\"user-1\","
                "\"at\":\"%1\",\"clientAddress\":\"192.0.2.7\",\"clinicId\":\"clinic-a\","
                "\"details\":{\"reason\":\"test\"},\"sequence\":%2,\"targetId\":\"\",\"targetType\":"
                "\"user\"}")
                .arg(at)
                .arg(expectedSequence)
                .toUtf8();
        const QByteArray expected =
            QCryptographicHash::hash(previous + canonical, QCryptographicHash::Sha256).toHex();
        QCOMPARE(row.value(3).toByteArray(), expected);
        previous = expected;
        ++expectedSequence;
    }
    QCOMPARE(expectedSequence, 3);
}

void TestAuditLog::intactChainVerifies()
{
    QCOMPARE(m_audit->verify().intact, true);
    QCOMPARE(m_audit->verify().eventsChecked, 0);
    appendMany(6);
    const AuditVerification result = m_audit->verify();
    QVERIFY2(result.intact, qPrintable(result.problem));
    QCOMPARE(result.eventsChecked, 6);
    QCOMPARE(result.firstBrokenSequence, 0);
}

void TestAuditLog::modifiedRowIsReported()
{
    appendMany(6);
    dropAppendOnlyTriggers();
    QVERIFY(exec(QStringLiteral("UPDATE audit_events SET actor_login = 'mallory' WHERE sequence = 4")));
    AuditVerification result = m_audit->verify();
    QVERIFY(!result.intact);
    QCOMPARE(result.firstBrokenSequence, 4);
    QCOMPARE(result.problem, QStringLiteral("hash mismatch"));
    QCOMPARE(result.eventsChecked, 3);

    // Changing only the details JSON is caught too.
    init();
    appendMany(3);
    dropAppendOnlyTriggers();
    QVERIFY(exec(
        QStringLiteral("UPDATE audit_events SET details = '{\"reason\":\"other\"}' WHERE sequence = 2")));
    result = m_audit->verify();
    QCOMPARE(result.firstBrokenSequence, 2);
}

void TestAuditLog::deletedRowIsReported()
{
    appendMany(6);
    dropAppendOnlyTriggers();
    QVERIFY(exec(QStringLiteral("DELETE FROM audit_events WHERE sequence = 3")));
    const AuditVerification result = m_audit->verify();
    QVERIFY(!result.intact);
    QCOMPARE(result.firstBrokenSequence, 3);
    QCOMPARE(result.problem, QStringLiteral("sequence gap"));

    // Deleting the first event breaks the chain at its start.
    init();
    appendMany(2);
    dropAppendOnlyTriggers();
    QVERIFY(exec(QStringLiteral("DELETE FROM audit_events WHERE sequence = 1")));
    QCOMPARE(m_audit->verify().firstBrokenSequence, 1);
}

void TestAuditLog::relinkedRowIsReported()
{
    // A forger who deletes event 3 and renumbers 4.. to close the gap still breaks the links.
    appendMany(5);
    dropAppendOnlyTriggers();
    QVERIFY(exec(QStringLiteral("DELETE FROM audit_events WHERE sequence = 3")));
    QVERIFY(exec(QStringLiteral("UPDATE audit_events SET sequence = sequence - 1 WHERE sequence > 3")));
    const AuditVerification result = m_audit->verify();
    QVERIFY(!result.intact);
    QCOMPARE(result.firstBrokenSequence, 3);
    QCOMPARE(result.problem, QStringLiteral("previous hash does not link"));
}

void TestAuditLog::appendInsideTransactionRollsBackWithIt()
{
    appendMany(1);
    QVERIFY(!m_database->writeTransaction([&](QSqlDatabase &db) {
        return m_audit->append(db, entry(QStringLiteral("clinic-a"), QStringLiteral("staff.create"))) &&
               false;
    }));
    QVERIFY(m_database->writeTransaction([&](QSqlDatabase &db) {
        return m_audit->append(db, entry(QStringLiteral("clinic-a"), QStringLiteral("staff.create")));
    }));
    const AuditVerification result = m_audit->verify();
    QVERIFY(result.intact);
    QCOMPARE(result.eventsChecked, 2);
}

void TestAuditLog::listShowsOnlyTheClinicNewestFirstWithFilters()
{
    QVERIFY(m_audit->appendNow(
        entry(QStringLiteral("clinic-a"), QStringLiteral("auth.login"), QStringLiteral("s1"))));
    QVERIFY(m_audit->appendNow(
        entry(QStringLiteral("clinic-b"), QStringLiteral("auth.login"), QStringLiteral("s2"))));
    QVERIFY(m_audit->appendNow(
        entry(QStringLiteral("clinic-a"), QStringLiteral("staff.create"), QStringLiteral("u1"))));
    QVERIFY(m_audit->appendNow(
        entry(QStringLiteral("clinic-a"), QStringLiteral("staff.role_change"), QStringLiteral("u1"))));
    QVERIFY(m_audit->appendNow(
        entry(QStringLiteral("clinic-a"), QStringLiteral("auth.logout"), QStringLiteral("s1"))));

    AuditFilter all;
    Outcome<QList<AuditEvent>> listed = m_audit->list(QStringLiteral("clinic-a"), all);
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 4);
    QCOMPARE(listed.value().first().sequence, 5);
    QCOMPARE(listed.value().first().entry.action, QStringLiteral("auth.logout"));
    QCOMPARE(listed.value().last().sequence, 1);
    QCOMPARE(listed.value().first().entry.details.value(QStringLiteral("reason")).toString(),
             QStringLiteral("test"));
    QCOMPARE(listed.value().first().at.timeSpec(), Qt::UTC);
    for (const AuditEvent &event : listed.value())
        QCOMPARE(event.entry.clinicId, QStringLiteral("clinic-a"));

    AuditFilter prefix;
    prefix.action = QStringLiteral("staff.");
    listed = m_audit->list(QStringLiteral("clinic-a"), prefix);
    QCOMPARE(listed.value().size(), 2);

    AuditFilter exact;
    exact.action = QStringLiteral("auth.login");
    listed = m_audit->list(QStringLiteral("clinic-a"), exact);
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().first().entry.targetId, QStringLiteral("s1"));

    AuditFilter target;
    target.targetId = QStringLiteral("u1");
    target.limit = 1;
    listed = m_audit->list(QStringLiteral("clinic-a"), target);
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().first().sequence, 4);
    target.beforeSequence = 4;
    listed = m_audit->list(QStringLiteral("clinic-a"), target);
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().first().sequence, 3);

    AuditFilter window;
    window.from = QDateTime::currentDateTimeUtc().addSecs(60);
    QCOMPARE(m_audit->list(QStringLiteral("clinic-a"), window).value().size(), 0);
    window.from = QDateTime::currentDateTimeUtc().addSecs(-60);
    window.to = QDateTime::currentDateTimeUtc().addSecs(60);
    QCOMPARE(m_audit->list(QStringLiteral("clinic-a"), window).value().size(), 4);

    AuditFilter actor;
    actor.actorUserId = QStringLiteral("someone-else");
    QCOMPARE(m_audit->list(QStringLiteral("clinic-a"), actor).value().size(), 0);
    QCOMPARE(m_audit->list(QString(), all).value().size(), 0);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
