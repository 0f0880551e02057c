#include "sync/SyncStatusIndicator.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSignalSpy>
#include <QTranslator>
#include <QtTest>

#include <ctime>

using namespace medora;

namespace {

const QDateTime kNow(QDate(2026, 11, 28), QTime(6, 5, 0), Qt::UTC);

SyncStatus freshStatus()
{
    SyncStatus status;
    status.lastPullSucceededAt = kNow.addSecs(-60);
    return status;
}

// English has no catalogue, so "(s)" stays; this one gives every %n string of the indicator
// distinct singular and plural forms, which proves the count reaches tr() as its plural
// argument (what the Uzbek and Russian catalogues need).
class PluralTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation);
        if (QByteArray(context) != "medora::SyncStatusIndicator" || n < 0)
            return QString();
        const QString text = QString::fromUtf8(sourceText);
        if (text == QLatin1String("%Ln conflict(s) need a decision"))
            return n == 1 ? QStringLiteral("%Ln conflict needs a decision")
                          : QStringLiteral("%Ln conflicts need a decision");
        if (!text.contains(QLatin1String("(s)")))
            return QString();
        return QString(text).replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    }
};

} // namespace

Q_DECLARE_METATYPE(medora::SyncStatus)

class TestSyncStatusIndicator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void greenOnlyWhenTheStatusIsGreen_data();
    void greenOnlyWhenTheStatusIsGreen();
    void countsAndAgeAreShown();
    void ageWording_data();
    void ageWording();
    void pluralFormsComeFromTheCount();
    void ageTextFollowsTheClock();
    void greenTurnsOffWhenThePullGrowsOld();
    void retryCountdownIsRenewedEverySecond();
    void offlineAndPausedAreSaid();
    void toolTipShowsLastPullInLocalTime();
    void clickAsksForDetailsAndIsAccessible();
};

void TestSyncStatusIndicator::initTestCase()
{
    // Tashkent is UTC+5 all year: local times must differ from the UTC ones.
    qputenv("TZ", "Asia/Tashkent");
    tzset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestSyncStatusIndicator::greenOnlyWhenTheStatusIsGreen_data()
{
    QTest::addColumn<SyncStatus>("status");
    QTest::addColumn<bool>("green");

    QTest::newRow("fresh pull, nothing waits") << freshStatus() << true;
    SyncStatus limit = freshStatus();
    limit.lastPullSucceededAt = kNow.addSecs(-SyncStatus::kFreshPullSeconds);
    QTest::newRow("pull exactly ten minutes old") << limit << true;
    SyncStatus stale = freshStatus();
    stale.lastPullSucceededAt = kNow.addSecs(-SyncStatus::kFreshPullSeconds - 1);
    QTest::newRow("pull just over ten minutes old") << stale << false;
    QTest::newRow("never pulled") << SyncStatus() << false;
    SyncStatus ops = freshStatus();
    ops.pendingOps = 1;
    ops.oldestPendingAt = kNow.addSecs(-5);
    QTest::newRow("one op waits") << ops << false;
    SyncStatus rows = freshStatus();
    rows.pendingRows = 20000; // a bulk import is one outbox entry but many rows
    QTest::newRow("imported rows wait") << rows << false;
    SyncStatus errors = freshStatus();
    errors.errors = 1;
    QTest::newRow("an error") << errors << false;
    SyncStatus conflicts = freshStatus();
    conflicts.conflicts = 1;
    QTest::newRow("a conflict") << conflicts << false;
    SyncStatus offline = freshStatus();
    offline.activity = SyncStatus::Activity::Offline;
    QTest::newRow("offline right after a fresh pull") << offline << true;
}

void TestSyncStatusIndicator::greenOnlyWhenTheStatusIsGreen()
{
    QFETCH(SyncStatus, status);
    QFETCH(bool, green);
    QCOMPARE(status.isGreen(kNow), green);

    SyncStatusIndicator indicator;
    indicator.setClock([] { return kNow; });
    indicator.setStatus(status);
    QCOMPARE(indicator.isShowingGreen(), green);
    QCOMPARE(indicator.tone() == SyncStatusIndicator::Tone::Green, green);
    QCOMPARE(indicator.text().startsWith(QStringLiteral("All changes synced")), green);
    QVERIFY(!indicator.text().isEmpty());
}

void TestSyncStatusIndicator::countsAndAgeAreShown()
{
    SyncStatusIndicator indicator;
    indicator.setClock([] { return kNow; });

    SyncStatus status = freshStatus();
    status.pendingOps = 3;
    status.pendingRows = 3;
    status.oldestPendingAt = kNow.addSecs(-12 * 60 - 30);
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("3 change(s) waiting for 12 min"));
    QCOMPARE(indicator.tone(), SyncStatusIndicator::Tone::Waiting);

    // Rows of a bulk import count even though they are one outbox entry.
    status.pendingOps = 1;
    status.pendingRows = 25000;
    status.oldestPendingAt = kNow.addSecs(-3 * 3600 - 59);
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("25,000 change(s) waiting for 3 h"));

    status.errors = 2;
    status.conflicts = 1;
    status.oldestPendingAt = kNow.addDays(-2);
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("1 conflict(s) need a decision · Sync errors: 2 · 25,000 "
                                              "change(s) waiting for 2 day(s)"));
    QCOMPARE(indicator.tone(), SyncStatusIndicator::Tone::Problem);

    // Nothing waits, but the last pull is old: its age is said, not "synced".
    SyncStatus old;
    old.lastPullSucceededAt = kNow.addSecs(-45 * 60);
    indicator.setStatus(old);
    QCOMPARE(indicator.text(), QStringLiteral("Last synced 45 min ago"));
    indicator.setStatus(SyncStatus());
    QCOMPARE(indicator.text(), QStringLiteral("Not synced yet"));
    QCOMPARE(indicator.tone(), SyncStatusIndicator::Tone::Waiting);
}

