#include "clinic/ClinicDirectory.h"
#include "domain/UuidV7.h"
#include "queue/QueueService.h"
#include "queue/TicketNumber.h"
#include "reception/WallDisplay.h"
#include "store/Database.h"
#include "store/VisitStore.h"

#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

const QString kDoctorA = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kDoctorB = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c2");
const QString kReception = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");

} // namespace

class TestWallDisplay : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsCalledTicketsNewestFirstWithTheDoctor();
    void followsChangesMadeElsewhereOnReload();
    void showsFullScreenOnTheChosenScreen();
    void isReadableHighContrast();

private:
    Visit queue(const QString &doctor);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ClinicDirectory> m_clinic;
    std::unique_ptr<QueueService> m_queue;
    std::unique_ptr<WallDisplay> m_wall;
};

void TestWallDisplay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<Database>();
    QVERIFY(m_database->open(m_dir->filePath(QStringLiteral("medora.db"))));
    m_clinic = std::make_unique<ClinicDirectory>(m_dir->path());
    m_clinic->setForTesting({{kDoctorA, QStringLiteral("Karimova Nodira"), QStringLiteral("doctor"), true},
                             {kDoctorB, QStringLiteral("Алиев Шерзод"), QStringLiteral("doctor"), true}},
                            Letterhead());
    m_queue = std::make_unique<QueueService>(*m_database);
    m_wall = std::make_unique<WallDisplay>(*m_database, *m_clinic);
}

void TestWallDisplay::cleanup()
{
    m_wall.reset();
    m_queue.reset();
    m_clinic.reset();
    m_database.reset();
    m_dir.reset();
}

Visit TestWallDisplay::queue(const QString &doctor)
{
    const std::optional<Visit> visit = m_queue->enqueue(UuidV7::generate(), doctor, QDate::currentDate(),
                                                        VisitPriority::Normal, QString(), kReception);
    return visit ? *visit : Visit();
}

void TestWallDisplay::listsCalledTicketsNewestFirstWithTheDoctor()
{
    const Visit a1 = queue(kDoctorA);
    const Visit a2 = queue(kDoctorA);
    const Visit b1 = queue(kDoctorB);
    queue(kDoctorB);
    VisitStore store(*m_database);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(store.setStatus(a1.localId, VisitStatus::Called, now.addSecs(-600)));
    QVERIFY(store.setStatus(a1.localId, VisitStatus::InProgress, now.addSecs(-300)));
    QVERIFY(store.setStatus(b1.localId, VisitStatus::Called, now.addSecs(-120)));
    QVERIFY(store.setStatus(a2.localId, VisitStatus::Called, now.addSecs(-60)));
    m_wall->reload();
    const QList<WallDisplay::Row> rows = m_wall->rows();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].ticket, a2.ticket);
    QCOMPARE(rows[0].doctorName, QStringLiteral("Karimova Nodira"));
    QVERIFY(!rows[0].inProgress);
    QCOMPARE(rows[1].ticket, b1.ticket);
    QCOMPARE(rows[1].doctorName, QStringLiteral("Алиев Шерзод"));
    QCOMPARE(rows[2].ticket, a1.ticket);
    QVERIFY(rows[2].inProgress);
    // Waiting, finished and cancelled tickets are not called.
    QVERIFY(store.setStatus(a1.localId, VisitStatus::Done));
    m_wall->reload();
    QCOMPARE(m_wall->rows().size(), 2);
}

void TestWallDisplay::followsChangesMadeElsewhereOnReload()
{
    const Visit visit = queue(kDoctorA);
    QVERIFY(m_wall->rows().isEmpty());
    QVERIFY(m_wall->findChild<QLabel *>(QStringLiteral("wallEmpty"))->isVisibleTo(m_wall.get()));
    Database other;
    QVERIFY(other.open(m_dir->filePath(QStringLiteral("medora.db"))));
    QVERIFY(VisitStore(other).setStatus(visit.localId, VisitStatus::Called));
    QVERIFY(m_wall->rows().isEmpty());
    m_wall->reload();
    QCOMPARE(m_wall->rows().size(), 1);
    QVERIFY(!m_wall->findChild<QLabel *>(QStringLiteral("wallEmpty"))->isVisibleTo(m_wall.get()));
    bool ticketShown = false;
    for (const QLabel *label : m_wall->findChildren<QLabel *>())
        ticketShown = ticketShown || label->text() == TicketNumber::text(visit.ticket);
    QVERIFY(ticketShown);
    // It also looks by itself every few seconds, for changes nobody told it about.
    QVERIFY(VisitStore(other).setStatus(visit.localId, VisitStatus::Waiting));
    QTRY_VERIFY_WITH_TIMEOUT(m_wall->rows().isEmpty(), 7000);
}

void TestWallDisplay::showsFullScreenOnTheChosenScreen()
{
    QScreen *screen = QGuiApplication::screens().last();
    m_wall->showOn(screen);
    QVERIFY(QTest::qWaitForWindowExposed(m_wall.get()));
    QCOMPARE(m_wall->screen(), screen);
    QVERIFY(m_wall->isFullScreen());
    QVERIFY(m_wall->isWindow());
    QTest::keyClick(m_wall.get(), Qt::Key_Escape);
    QVERIFY(!m_wall->isFullScreen());
    QTest::keyClick(m_wall.get(), Qt::Key_F11);
    QVERIFY(m_wall->isFullScreen());
}

void TestWallDisplay::isReadableHighContrast()
{
    const Visit visit = queue(kDoctorA);
    QVERIFY(m_queue->setStatus(visit.localId, VisitStatus::Called));
    m_wall->resize(1920, 1080);
    m_wall->reload();
    QCOMPARE(m_wall->palette().color(QPalette::Window), QColor(Qt::black));
    for (const QLabel *label : m_wall->findChildren<QLabel *>()) {
        if (label->text() == TicketNumber::text(visit.ticket)) {
            QVERIFY2(label->font().pixelSize() >= 60, qPrintable(QString::number(label->font().pixelSize())));
            const QColor color = label->palette().color(QPalette::WindowText);
            QVERIFY(color.lightness() > 100);
        }
    }
}

QTEST_MAIN(TestWallDisplay)
#include "tst_walldisplay.moc"
