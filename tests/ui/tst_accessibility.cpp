#include "FakeSyncTransport.h"
#include "MemorySecretStore.h"
#include "admin/LetterheadDialog.h"
#include "admin/OneTimePasswordDialog.h"
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
#include "reception/CashSummaryView.h"
#include "reception/PaymentDialog.h"
#include "reception/ReceptionPrinter.h"
#include "reception/WallDisplay.h"
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
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <memory>

using namespace medora;

namespace {

const QString kDoctorId = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000d0c1");
const QString kReceptionistId = QStringLiteral("0190f5a4-7b1c-7d3e-8f00-00000000ec01");

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

// The doctor's cabinet and the AI panel belong to another part of the work; their widgets are
// reported separately (see foreignOwner).
const QStringList kForeignClasses = {
    QStringLiteral("medora::DoctorCabinet"), QStringLiteral("medora::MyQueuePanel"),
    QStringLiteral("medora::ChartHeader"),   QStringLiteral("medora::ChartHistoryView"),
    QStringLiteral("medora::ReportEditor"),  QStringLiteral("medora::VitalsEditor"),
    QStringLiteral("medora::PhrasePicker"),  QStringLiteral("medora::AiConsiliumPanel")};

bool isForeign(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (kForeignClasses.contains(QLatin1String(w->metaObject()->className())))
            return true;
    }
    return false;
}

// Parts of a composite control (the line edit of a spin box, a tab bar's scroll buttons, an
// item view's editor): the composite is what the user tabs to and what is named.
bool isInnerPart(const QWidget *widget, const QWidget *root)
{
    for (const QWidget *w = widget->parentWidget(); w && w != root->parentWidget(); w = w->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QComboBox *>(w) ||
            qobject_cast<const QCalendarWidget *>(w) || qobject_cast<const QTabBar *>(w) ||
            qobject_cast<const QAbstractItemView *>(w))
            return true;
    }
    return widget->objectName().startsWith(QLatin1String("qt_"));
}

// What Tab can land on inside `root` as it is on screen now.
QList<QWidget *> tabStops(QWidget *root)
{
    QList<QWidget *> stops;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible() || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
            continue;
        if (w->window() != root->window() || isInnerPart(w, root))
            continue;
        if (qobject_cast<QScrollArea *>(w) && !qobject_cast<QAbstractItemView *>(w))
            continue; // a plain scroll area is a container; what is inside it is checked
        stops << w;
    }
    return stops;
}

QString describe(const QWidget *w)
{
    QString text;
    if (auto *button = qobject_cast<const QAbstractButton *>(w))
        text = button->text();
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QLatin1String(w->metaObject()->className()),
             w->objectName().isEmpty() ? w->accessibleName() : w->objectName(), text);
}

// The name a screen reader announces: the accessible name, a label whose buddy it is, or the
// text the control shows itself.
QString nameOf(QWidget *w)
{
    if (!w->accessibleName().trimmed().isEmpty())
        return w->accessibleName();
    for (QLabel *label : w->window()->findChildren<QLabel *>()) {
        if (label->buddy() == w && !label->text().trimmed().isEmpty())
            return label->text();
    }
    if (auto *button = qobject_cast<QAbstractButton *>(w)) {
        if (!button->text().remove(QLatin1Char('&')).trimmed().isEmpty())
            return button->text();
    }
    if (auto *group = qobject_cast<QGroupBox *>(w))
        return group->title();
    if (auto *tabs = qobject_cast<QTabBar *>(w)) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i).trimmed().isEmpty())
                return QString();
        }
        return tabs->count() > 0 ? tabs->tabText(0) : QString();
    }
    return QString();
}

QStringList unnamed(QWidget *root, const QString &where)
{
    QStringList problems;
    for (QWidget *w : tabStops(root)) {
        if (nameOf(w).trimmed().isEmpty())
            problems << QStringLiteral("%1: %2 has no accessible name").arg(where, describe(w));
    }
    return problems;
}

