#include "api/ApiClient.h"
#include "auth/ApiErrorText.h"
#include "auth/ScreenLocker.h"
#include "clinic/ClinicDirectory.h"
#include "i18n/LanguageManager.h"
#include "registry/MainWindow.h"
#include "registry/PatientDialog.h"
#include "registry/PatientListModel.h"
#include "registry/PatientRegistry.h"
#include "registry/StartupProbe.h"
#include "security/KeychainSecretStore.h"
#include "session/IdleLock.h"
#include "session/OfflineCredentials.h"
#include "session/SessionManager.h"
#include "store/SyncJournal.h"
#include "sync/ApiSyncTransport.h"
#include "sync/SyncEngine.h"
#include "workspace/WorkspacePages.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace medora;

namespace {

// Renders `widget` to a PNG once the event loop has laid it out and painted it.
void grabWhenShown(QWidget *widget, const QString &file, int *exitCode)
{
    QTimer::singleShot(0, widget, [widget, file, exitCode] {
        QCoreApplication::processEvents();
        if (!widget->grab().save(file, "PNG")) {
            std::fprintf(stderr, "medora: cannot write %s\n", qPrintable(file));
            *exitCode = 1;
        }
        QCoreApplication::quit();
    });
}

// The language to speak before the command line is parsed, so that --help is translated
// too: "--language X" / "--language=X" when given and known, else the saved choice.
QString earlyLanguage(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        QString code;
        if (argument == QLatin1String("--language") && i + 1 < arguments.size())
            code = arguments.at(i + 1);
        else if (argument.startsWith(QLatin1String("--language=")))
            code = argument.mid(11);
        if (LanguageManager::isSupported(code))
            return code;
    }
    return LanguageManager::savedLanguage();
}

// Marked with QT_TRANSLATE_NOOP("main", …) at each use, so lupdate finds the strings.
QString translated(const char *text)
{
    return QCoreApplication::translate("main", text);
}

} // namespace