void TestSyncStatusIndicator::ageWording_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("0 s") << qint64(0) << QStringLiteral("less than a minute");
    QTest::newRow("59 s") << qint64(59) << QStringLiteral("less than a minute");
    QTest::newRow("60 s") << qint64(60) << QStringLiteral("1 min");
    QTest::newRow("59 min 59 s") << qint64(3599) << QStringLiteral("59 min");
    QTest::newRow("1 h") << qint64(3600) << QStringLiteral("1 h");
    QTest::newRow("23 h 59 min") << qint64(86399) << QStringLiteral("23 h");
    QTest::newRow("1 day") << qint64(86400) << QStringLiteral("1 day(s)");
    QTest::newRow("400 days") << qint64(400) * 86400 << QStringLiteral("400 day(s)");
}

void TestSyncStatusIndicator::ageWording()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(SyncStatusIndicator::ageText(seconds), text);
}

void TestSyncStatusIndicator::pluralFormsComeFromTheCount()
{
    PluralTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    SyncStatusIndicator indicator;
    indicator.setClock([] { return kNow; });

    SyncStatus status;
    status.pendingOps = 1;
    status.oldestPendingAt = kNow.addSecs(-2 * 86400);
    status.conflicts = 1;
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("1 conflict needs a decision · 1 change waiting for 2 days"));

    status.pendingOps = 5;
    status.oldestPendingAt = kNow.addSecs(-86400);
    status.conflicts = 4;
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("4 conflicts need a decision · 5 changes waiting for 1 day"));
    QVERIFY(QCoreApplication::removeTranslator(&translator));

    // Without the catalogue the English source comes back, so the plural form came from it.
    indicator.refresh();
    QCOMPARE(indicator.text(),
             QStringLiteral("4 conflict(s) need a decision · 5 change(s) waiting for 1 day(s)"));
}

void TestSyncStatusIndicator::ageTextFollowsTheClock()
{
    QDateTime now = kNow;
    SyncStatusIndicator indicator;
    indicator.setClock([&now] { return now; });
    SyncStatus status = freshStatus();
    status.pendingOps = 2;
    status.oldestPendingAt = kNow;
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("2 change(s) waiting for less than a minute"));
    QCOMPARE(indicator.msUntilNextRefresh(), SyncStatusIndicator::kDefaultRefreshMs);

    // No new status arrives: the indicator's own timer renews the age.
    indicator.setRefreshIntervalMs(20);
    now = kNow.addSecs(7 * 60);
    QTRY_COMPARE(indicator.text(), QStringLiteral("2 change(s) waiting for 7 min"));
    now = kNow.addSecs(2 * 3600);
    QTRY_COMPARE(indicator.text(), QStringLiteral("2 change(s) waiting for 2 h"));
}

void TestSyncStatusIndicator::greenTurnsOffWhenThePullGrowsOld()
{
    QDateTime now = kNow;
    SyncStatusIndicator indicator;
    indicator.setClock([&now] { return now; });
    SyncStatus status;
    status.lastPullSucceededAt = kNow.addSecs(-SyncStatus::kFreshPullSeconds + 2);
    indicator.setStatus(status);
    QVERIFY(indicator.isShowingGreen());
    // The next renewal is due the moment isGreen() turns false, not a whole interval later.
    QCOMPARE(indicator.msUntilNextRefresh(), 3000);

    indicator.setRefreshIntervalMs(20);
    now = kNow.addSecs(3);
    QTRY_VERIFY(!indicator.isShowingGreen());
    QCOMPARE(indicator.text(), QStringLiteral("Last synced 10 min ago"));
    QVERIFY(!status.isGreen(now));
}

