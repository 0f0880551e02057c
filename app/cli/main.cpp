#include "CliExitCode.h"
#include "SyncCommands.h"
#include "registry/PatientCsvExporter.h"
#include "registry/PatientCsvImporter.h"
#include "registry/PatientRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QUuid>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <optional>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#define NOMINMAX
#include <windows.h>
#endif

using namespace medora;

namespace {

constexpr int kDefaultSearchLimit = 50;
constexpr int kMaxSearchLimit = 100000;
constexpr size_t kLookupPage = 500;
constexpr int kMaxWatchSeconds = 7 * 24 * 3600;
constexpr qint64 kMaxPasswordBytes = 4096;

void writeLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

void printOut(const QString &text)
{
    writeLine(stdout, text);
}

void printError(const QString &text)
{
    writeLine(stderr, QStringLiteral("medora-cli: ") + text);
}

// The language has to be known before the parser is built, since the option help is
// translated; so --language is looked for ahead of the real parse.
QString requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("--"))
            break;
        if (argument == QLatin1String("--language") && i + 1 < arguments.size())
            return arguments[i + 1];
        if (argument.startsWith(QLatin1String("--language=")))
            return argument.mid(int(sizeof("--language=") - 1));
    }
    return QStringLiteral("en");
}

bool isSupportedLanguage(const QString &code)
{
    return code == QLatin1String("uz") || code == QLatin1String("ru") || code == QLatin1String("en");
}

// Installs the catalogue compiled into this binary from translations/medora_<code>.ts
// (the same catalogues the desktop client embeds) and Qt's own when the system has it.
bool installLanguage(const QString &code, QTranslator &medora, QTranslator &qt)
{
    if (code == QLatin1String("en"))
        return true;
    if (!medora.load(QStringLiteral(":/i18n/medora_%1.qm").arg(code)))
        return false;
    QCoreApplication::installTranslator(&medora);
    const QLocale locale(code == QLatin1String("uz")
                             ? QLocale(QLocale::Uzbek, QLocale::LatinScript, QLocale::Uzbekistan)
                             : QLocale(QLocale::Russian, QLocale::Russia));
    if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
    QLocale::setDefault(locale);
    return true;
}

// The first line of standard input, without its line end; nothing when stdin cannot be read.
std::optional<QByteArray> readPasswordLine()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray line = input.readLine(kMaxPasswordBytes);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

int usageError(const QString &message)
{
    printError(message);
    printError(QCoreApplication::translate("medora-cli", "Run medora-cli --help for the commands."));
    return UsageError;
}

int storeFailure(const StoreError &error)
{
    printError(error.message);
    return StoreFailure;
}

// Continuation lines of a multi-line value are indented under the first.
QString indented(const QString &value)
{
    QString text = value;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\n'), QLatin1String("\n  "));
    return text;
}

