#include "FakeSyncTransport.h"
#include "MemorySecretStore.h"
#include "admin/LetterheadDialog.h"
#include "admin/StaffDialog.h"
#include "api/ApiClient.h"
#include "auth/ChangePasswordDialog.h"
#include "auth/ConsentDialog.h"
#include "auth/ForgotPasswordDialog.h"
#include "auth/LockScreen.h"
#include "auth/LoginDialog.h"
#include "auth/SignupDialog.h"
#include "cash/PaymentService.h"
#include "clinic/ClinicDirectory.h"
#include "clinic/LetterheadClient.h"
#include "domain/LegalDocument.h"
#include "help/ShortcutsDialog.h"
#include "i18n/LanguageManager.h"
#include "queue/QueueService.h"
#include "reception/PaymentDialog.h"
#include "registry/MainWindow.h"
#include "registry/PatientDialog.h"
#include "registry/PatientRegistry.h"
#include "session/SessionManager.h"
#include "settings/SettingsDialog.h"
#include "store/SyncJournal.h"
#include "sync/ConflictDialog.h"
#include "sync/SyncEngine.h"
#include "sync/SyncErrorsDialog.h"
#include "workspace/WorkspacePages.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>

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

// The Alt letter of a text ("Print tic&ket" -> 'k'), null when it has none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return QChar();
}

// Every Alt letter that works in the window as it is on screen now: the menu bar, tab bars,
// buttons, labels with a buddy and group boxes that are visible.
QMultiMap<QChar, QString> lettersOnScreen(QWidget *window)
{
    QMultiMap<QChar, QString> letters;
    const auto add = [&letters](const QString &text, const QString &where) {
        const QChar letter = mnemonic(text);
        if (!letter.isNull())
            letters.insert(letter, where + QStringLiteral(" \"") + text + QLatin1Char('"'));
    };
    if (auto *menuBar = window->findChild<QMenuBar *>()) {
        for (QAction *action : menuBar->actions()) {
            if (action->isVisible())
                add(action->text(), QStringLiteral("menu"));
        }
    }
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->window() != window)
            continue;
        if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i), QStringLiteral("tab"));
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            add(button->text(), QStringLiteral("button"));
        } else if (auto *label = qobject_cast<QLabel *>(widget)) {
            if (label->buddy())
                add(label->text(), QStringLiteral("label"));
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            add(group->title(), QStringLiteral("group"));
        }
    }
    return letters;
}

QStringList clashes(const QMultiMap<QChar, QString> &letters)
{
    QStringList found;
    for (const QChar letter : letters.uniqueKeys()) {
        const QStringList owners = letters.values(letter);
        if (owners.size() > 1)
            found << QStringLiteral("Alt+%1: %2").arg(letter.toUpper(), owners.join(QStringLiteral(", ")));
    }
    return found;
}

} // namespace

