#include "MemorySecretStore.h"
#include "api/ApiClient.h"
#include "i18n/LanguageManager.h"
#include "queue/TicketNumber.h"
#include "queue/TicketSeries.h"
#include "registry/MainWindow.h"
#include "registry/PatientRegistry.h"
#include "session/SessionManager.h"
#include "settings/SettingsDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

// This PC's ticket letter in the settings: it shows the letter TicketSeries numbers from, takes
// only one Latin letter, and what is saved is what the queue numbers from next.
class TestTicketLetter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_ticketletter"));
    }

    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_registry = std::make_unique<PatientRegistry>();
        QVERIFY2(m_registry->open(m_dir->path()), qPrintable(m_registry->lastError().message));
        m_languages = std::make_unique<LanguageManager>();
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
        m_api = std::make_unique<ApiClient>();
        m_session = std::make_unique<SessionManager>(*m_api, m_secrets);
        m_window = std::make_unique<MainWindow>(*m_registry, *m_languages);
        m_window->setSession(m_session.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showSettings();
        m_settings = m_window->settingsDialog();
        QVERIFY(m_settings);
        QVERIFY(QTest::qWaitForWindowExposed(m_settings));
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_api.reset();
        m_languages.reset();
        m_registry.reset();
        m_dir.reset();
    }

    void showsTheLetterTheQueueNumbersFrom()
    {
        QLineEdit *field = m_settings->ticketLetterField();
        QVERIFY(field->isVisible());
        TicketSeries series(m_registry->database());
        const int current = series.series();
        QVERIFY(current >= 1 && current <= 26);
        QCOMPARE(field->text(), TicketNumber::letter(current));
        // The note about two PCs is on screen next to it.
        auto *hint = m_settings->findChild<QLabel *>(QStringLiteral("ticketLetterHint"));
        QVERIFY(hint && hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("different letter")), qPrintable(hint->text()));
    }

    void takesOnlyOneLatinLetter()
    {
        QLineEdit *field = m_settings->ticketLetterField();
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, QStringLiteral("7"));
        QVERIFY(field->text() != QStringLiteral("7"));
        field->clear();
        // Cyrillic "Б" looks like a letter but is not one of A to Z.
        QTest::sendKeyEvent(QTest::KeyAction::Click, field, Qt::Key_unknown, QString(QChar(0x0411)),
                            Qt::NoModifier);
        QCOMPARE(field->text(), QString());
        QTest::keyClicks(field, QStringLiteral("km"));
        QCOMPARE(field->text(), QStringLiteral("K")); // upper case, one letter at most

        // An empty letter is refused by name and nothing is saved.
        const int before = TicketSeries(m_registry->database()).series();
        field->clear();
        m_settings->accept();
        QVERIFY(m_settings->isVisible());
        QVERIFY2(m_settings->errorLabel()->text().startsWith(QStringLiteral("Ticket letter:")),
                 qPrintable(m_settings->errorLabel()->text()));
        QCOMPARE(m_settings->focusWidget(), field);
        QCOMPARE(TicketSeries(m_registry->database()).series(), before);
    }

    void savedLetterIsWhereTheQueueReadsIt()
    {
        QLineEdit *field = m_settings->ticketLetterField();
        const int before = TicketSeries(m_registry->database()).series();
        const QString wanted =
            before == TicketNumber::seriesOf(QStringLiteral("Q")) ? QStringLiteral("r") : QStringLiteral("q");
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, wanted);
        m_settings->accept();
        QVERIFY2(!m_settings->isVisible(), qPrintable(m_settings->errorLabel()->text()));
        QCOMPARE(m_registry->database().meta(TicketSeries::metaKey()), wanted.toUpper());
        TicketSeries series(m_registry->database());
        QCOMPARE(series.series(), TicketNumber::seriesOf(wanted));
        const int ticket = series.nextTicket(QStringLiteral("doc-1"), QDate::currentDate());
        QVERIFY(TicketNumber::text(ticket).startsWith(wanted.toUpper() + QLatin1Char('-')));
        // Settings opened again (a new dialog: the old one closed for good) show the saved letter.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(!m_window->settingsDialog());
        m_window->showSettings();
        QCOMPARE(m_window->settingsDialog()->ticketLetterField()->text(), wanted.toUpper());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ApiClient> m_api;
    MemorySecretStore m_secrets;
    std::unique_ptr<SessionManager> m_session;
    std::unique_ptr<MainWindow> m_window;
    SettingsDialog *m_settings = nullptr;
};

QTEST_MAIN(TestTicketLetter)
#include "tst_ticketletter.moc"