QString sexKey(Sex sex)
{
    return sex == Sex::Male ? QStringLiteral("m") : sex == Sex::Female ? QStringLiteral("f") : QString();
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

int runCount(PatientRegistry &registry)
{
    printOut(QString::number(registry.patientCount()));
    return Done;
}

int runSearch(PatientRegistry &registry, const QString &query, int limit)
{
    const std::vector<qint64> ids = registry.search(query, limit);
    const QList<Patient> patients = registry.patients(ids);
    if (!registry.store().lastError().ok())
        return storeFailure(registry.store().lastError());
    for (const Patient &patient : patients) {
        printOut(QStringList{patient.number, patient.displayName(), isoDate(patient.birthDate), patient.phone}
                     .join(QLatin1Char('\t')));
    }
    return Done;
}

// A patient by number through the index, or by UUID by reading the registry page by page
// (the index does not hold UUIDs, and the registry has no lookup by UUID).
std::optional<Patient> findPatient(PatientRegistry &registry, const QString &key, bool *failed)
{
    *failed = false;
    const QUuid id = QUuid::fromString(key.trimmed());
    if (!id.isNull()) {
        const std::vector<qint64> order = registry.browseOrder();
        for (size_t start = 0; start < order.size(); start += kLookupPage) {
            const std::vector<qint64> page(order.begin() + qsizetype(start),
                                           order.begin() +
                                               qsizetype(std::min(order.size(), start + kLookupPage)));
            const QList<Patient> patients = registry.patients(page);
            if (!registry.store().lastError().ok()) {
                *failed = true;
                return std::nullopt;
            }
            for (const Patient &patient : patients) {
                if (patient.id == id && !patient.deleted)
                    return patient;
            }
        }
        return std::nullopt;
    }

    const QString number = key.trimmed();
    const QList<Patient> candidates = registry.patients(registry.search(number, 10));
    if (!registry.store().lastError().ok()) {
        *failed = true;
        return std::nullopt;
    }
    for (const Patient &patient : candidates) {
        if (patient.number.compare(number, Qt::CaseInsensitive) == 0 && !patient.deleted)
            return patient;
    }
    return std::nullopt;
}

int runShow(PatientRegistry &registry, const QString &key)
{
    bool failed = false;
    const std::optional<Patient> found = findPatient(registry, key, &failed);
    if (failed)
        return storeFailure(registry.store().lastError());
    if (!found) {
        printError(QCoreApplication::translate("medora-cli", "No patient has the number or id %1.").arg(key));
        return InvalidInput;
    }
    const Patient &patient = *found;
    // Keys are the CSV column names (docs/cli.md), the same in every language.
    const QList<std::pair<const char *, QString>> fields = {
        {"number", patient.number},
        {"id", patient.id.toString(QUuid::WithoutBraces)},
        {"last_name", patient.lastName},
        {"first_name", patient.firstName},
        {"father_name", patient.fatherName},
        {"birth_date", isoDate(patient.birthDate)},
        {"birth_date_estimated",
         patient.birthDate.isValid() ? QString::number(patient.birthDateEstimated ? 1 : 0) : QString()},
        {"sex", sexKey(patient.sex)},
        {"phone", patient.phone},
        {"address", patient.address},
        {"allergies", patient.allergies},
        {"medications", patient.medications},
        {"history", patient.history},
        {"notes", patient.notes},
        {"created_at", patient.createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {"updated_at", patient.updatedAt.toUTC().toString(Qt::ISODateWithMs)},
        {"created_by", patient.createdBy},
    };
    for (const auto &[name, value] : fields)
        printOut(QLatin1String(name) + QLatin1Char(':') +
                 (value.isEmpty() ? QString() : QLatin1Char(' ') + indented(value)));
    return Done;
}

int runImport(PatientRegistry &registry, const QString &file, bool dryRun)
{
    PatientCsvImporter importer(registry);
    const PatientCsvImporter::Mode mode =
        dryRun ? PatientCsvImporter::Mode::DryRun : PatientCsvImporter::Mode::Import;
    PatientCsvImporter::Outcome outcome;
    if (file == QLatin1String("-")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            printError(QCoreApplication::translate("medora-cli", "Standard input cannot be read: %1")
                           .arg(input.errorString()));
            return InvalidInput;
        }
        outcome = importer.importFrom(input, mode);
    } else {
        outcome = importer.importFile(file, mode);
    }

    const int rows = int(std::min<qint64>(importer.rowCount(), INT_MAX));
    switch (outcome) {
    case PatientCsvImporter::Outcome::Imported:
        printOut(QCoreApplication::translate("medora-cli", "Imported %n patient(s).", nullptr, rows));
        return Done;
    case PatientCsvImporter::Outcome::Valid:
        printOut(
            QCoreApplication::translate("medora-cli",
                                        "The file is valid: %n patient(s) would be imported. Nothing was "
                                        "written (dry run).",
                                        nullptr, rows));
        return Done;
    case PatientCsvImporter::Outcome::InvalidInput:
        for (const QString &line : importer.errorReport())
            writeLine(stderr, line);
        printError(QCoreApplication::translate("medora-cli", "Nothing was imported."));
        return InvalidInput;
    case PatientCsvImporter::Outcome::StoreFailed:
        printError(QCoreApplication::translate("medora-cli", "Nothing was imported."));
        return storeFailure(importer.storeError());
    }
    return InvalidInput;
}

int runExport(PatientRegistry &registry, const QString &file, const std::optional<QString> &query)
{
    std::vector<qint64> ids;
    if (query) {
        const int everyone = int(std::clamp<qint64>(registry.patientCount(), 1, INT_MAX));
        ids = registry.search(*query, everyone);
    } else {
        ids = registry.browseOrder();
    }

    PatientCsvExporter exporter(registry);
    if (file == QLatin1String("-")) {
        QFile output;
        if (!output.open(stdout, QIODevice::WriteOnly) || !exporter.write(output, ids)) {
            printError(exporter.errorString().isEmpty() ? output.errorString() : exporter.errorString());
            return StoreFailure;
        }
        return Done;
    }
    if (!exporter.writeFile(file, ids)) {
        printError(exporter.errorString());
        return StoreFailure;
    }
    const int rows = int(std::min<qint64>(exporter.exportedCount(), INT_MAX));
    printOut(QCoreApplication::translate("medora-cli", "Exported %n patient(s).", nullptr, rows));
    return Done;
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    // Names are Cyrillic and Uzbek: the console must take UTF-8, and CSV bytes must pass
    // through stdin and stdout untouched.
    SetConsoleOutputCP(CP_UTF8);
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    QCoreApplication app(argc, argv);
    // The same names as the desktop client, so that the default data folder is the same.
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEDORA_VERSION));

    const QString language = requestedLanguage(QCoreApplication::arguments());
    QTranslator medoraCatalogue;
    QTranslator qtCatalogue;
    const bool languageSupported = isSupportedLanguage(language);
    if (languageSupported && !installLanguage(language, medoraCatalogue, qtCatalogue))
        printError(QCoreApplication::translate("medora-cli",
                                               "The %1 catalogue cannot be loaded; messages stay in English.")
                       .arg(language));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "medora-cli",
        "Medora's patient registry on the command line.\n"
        "\n"
        "Commands:\n"
        "  count                     how many patients the registry holds\n"
        "  search QUERY [--limit N]  find patients; prints number, name, date of birth and phone,\n"
        "                            separated by tabs\n"
        "  show NUMBER|UUID          every field of one patient\n"
        "  import FILE [--dry-run]   import a CSV patient list, all rows or none (FILE - reads stdin)\n"
        "  export FILE [--query Q]   write the patients, or those a search finds, as CSV\n"
        "                            (FILE - writes stdout)\n"
        "  login --server URL --login NAME --password-stdin [--ca-certificate FILE]\n"
        "        [--allow-insecure-http]\n"
        "                            sign in to the clinic's server; the session is kept in the\n"
        "                            system keychain\n"
        "  sync [--once | --watch SECONDS]\n"
        "                            send the changes made here and fetch the server's (--once, the\n"
        "                            default: one round; --watch: keep syncing that long)\n"
        "  status                    what waits to be sent, what the server refused, conflicts,\n"
        "                            the last successful pull\n"
        "  logout                    end the session here and on the server\n"
        "\n"
        "Exit codes: 0 done, 1 wrong usage, 2 invalid input (nothing was changed), 3 the registry\n"
        "or a file cannot be read or written, 4 sync failed (server unreachable or refusing, not\n"
        "signed in), 5 not in sync (changes wait, were refused or are in conflict). The CSV format\n"
        "is described in docs/cli.md."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("medora-cli", "Folder of the patient registry (default: %1).")
            .arg(PatientRegistry::defaultDataDir()),
        QStringLiteral("DIR"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QCoreApplication::translate("medora-cli", "Language of the messages: uz, ru or en (default: en)."),
        QStringLiteral("CODE"));
    const QCommandLineOption limitOption(
        QStringLiteral("limit"),
        QCoreApplication::translate("medora-cli", "search: at most N patients (default: %1).")
            .arg(kDefaultSearchLimit),
        QStringLiteral("N"));
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"),
        QCoreApplication::translate("medora-cli", "import: check the whole file but write nothing."));
    const QCommandLineOption queryOption(
        QStringLiteral("query"),
        QCoreApplication::translate("medora-cli", "export: only the patients this search finds."),
        QStringLiteral("Q"));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QCoreApplication::translate("medora-cli", "login: the server's address, e.g. clinic.example.uz."),
        QStringLiteral("URL"));
    const QCommandLineOption caCertificateOption(
        QStringLiteral("ca-certificate"),
        QCoreApplication::translate("medora-cli", "login: trust the clinic's own CA certificate (PEM file)."),
        QStringLiteral("FILE"));
    const QCommandLineOption allowInsecureHttpOption(
        QStringLiteral("allow-insecure-http"),
        QCoreApplication::translate("medora-cli",
                                    "login: allow an http:// server address (development only)."));
    const QCommandLineOption loginOption(
        QStringLiteral("login"),
        QCoreApplication::translate("medora-cli", "login: the login or phone number."),
        QStringLiteral("NAME"));
    const QCommandLineOption passwordStdinOption(
        QStringLiteral("password-stdin"),
        QCoreApplication::translate("medora-cli", "login: read the password from the first line of stdin."));
    const QCommandLineOption onceOption(
        QStringLiteral("once"),
        QCoreApplication::translate("medora-cli", "sync: one round, then exit (the default)."));
    const QCommandLineOption watchOption(
        QStringLiteral("watch"),
        QCoreApplication::translate("medora-cli", "sync: keep syncing for SECONDS, then exit."),
        QStringLiteral("SECONDS"));
    parser.addOptions({dataDirOption, languageOption, limitOption, dryRunOption, queryOption, serverOption,
                       caCertificateOption, allowInsecureHttpOption, loginOption, passwordStdinOption,
                       onceOption, watchOption});
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate("medora-cli",
                                    "count, search, show, import, export, login, sync, status or "
                                    "logout, and its arguments."),
        QStringLiteral("command [arguments]"));

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Done;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        printOut(QStringLiteral("medora-cli %1").arg(QCoreApplication::applicationVersion()));
        return Done;
    }
    if (!languageSupported) {
        return usageError(QCoreApplication::translate("medora-cli", "Unknown language %1; use uz, ru or en.")
                              .arg(language));
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QCoreApplication::translate("medora-cli", "No command given."));
    const QString command = positional.front();
    const QStringList arguments = positional.mid(1);

    const auto onlyFor = [&](const QCommandLineOption &option, const char *owner) {
        return !parser.isSet(option) || command == QLatin1String(owner);
    };
    if (!onlyFor(limitOption, "search") || !onlyFor(dryRunOption, "import") ||
        !onlyFor(queryOption, "export") || !onlyFor(serverOption, "login") ||
        !onlyFor(caCertificateOption, "login") || !onlyFor(allowInsecureHttpOption, "login") ||
        !onlyFor(loginOption, "login") || !onlyFor(passwordStdinOption, "login") ||
        !onlyFor(onceOption, "sync") || !onlyFor(watchOption, "sync")) {
        return usageError(QCoreApplication::translate(
                              "medora-cli", "An option was given that the command %1 does not take.")
                              .arg(command));
    }

    int limit = kDefaultSearchLimit;
    if (command == QLatin1String("count")) {
        if (!arguments.isEmpty())
            return usageError(QCoreApplication::translate("medora-cli", "count takes no arguments."));
    } else if (command == QLatin1String("search")) {
        if (arguments.isEmpty())
            return usageError(QCoreApplication::translate("medora-cli", "search needs a QUERY."));
        if (parser.isSet(limitOption)) {
            bool ok = false;
            limit = parser.value(limitOption).toInt(&ok);
            if (!ok || limit < 1 || limit > kMaxSearchLimit) {
                return usageError(
                    QCoreApplication::translate("medora-cli", "--limit must be a number from 1 to %1.")
                        .arg(kMaxSearchLimit));
            }
        }
    } else if (command == QLatin1String("show") || command == QLatin1String("import") ||
               command == QLatin1String("export")) {
        if (arguments.size() != 1) {
            return usageError(
                QCoreApplication::translate("medora-cli", "%1 needs exactly one argument.").arg(command));
        }
    } else if (command == QLatin1String("login") || command == QLatin1String("sync") ||
               command == QLatin1String("status") || command == QLatin1String("logout")) {
        if (!arguments.isEmpty()) {
            return usageError(
                QCoreApplication::translate("medora-cli", "%1 takes no arguments, only options.")
                    .arg(command));
        }
    } else {
        return usageError(QCoreApplication::translate("medora-cli", "Unknown command %1.").arg(command));
    }

    const QString dataDir =
        parser.isSet(dataDirOption) ? parser.value(dataDirOption) : PatientRegistry::defaultDataDir();

    if (command == QLatin1String("login")) {
        if (!parser.isSet(serverOption) || !parser.isSet(loginOption) || !parser.isSet(passwordStdinOption)) {
            return usageError(QCoreApplication::translate(
                "medora-cli", "login needs --server URL, --login NAME and --password-stdin."));
        }
        SyncCommands::LoginArguments login;
        login.server = parser.value(serverOption);
        login.caCertificate = parser.value(caCertificateOption);
        login.allowInsecureHttp = parser.isSet(allowInsecureHttpOption);
        login.login = parser.value(loginOption);
        const std::optional<QByteArray> password = readPasswordLine();
        if (!password || password->isEmpty()) {
            printError(QCoreApplication::translate("medora-cli", "No password arrived on standard input."));
            return InvalidInput;
        }
        return SyncCommands(dataDir).login(login, *password);
    }
    if (command == QLatin1String("sync")) {
        int watchSeconds = 0;
        if (parser.isSet(watchOption)) {
            bool ok = false;
            watchSeconds = parser.value(watchOption).toInt(&ok);
            if (parser.isSet(onceOption) || !ok || watchSeconds < 1 || watchSeconds > kMaxWatchSeconds) {
                return usageError(QCoreApplication::translate(
                                      "medora-cli", "--watch must be a number of seconds from 1 to %1, "
                                                    "without --once.")
                                      .arg(kMaxWatchSeconds));
            }
        }
        return SyncCommands(dataDir).sync(watchSeconds);
    }
    if (command == QLatin1String("status"))
        return SyncCommands(dataDir).status();
    if (command == QLatin1String("logout"))
        return SyncCommands(dataDir).logout();
    PatientRegistry registry;
    if (!registry.open(dataDir))
        return storeFailure(registry.lastError());

    int result = Done;
    if (command == QLatin1String("count"))
        result = runCount(registry);
    else if (command == QLatin1String("search"))
        result = runSearch(registry, arguments.join(QLatin1Char(' ')), limit);
    else if (command == QLatin1String("show"))
        result = runShow(registry, arguments.front());
    else if (command == QLatin1String("import"))
        result = runImport(registry, arguments.front(), parser.isSet(dryRunOption));
    else
        result = runExport(registry, arguments.front(),
                           parser.isSet(queryOption) ? std::optional<QString>(parser.value(queryOption))
                                                     : std::nullopt);
    registry.close();
    std::fflush(stdout);
    return result;
}