int main(int argc, char *argv[])
{
    // Start-up measurement (tests/bench/bench_coldstart): with MEDORA_STARTUP_PROBE=<search
    // text> in the environment the client reports when its window is usable, then exits.
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    std::unique_ptr<StartupProbe> probe;
    if (StartupProbe::isRequested()) {
        probe = std::make_unique<StartupProbe>(sinceStart);
        probe->mark(QStringLiteral("app"));
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEDORA_VERSION));

    LanguageManager languages;
    languages.setLanguage(earlyLanguage(app.arguments()), false);

    QCommandLineParser parser;
    parser.setApplicationDescription(translated(QT_TRANSLATE_NOOP("main", "Medora clinic client")));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        translated(QT_TRANSLATE_NOOP("main", "Folder of the local patient registry (default: %1)."))
            .arg(PatientRegistry::defaultDataDir()),
        QStringLiteral("DIR"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        translated(QT_TRANSLATE_NOOP(
            "main",
            "Language for this run: uz, ru or en (default: the one chosen in the Language menu, else uz).")),
        QStringLiteral("CODE"));
    const QCommandLineOption searchOption(QStringLiteral("search"),
                                          translated(QT_TRANSLATE_NOOP("main", "Start with this search.")),
                                          QStringLiteral("TEXT"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        translated(QT_TRANSLATE_NOOP("main", "Save the main window as a PNG to FILE and exit.")),
        QStringLiteral("FILE"));
    const QCommandLineOption dialogShotOption(
        QStringLiteral("screenshot-dialog"),
        translated(QT_TRANSLATE_NOOP(
            "main",
            "Save the patient dialog of the selected patient (a new one if the registry is empty) as a PNG "
            "to FILE and exit.")),
        QStringLiteral("FILE"));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        translated(QT_TRANSLATE_NOOP(
            "main", "Address of the clinic's Medora server, e.g. https://clinic.example.uz (remembered).")),
        QStringLiteral("URL"));
    const QCommandLineOption caOption(
        QStringLiteral("ca-certificate"),
        translated(QT_TRANSLATE_NOOP(
            "main",
            "Trust this CA certificate (PEM file) for a clinic's self-hosted server, in addition to the "
            "system's (remembered).")),
        QStringLiteral("FILE"));
    const QCommandLineOption insecureOption(
        QStringLiteral("allow-insecure-http"),
        translated(QT_TRANSLATE_NOOP(
            "main", "Development only: allow http:// server addresses. Passwords and tokens then travel "
                    "unencrypted.")));
    parser.addOptions({dataDirOption, languageOption, searchOption, screenshotOption, dialogShotOption,
                       serverOption, caOption, insecureOption});
    parser.process(app);

    if (parser.isSet(languageOption)) {
        const QString code = parser.value(languageOption);
        if (!LanguageManager::isSupported(code)) {
            std::fprintf(stderr, "medora: unknown language '%s' (use uz, ru or en)\n", qPrintable(code));
            return 2;
        }
        languages.setLanguage(code, false);
    }

    const bool screenshot = parser.isSet(screenshotOption) || parser.isSet(dialogShotOption);
    const QString dataDir =
        parser.isSet(dataDirOption) ? parser.value(dataDirOption) : PatientRegistry::defaultDataDir();
    PatientRegistry registry;
    if (!registry.open(dataDir)) {
        const QString message =
            QCoreApplication::translate("main", "The patient registry cannot be opened.") +
            QStringLiteral("\n\n") + registry.lastError().message;
        std::fprintf(stderr, "medora: %s\n", qPrintable(message));
        if (!screenshot)
            QMessageBox::critical(nullptr, QStringLiteral("Medora"), message);
        return 1;
    }
    if (probe)
        probe->mark(QStringLiteral("registry"));

    // Signing in is optional: without a server or a session the registry works offline.
    KeychainSecretStore secrets;
    ApiClient api;
    api.setAllowInsecureHttp(parser.isSet(insecureOption));
    // The last online user's password verifier, for signing in while the server is away.
    OfflineCredentials offlineCredentials(QDir(dataDir).filePath(OfflineCredentials::fileName()));
    SessionManager session(api, secrets);
    session.setOfflineCredentials(&offlineCredentials);
    QSettings settings;
    QString caFile = settings.value(SessionManager::caCertificateSettingsKey()).toString();
    if (parser.isSet(caOption))
        caFile = QFileInfo(parser.value(caOption)).absoluteFilePath();
    if (!caFile.isEmpty()) {
        QString error;
        if (!api.setCaCertificateFile(caFile, &error)) {
            std::fprintf(stderr, "medora: %s\n", qPrintable(error));
            if (parser.isSet(caOption))
                return 2;
        } else if (parser.isSet(caOption)) {
            settings.setValue(SessionManager::caCertificateSettingsKey(), caFile);
        }
    }
    if (parser.isSet(serverOption)) {
        const ApiError error = session.setServerAddress(parser.value(serverOption));
        if (!error.ok()) {
            std::fprintf(stderr, "medora: %s\n", qPrintable(ApiErrorText::describe(error)));
            return 2;
        }
    } else if (!SessionManager::savedServerAddress().isEmpty()) {
        // A saved http:// address stays unused without the switch; the sign-in dialog explains.
        api.setServerAddress(SessionManager::savedServerAddress());
    }

    // Sync: the journal keeps its outbox and cursor in the registry's own database; the engine
    // reaches the server through the session and runs only while it is signed in.
    SyncJournal journal(registry.database());
    ApiSyncTransport transport(session);
    SyncEngine engine(journal, transport);
    const auto notifyLocalChange = [&engine] { engine.notifyLocalChange(); };
    QObject::connect(&registry, &PatientRegistry::patientSaved, &engine, notifyLocalChange);
    QObject::connect(&registry, &PatientRegistry::patientRemoved, &engine, notifyLocalChange);
    QObject::connect(&registry, &PatientRegistry::registryReset, &engine, notifyLocalChange);
    // Pulled patients, and the server's versions that push answers wrote (conflicts), reach the
    // search index; the registry then tells the list to reload.
    const auto refreshRegistry = [&registry] { registry.refreshFromStore(); };
    QObject::connect(&engine, &SyncEngine::pageApplied, &registry, refreshRegistry);
    QObject::connect(&engine, &SyncEngine::roundFinished, &registry, refreshRegistry);
    // Connected before the window's own slots, so the Sync menu sees the engine's new state.
    QObject::connect(&session, &SessionManager::stateChanged, &engine, [&engine, &session] {
        const bool signedIn = session.state() == SessionManager::State::SignedIn;
        if (signedIn && !engine.isRunning())
            engine.start();
        else if (!signedIn && engine.isRunning())
            engine.stop();
    });
    // A token refresh that worked means the server is reachable again.
    QObject::connect(&session, &SessionManager::refreshed, &engine, [&engine] {
        if (engine.isRunning())
            engine.notifyReconnected();
    });

    // The clinic's staff names and letterhead, cached beside the registry for offline use.
    ClinicDirectory clinic(dataDir);

    int exitCode = 0;
    {
        MainWindow window(registry, languages);
        window.setSession(&session);
        window.setSync(&engine, &journal);
        // The reception desk and the doctor's cabinet for whoever signs in.
        WorkspacePages pages(window, registry.database(), registry, clinic);
        pages.setSyncEngine(&engine);
        pages.follow(session);
        if (parser.isSet(searchOption))
            window.searchField()->setText(parser.value(searchOption));
        if (probe) {
            probe->mark(QStringLiteral("window"));
            probe->watch(window, registry.patientCount());
        }
        window.show();
        // Shared clinic PCs: the screen locks after the idle time (security/idleLockMinutes,
        // default 10, 0 = off) and, once someone signed in online with this data, whenever
        // nobody is signed in; such a PC also starts locked, so a restart asks for the password.
        IdleLock idleLock;
        std::unique_ptr<ScreenLocker> screenLocker;
        if (!screenshot) {
            if (offlineCredentials.isEnrolled() && idleLock.timeoutMs() > 0)
                idleLock.lock();
            screenLocker = std::make_unique<ScreenLocker>(session, idleLock, &window);
        }
        QObject::connect(&window, &MainWindow::idleLockMinutesChanged, &idleLock,
                         [&idleLock](int minutes) { idleLock.setTimeoutMs(qint64(minutes) * 60 * 1000); });

        if (parser.isSet(screenshotOption)) {
            grabWhenShown(&window, parser.value(screenshotOption), &exitCode);
        } else if (parser.isSet(dialogShotOption)) {
            window.editCurrentPatient();
            if (!window.patientDialog())
                window.newPatient();
            grabWhenShown(window.patientDialog(), parser.value(dialogShotOption), &exitCode);
        } else {
            // Resumes the last session from the keychain once the window is up; offline use
            // never waits for it.
            QTimer::singleShot(0, &session, [&session] { session.restore(); });
        }
        const int result = app.exec();
        if (exitCode == 0)
            exitCode = result;
    }
    engine.stop(); // nothing may touch the database once the registry closes it
    registry.close();
    return exitCode;
}