void TestSyncStatusIndicator::retryCountdownIsRenewedEverySecond()
{
    SyncStatusIndicator indicator;
    indicator.setClock([] { return kNow; });
    SyncStatus status;
    status.pendingOps = 4;
    status.oldestPendingAt = kNow.addSecs(-90);
    status.activity = SyncStatus::Activity::WaitingToRetry;
    status.nextAttemptAt = kNow.addSecs(30);
    status.lastFailure = QStringLiteral("The server cannot be reached.");
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("4 change(s) waiting for 1 min · Retrying in 30 second(s)"));
    QVERIFY(indicator.msUntilNextRefresh() <= 1000);
    QVERIFY(indicator.detailsText().contains(QStringLiteral("The server cannot be reached.")));

    status.nextAttemptAt = QDateTime();
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("4 change(s) waiting for 1 min · Retrying…"));
}

void TestSyncStatusIndicator::offlineAndPausedAreSaid()
{
    SyncStatusIndicator indicator;
    indicator.setClock([] { return kNow; });
    SyncStatus status;
    status.activity = SyncStatus::Activity::Offline;
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("Not synced yet · Offline"));
    QCOMPARE(indicator.tone(), SyncStatusIndicator::Tone::Inactive);

    status.activity = SyncStatus::Activity::Paused;
    status.pendingOps = 1;
    status.oldestPendingAt = kNow.addSecs(-120);
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("1 change(s) waiting for 2 min · Sync paused"));
    QCOMPARE(indicator.tone(), SyncStatusIndicator::Tone::Waiting);

    status.activity = SyncStatus::Activity::Pushing;
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("1 change(s) waiting for 2 min · Syncing…"));
}

void TestSyncStatusIndicator::toolTipShowsLastPullInLocalTime()
{
    SyncStatusIndicator indicator;
    indicator.setClock([] { return kNow; });
    SyncStatus status = freshStatus();
    status.lastPullSucceededAt = QDateTime(QDate(2026, 11, 28), QTime(6, 3, 0), Qt::UTC);
    indicator.setStatus(status);

    const QDateTime local = status.lastPullSucceededAt.toLocalTime();
    QCOMPARE(local.time(), QTime(11, 3, 0)); // the zone really is Tashkent's
    const QString shown = QLocale().toString(local, QLocale::ShortFormat);
    QCOMPARE(SyncStatusIndicator::localTimeText(status.lastPullSucceededAt), shown);
    QVERIFY2(indicator.toolTip().contains(shown), qPrintable(indicator.toolTip()));
    QVERIFY(!indicator.toolTip().contains(QLocale().toString(
        QDateTime(QDate(2026, 11, 28), QTime(6, 3, 0), Qt::LocalTime), QLocale::ShortFormat)));
    QVERIFY(indicator.toolTip().contains(QStringLiteral("2 min ago")));

    indicator.setStatus(SyncStatus());
    QVERIFY(indicator.toolTip().contains(QStringLiteral("No successful pull from the server yet.")));
}

void TestSyncStatusIndicator::clickAsksForDetailsAndIsAccessible()
{
    SyncStatusIndicator indicator;
    indicator.setClock([] { return kNow; });
    SyncStatus status = freshStatus();
    status.errors = 3;
    indicator.setStatus(status);
    QCOMPARE(indicator.text(), QStringLiteral("Sync errors: 3"));
    QVERIFY(indicator.accessibleName().contains(indicator.text()));
    QCOMPARE(indicator.accessibleDescription(), indicator.detailsText());
    QVERIFY(indicator.detailsText().contains(QStringLiteral("Changes the server refused: 3")));
    QVERIFY(indicator.focusPolicy() & Qt::TabFocus);
    QVERIFY(!indicator.icon().isNull());

    QSignalSpy details(&indicator, &SyncStatusIndicator::detailsRequested);
    indicator.click();
    QCOMPARE(details.count(), 1);
    indicator.show();
    indicator.setFocus();
    QTest::keyClick(&indicator, Qt::Key_Space);
    QCOMPARE(details.count(), 2);
}

QTEST_MAIN(TestSyncStatusIndicator)
#include "tst_syncstatusindicator.moc"