QRect rectIn(const QWidget *w, const QWidget *root)
{
    return QRect(w->mapTo(root->window(), QPoint(0, 0)), w->size());
}

// `next` comes before `previous` in reading order: above it and not in a column to its right,
// or beside it on the same line but to its left.
bool goesBack(const QRect &previous, const QRect &next)
{
    const bool above = next.bottom() < previous.top();
    const bool sameLine = next.top() <= previous.bottom() && next.bottom() >= previous.top();
    const bool columnToTheRight = next.left() >= previous.right();
    if (above)
        return !columnToTheRight;
    return sameLine && next.right() <= previous.left();
}

// Presses Tab through `root` from its first stop in reading order: every stop is visited
// before focus leaves the form (or comes back to the start), always in reading order, and
// focus never goes to another window.

// Exclusive radio buttons are one Tab stop (Qt moves within them with the arrow keys): one
// of them reached reaches the group.
bool sameRadioGroup(QWidget *stop, QWidget *visited)
{
    auto *a = qobject_cast<QRadioButton *>(stop);
    auto *b = qobject_cast<QRadioButton *>(visited);
    if (!a || !b)
        return false;
    if (a->group() || b->group())
        return a->group() == b->group();
    return a->autoExclusive() && b->autoExclusive() && a->parentWidget() == b->parentWidget();
}

QStringList tabChain(QWidget *root, const QString &where)
{
    QStringList problems;
    const QList<QWidget *> stops = tabStops(root);
    if (stops.isEmpty())
        return problems;
    QWidget *first = *std::min_element(stops.begin(), stops.end(), [root](QWidget *a, QWidget *b) {
        const QRect ra = rectIn(a, root);
        const QRect rb = rectIn(b, root);
        return ra.top() != rb.top() ? ra.top() < rb.top() : ra.left() < rb.left();
    });
    QWidget *window = root->window();
    window->activateWindow();
    first->setFocus(Qt::TabFocusReason);
    if (QApplication::focusWidget() != first) {
        problems << QStringLiteral("%1: %2 cannot take focus").arg(where, describe(first));
        return problems;
    }
    QList<QWidget *> visited{first};
    for (int press = 0; press < stops.size() + 3; ++press) {
        QWidget *from = QApplication::focusWidget();
        QTest::keyClick(from, Qt::Key_Tab);
        QWidget *to = QApplication::focusWidget();
        if (!to || to->window() != window) {
            problems << QStringLiteral("%1: Tab from %2 leaves the window").arg(where, describe(from));
            break;
        }
        while (to->focusProxy())
            to = to->focusProxy();
        if (to == from && qobject_cast<QDateTimeEdit *>(from) &&
            static_cast<QDateTimeEdit *>(from)->currentSectionIndex() > 0) {
            continue; // Tab walks the day, month and year first, then leaves
        }
        if (to == from) {
            // With one stop only (a dialog whose list is empty, say) there is nowhere else to go.
            if (stops.size() > 1)
                problems << QStringLiteral("%1: Tab stays in %2").arg(where, describe(from));
            break;
        }
        // Back at the first stop, or above it (a tab bar), is the wrap-around; a stop
        // skipped on the way is reported below.
        if (to == first || !root->isAncestorOf(to) || visited.contains(to) ||
            rectIn(to, root).top() < rectIn(first, root).top())
            break;
        if (goesBack(rectIn(from, root), rectIn(to, root)))
            problems
                << QStringLiteral("%1: Tab goes back from %2 to %3").arg(where, describe(from), describe(to));
        visited << to;
    }
    for (QWidget *stop : stops) {
        bool reached = visited.contains(stop);
        for (QWidget *v : visited)
            reached = reached || v->focusProxy() == stop || stop->isAncestorOf(v) || sameRadioGroup(stop, v);
        if (!reached)
            problems << QStringLiteral("%1: Tab does not reach %2 before leaving the form")
                            .arg(where, describe(stop));
    }
    return problems;
}

} // namespace

