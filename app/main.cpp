#include "i18n/LanguageManager.h"
#include "registry/MainWindow.h"
#include "registry/PatientDialog.h"
#include "registry/PatientListModel.h"
#include "registry/PatientRegistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLineEdit>
#include <QMessageBox>
#include <QTableView>
#include <QTimer>

#include <cstdio>

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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEDORA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Medora clinic client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QStringLiteral("Folder of the local patient registry (default: %1).")
            .arg(PatientRegistry::defaultDataDir()),
        QStringLiteral("DIR"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral("Language for this run: uz, ru or en (default: the "
                       "one chosen in the Language menu, else uz)."),
        QStringLiteral("CODE"));
    const QCommandLineOption searchOption(QStringLiteral("search"), QStringLiteral("Start with this search."),
                                          QStringLiteral("TEXT"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QStringLiteral("Save the main window as a PNG to FILE and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption dialogShotOption(
        QStringLiteral("screenshot-dialog"),
        QStringLiteral("Save the patient dialog of the selected patient (a new one if the registry is empty) "
                       "as a PNG to FILE and exit."),
        QStringLiteral("FILE"));
    parser.addOptions({dataDirOption, languageOption, searchOption, screenshotOption, dialogShotOption});
    parser.process(app);

    LanguageManager languages;
    if (parser.isSet(languageOption)) {
        const QString code = parser.value(languageOption);
        if (!LanguageManager::isSupported(code)) {
            std::fprintf(stderr, "medora: unknown language '%s' (use uz, ru or en)\n", qPrintable(code));
            return 2;
        }
        languages.setLanguage(code, false);
    } else {
        languages.setLanguage(LanguageManager::savedLanguage(), false);
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

    int exitCode = 0;
    {
        MainWindow window(registry, languages);
        if (parser.isSet(searchOption))
            window.searchField()->setText(parser.value(searchOption));
        window.show();

        if (parser.isSet(screenshotOption)) {
            grabWhenShown(&window, parser.value(screenshotOption), &exitCode);
        } else if (parser.isSet(dialogShotOption)) {
            window.editCurrentPatient();
            if (!window.patientDialog())
                window.newPatient();
            grabWhenShown(window.patientDialog(), parser.value(dialogShotOption), &exitCode);
        }
        const int result = app.exec();
        if (exitCode == 0)
            exitCode = result;
    }
    registry.close();
    return exitCode;
}
