#include "FakeSyncTransport.h"
#include "MemorySecretStore.h"
#include "api/ApiClient.h"
#include "clinic/ClinicDirectory.h"
#include "i18n/LanguageManager.h"
#include "registry/MainWindow.h"
#include "registry/PatientRegistry.h"
#include "session/SessionManager.h"
#include "store/SyncJournal.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStatusIndicator.h"
#include "workspace/WorkspacePages.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace medora;

namespace {

UserProfile user(const QString &id, const QString &role)
{
    UserProfile profile;
    profile.id = id;
    profile.clinicId = QStringLiteral("clinic-1");
    profile.clinicName = QStringLiteral("Shifo Med");
    profile.login = id;
    profile.fullName = id;
    profile.role = role;
    return profile;
}

// Labels and buttons whose text does not fit the room the layout gave them: at twice the
// pixels a fixed pixel size or a hard-coded font shows up here as clipped text.
QStringList clipped(QWidget *root, const QString &where)
{
    QStringList problems;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible() || w->window() != root->window())
            continue;
        QString text;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->wordWrap() || label->text().isEmpty() || !label->pixmap().isNull())
                continue;
            text = label->text();
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty())
                continue;
            text = button->text();
        } else {
            continue;
        }
        const QSize need = w->minimumSizeHint().isValid() ? w->minimumSizeHint() : w->sizeHint();
        if (w->width() < need.width() || w->height() < need.height())
            problems << QStringLiteral("%1: %2 \"%3\" is %4×%5, needs %6×%7")
                            .arg(where, QLatin1String(w->metaObject()->className()), text)
                            .arg(w->width())
                            .arg(w->height())
                            .arg(need.width())
                            .arg(need.height());
    }
    return problems;
}

} // namespace

// The client at a device pixel ratio of 2 (QT_SCALE_FACTOR=2, set before the application
// starts): every page of every role shows its labels and buttons unclipped, and the sync
// badge is painted at twice the pixels instead of being blown up.
class TestHighDpi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_highdpi"));
        QSettings().clear();
    }

    void pagesAtRatioTwo_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("language");
        for (const QString &language : {QStringLiteral("uz"), QStringLiteral("ru")}) {
            for (const QString &role : {QStringLiteral("receptionist"), QStringLiteral("clinic_admin")})
                QTest::newRow(qPrintable(role + QLatin1Char(' ') + language)) << role << language;
        }
    }

    void pagesAtRatioTwo()
    {
        QFETCH(QString, role);
        QFETCH(QString, language);
        QTemporaryDir dir;
        PatientRegistry registry;
        QVERIFY2(registry.open(dir.path()), qPrintable(registry.lastError().message));
        ClinicDirectory clinic(dir.path());
        clinic.setForTesting({{QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1"),
                               QStringLiteral("Aziza Karimova"), QStringLiteral("doctor")}},
                             Letterhead());
        LanguageManager languages;
        QVERIFY(languages.setLanguage(language, false));
        ApiClient api;
        MemorySecretStore secrets;
        SessionManager session(api, secrets);
        MainWindow window(registry, languages);
        window.setSession(&session);
        SyncJournal journal(registry.database());
        FakeSyncTransport transport;
        SyncEngine engine(journal, transport);
        window.setSync(&engine, &journal);
        WorkspacePages pages(window, registry.database(), registry, clinic);
        pages.setSession(&session);
        pages.setSyncEngine(&engine);
        pages.showFor(user(QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01"), role));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.devicePixelRatio(), 2.0);

        // The badge is drawn for the ratio: twice the pixels, tagged 2, not a scaled-up 1x.
        SyncStatusIndicator *badge = window.syncIndicator();
        QVERIFY(badge);
        const QPixmap icon = badge->icon().pixmap(badge->iconSize(), 2.0);
        QCOMPARE(icon.devicePixelRatio(), 2.0);
        QCOMPARE(icon.size(), badge->iconSize() * 2);

        QStringList problems;
        QTabWidget *workspace = window.workspace();
        for (int page = 0; page < workspace->count(); ++page) {
            workspace->setCurrentIndex(page);
            QWidget *root = workspace->widget(page);
            QList<QTabWidget *> inner;
            for (QTabWidget *tabs : root->findChildren<QTabWidget *>()) {
                if (tabs->isVisible())
                    inner << tabs;
            }
            const std::function<void(int, QString)> walk = [&](int level, const QString &where) {
                if (level == inner.size()) {
                    QCoreApplication::processEvents();
                    problems << clipped(root, where);
                    return;
                }
                for (int i = 0; i < inner.at(level)->count(); ++i) {
                    inner.at(level)->setCurrentIndex(i);
                    walk(level + 1, where + QStringLiteral(" / ") + inner.at(level)->tabText(i));
                }
            };
            walk(0, role + QStringLiteral(": ") + workspace->tabText(page));
        }
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        pages.clear();
    }
};

int main(int argc, char **argv)
{
    // Before the application exists: the scale applies to every screen from the start.
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestHighDpi test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_highdpi.moc"