// Every control a keyboard or screen reader user meets is named, and Tab walks each form in
// reading order without leaving it half way: the pages of every role, inner tabs included,
// and every dialog of the client.
class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pagesOfEveryRole_data();
    void pagesOfEveryRole();
    void dialogs();

private:
    void checkDialog(QWidget *dialog, const QString &where);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<ClinicDirectory> m_clinic;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ApiClient> m_api;
    MemorySecretStore m_secrets;
    std::unique_ptr<SessionManager> m_session;
    QStringList m_problems;
    QStringList m_foreign;
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_accessibility"));
    QSettings().clear();
}

void TestAccessibility::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
    m_clinic = std::make_unique<ClinicDirectory>(m_dir->path());
    m_clinic->setForTesting(
        {{kDoctorId, QStringLiteral("Aziza Karimova"), QStringLiteral("doctor")},
         {kReceptionistId, QStringLiteral("Malika Saidova"), QStringLiteral("receptionist")}},
        Letterhead());
    m_languages = std::make_unique<LanguageManager>();
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    m_api = std::make_unique<ApiClient>();
    m_session = std::make_unique<SessionManager>(*m_api, m_secrets);
    m_problems.clear();
    m_foreign.clear();
}

void TestAccessibility::cleanup()
{
    m_session.reset();
    m_api.reset();
    m_languages.reset();
    m_clinic.reset();
    m_registry.reset();
    m_dir.reset();
}

void TestAccessibility::pagesOfEveryRole_data()
{
    QTest::addColumn<QString>("role");
    for (const QString &role :
         {QStringLiteral("receptionist"), QStringLiteral("doctor"), QStringLiteral("clinic_admin")})
        QTest::newRow(qPrintable(role)) << role;
}

void TestAccessibility::pagesOfEveryRole()
{
    QFETCH(QString, role);
    MainWindow window(*m_registry, *m_languages);
    window.setSession(m_session.get());
    SyncJournal journal(m_registry->database());
    FakeSyncTransport transport;
    SyncEngine engine(journal, transport);
    window.setSync(&engine, &journal);
    WorkspacePages pages(window, m_registry->database(), *m_registry, *m_clinic);
    pages.setSession(m_session.get());
    pages.setSyncEngine(&engine);
    pages.showFor(user(role == QLatin1String("doctor") ? kDoctorId : kReceptionistId, role));
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QTabWidget *workspace = window.workspace();
    int screens = 0;
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
                ++screens;
                QStringList found = unnamed(root, where) + tabChain(root, where);
                for (const QString &problem : found)
                    (problem.contains(QLatin1String("Cabinet")) || isForeign(root) ? m_foreign : m_problems)
                        << problem;
                return;
            }
            for (int i = 0; i < inner.at(level)->count(); ++i) {
                inner.at(level)->setCurrentIndex(i);
                walk(level + 1, where + QStringLiteral(" / ") + inner.at(level)->tabText(i));
            }
        };
        walk(0, role + QStringLiteral(": ") + workspace->tabText(page));
    }
    // The window around the pages: search, patient table, sync status.
    m_problems << unnamed(&window, role + QStringLiteral(": main window"));
    QVERIFY(screens >= 2);
    if (!m_foreign.isEmpty())
        qInfo("Not checked here (cabinet, AI panel):\n%s", qPrintable(m_foreign.join(QLatin1Char('\n'))));
    m_problems.removeDuplicates();
    QVERIFY2(m_problems.isEmpty(), qPrintable(m_problems.join(QLatin1Char('\n'))));
    pages.clear();
}

void TestAccessibility::checkDialog(QWidget *dialog, const QString &where)
{
    dialog->show();
    if (!QTest::qWaitForWindowActive(dialog)) {
        m_problems << where + QStringLiteral(": the window does not become active");
        return;
    }
    m_problems << unnamed(dialog, where) << tabChain(dialog, where);
    dialog->close();
}