// Alt+letter must mean one thing wherever the user is: every combination of the main window's
// pages and their inner tabs, for every role and in every language (English, Uzbek, Russian),
// has no letter twice (the menu bar included), and no menu has a letter twice among its items.
class TestAccelerators : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_accelerators"));
        QSettings().clear();
    }

    void everyScreenHasUniqueLetters_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("language");
        // English is the source; Uzbek and Russian place their own & in the catalogues.
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("uz"), QStringLiteral("ru")}) {
            for (const QString &role :
                 {QStringLiteral("receptionist"), QStringLiteral("doctor"), QStringLiteral("clinic_admin")})
                QTest::newRow(qPrintable(role + QLatin1Char(' ') + language)) << role << language;
        }
    }

    void everyScreenHasUniqueLetters()
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
        if (language != QLatin1String("en")) // the catalogue really is in use
            QVERIFY(QCoreApplication::translate("medora::MainWindow", "&Patient") !=
                    QStringLiteral("&Patient"));
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
        const QString id = role == QLatin1String("doctor")
                               ? QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1")
                               : QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");
        pages.showFor(user(id, role));
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QStringList problems;
        int screens = 0;
        QTabWidget *workspace = window.workspace();
        for (int page = 0; page < workspace->count(); ++page) {
            // The tabs have no Alt letter; their tooltip names the Ctrl+digit that shows them.
            QVERIFY(mnemonic(workspace->tabText(page)).isNull());
            QCOMPARE(workspace->tabToolTip(page),
                     QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)).toString(QKeySequence::NativeText));
            workspace->setCurrentIndex(page);
            // The inner tabs of the page (desk, chart, admin): each of their pages in turn.
            QList<QTabWidget *> inner;
            for (QTabWidget *tabs : workspace->widget(page)->findChildren<QTabWidget *>()) {
                if (tabs->isVisible())
                    inner << tabs;
            }
            const std::function<void(int)> walk = [&](int level) {
                if (level == inner.size()) {
                    ++screens;
                    for (const QString &clash : clashes(lettersOnScreen(&window)))
                        problems << QStringLiteral("%1 page %2 (%3): %4")
                                        .arg(language)
                                        .arg(page + 1)
                                        .arg(workspace->tabText(page), clash);
                    return;
                }
                for (int i = 0; i < inner.at(level)->count(); ++i) {
                    inner.at(level)->setCurrentIndex(i);
                    walk(level + 1);
                }
            };
            walk(0);
        }
        for (QMenu *menu : window.findChildren<QMenu *>()) {
            QMultiMap<QChar, QString> letters;
            for (QAction *action : menu->actions()) {
                const QChar letter = mnemonic(action->text());
                if (!action->isSeparator() && action->isVisible() && !letter.isNull())
                    letters.insert(letter, QStringLiteral("\"%1\"").arg(action->text()));
            }
            for (const QString &clash : clashes(letters))
                problems << QStringLiteral("%1 menu %2: %3").arg(language, menu->title(), clash);
        }
        QVERIFY(screens >= 3);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        pages.clear();
    }

    void everyDialogHasUniqueLetters_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("uz"), QStringLiteral("ru")})
            QTest::newRow(qPrintable(language)) << language;
    }

    // Each dialog on its own, as it opens, in each language.
    void everyDialogHasUniqueLetters()
    {
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
        SyncJournal journal(registry.database());
        PaymentService payments(registry.database(), dir.path());
        QueueService queue(registry.database());
        LetterheadClient letterheadClient(session, clinic);
        Patient patient;
        patient.id = QUuid(QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000a1"));
        patient.lastName = QStringLiteral("Karimov");
        patient.firstName = QStringLiteral("Bekzod");
        const LegalDocument terms{QStringLiteral("terms"), language, QStringLiteral("1"),
                                  QStringLiteral("# 1")};
        const LegalDocument privacy{QStringLiteral("privacy"), language, QStringLiteral("1"),
                                    QStringLiteral("# 2")};

        QList<std::pair<QString, std::function<QWidget *()>>> dialogs{
            {QStringLiteral("new patient"), [&] { return new PatientDialog(registry); }},
            {QStringLiteral("payment"),
             [&] {
                 return new PaymentDialog(payments, queue, clinic, patient,
                                          user(QStringLiteral("r"), QStringLiteral("receptionist")),
                                          QDate::currentDate());
             }},
            {QStringLiteral("staff"), [] { return new StaffDialog; }},
            {QStringLiteral("letterhead"), [&] { return new LetterheadDialog(clinic, letterheadClient); }},
            {QStringLiteral("settings"),
             [&] {
                 auto *settings = new SettingsDialog(session, api, languages);
                 settings->setTicketDatabase(&registry.database());
                 return settings;
             }},
            {QStringLiteral("shortcuts"), [] { return new ShortcutsDialog; }},
            {QStringLiteral("conflicts"), [&] { return new ConflictDialog(journal); }},
            {QStringLiteral("sync errors"), [&] { return new SyncErrorsDialog(journal); }},
            {QStringLiteral("sign in"), [&] { return new LoginDialog(session); }},
            {QStringLiteral("lock screen"), [&] { return new LockScreen(session); }},
            {QStringLiteral("change password"),
             [&] { return new ChangePasswordDialog(session, QStringLiteral("old-password 1")); }},
            {QStringLiteral("forgot password"), [&] { return new ForgotPasswordDialog(api); }},
            {QStringLiteral("sign-up"), [&] { return new SignupDialog(api); }},
            {QStringLiteral("consent"),
             [&] { return new ConsentDialog(terms, privacy, ConsentDialog::Mode::Accept); }},
        };
        QStringList problems;
        for (const auto &[name, make] : dialogs) {
            std::unique_ptr<QWidget> dialog(make());
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
            const QMultiMap<QChar, QString> letters = lettersOnScreen(dialog.get());
            for (const QString &clash : clashes(letters))
                problems << QStringLiteral("%1 dialog %2: %3").arg(language, name, clash);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestAccelerators)
#include "tst_accelerators.moc"