void TestAccessibility::dialogs()
{
    QWidget parent;
    const UserProfile desk = user(kReceptionistId, QStringLiteral("receptionist"));

    PatientDialog patient(*m_registry, &parent);
    checkDialog(&patient, QStringLiteral("new patient"));

    Patient someone;
    someone.id = QUuid(QStringLiteral("0190f5a4-7b1c-7d3e-8f00-0000000000a1"));
    someone.lastName = QStringLiteral("Karimov");
    someone.firstName = QStringLiteral("Bekzod");
    PaymentService payments(m_registry->database(), m_dir->path());
    QueueService queue(m_registry->database());
    PaymentDialog payment(payments, queue, *m_clinic, someone, desk, QDate::currentDate(), &parent);
    checkDialog(&payment, QStringLiteral("payment"));

    ReceptionPrinter printer(*m_clinic, &parent);
    CashSummaryView cash(payments, *m_clinic, printer);
    checkDialog(&cash, QStringLiteral("cash summary"));

    WallDisplay wall(m_registry->database(), *m_clinic);
    checkDialog(&wall, QStringLiteral("wall display"));

    StaffDialog staff(&parent);
    checkDialog(&staff, QStringLiteral("new staff member"));

    LetterheadClient letterheadClient(*m_session, *m_clinic);
    LetterheadDialog letterhead(*m_clinic, letterheadClient, &parent);
    checkDialog(&letterhead, QStringLiteral("letterhead"));

    // It deletes itself when closed.
    auto *password = new OneTimePasswordDialog(QStringLiteral("Malika Saidova"), QStringLiteral("malika"),
                                               QStringLiteral("Xk4-pq9-Lm2"), &parent);
    checkDialog(password, QStringLiteral("one-time password"));

    SettingsDialog settings(*m_session, *m_api, *m_languages, &parent);
    settings.setTicketDatabase(&m_registry->database());
    checkDialog(&settings, QStringLiteral("settings"));

    ShortcutsDialog help(&parent);
    checkDialog(&help, QStringLiteral("keyboard shortcuts"));

    SyncJournal journal(m_registry->database());
    ConflictDialog conflicts(journal, &parent);
    checkDialog(&conflicts, QStringLiteral("sync conflicts"));
    SyncErrorsDialog errors(journal, &parent);
    checkDialog(&errors, QStringLiteral("sync errors"));

    LoginDialog login(*m_session, &parent);
    checkDialog(&login, QStringLiteral("sign in"));
    ChangePasswordDialog change(*m_session, QStringLiteral("old-password 1"), &parent);
    checkDialog(&change, QStringLiteral("change password"));
    ForgotPasswordDialog forgot(*m_api, QString(), &parent);
    checkDialog(&forgot, QStringLiteral("forgot password"));
    SignupDialog signup(*m_api, &parent);
    checkDialog(&signup, QStringLiteral("sign-up"));
    LegalDocument terms{QStringLiteral("terms"), QStringLiteral("uz"), QStringLiteral("1"),
                        QStringLiteral("# Shartlar\n\nMatn.")};
    LegalDocument privacy{QStringLiteral("privacy"), QStringLiteral("uz"), QStringLiteral("1"),
                          QStringLiteral("# Maxfiylik\n\nMatn.")};
    ConsentDialog consent(terms, privacy, ConsentDialog::Mode::Accept, &parent);
    checkDialog(&consent, QStringLiteral("consent"));

    m_problems.removeDuplicates();
    QVERIFY2(m_problems.isEmpty(), qPrintable(m_problems.join(QLatin1Char('\n'))));
    // Last: while a lock screen is open it keeps the focus from every other window.
    LockScreen lock(*m_session, &parent);
    checkDialog(&lock, QStringLiteral("lock screen"));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
