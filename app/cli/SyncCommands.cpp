#include "SyncCommands.h"

#include "CliExitCode.h"
#include "api/ApiClient.h"
#include "registry/PatientRegistry.h"
#include "security/KeychainSecretStore.h"
#include "session/SessionManager.h"
#include "store/SyncJournal.h"
#include "sync/ApiSyncTransport.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QStringList>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace medora {

namespace {

// Every wait below ends by itself (each call has a transfer timeout); this only guards
// against a signal that never comes.
constexpr int kSessionWaitMs = 2 * ApiClient::kDefaultTransferTimeoutMs + 10000;
constexpr int kLongPollSeconds = 20;

void writeLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

void printOut(const QString &text)
{
    writeLine(stdout, text);
}

void printError(const QString &text)
{
    writeLine(stderr, QStringLiteral("medora-cli: ") + text);
}

QString timeText(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString ageText(const QDateTime &utc, const QDateTime &now)
{
    const qint64 seconds = std::max<qint64>(0, utc.secsTo(now));
    if (seconds < 120)
        return SyncCommands::tr("%n second(s) ago", nullptr, int(seconds));
    if (seconds < 2 * 3600)
        return SyncCommands::tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 2 * 86400)
        return SyncCommands::tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    return SyncCommands::tr("%n day(s) ago", nullptr, int(seconds / 86400));
}

QString entityText(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Patient:
        return SyncCommands::tr("patient");
    case EntityKind::Visit:
        return SyncCommands::tr("visit");
    case EntityKind::Report:
        return SyncCommands::tr("report");
    case EntityKind::Payment:
        return SyncCommands::tr("payment");
    }
    return QString();
}

QString recordText(EntityKind kind, const QString &label, const QUuid &id)
{
    return QStringLiteral("%1 %2").arg(entityText(kind),
                                       label.isEmpty() ? id.toString(QUuid::WithoutBraces) : label);
}

} // namespace

SyncCommands::SyncCommands(const QString &dataDir) : m_dataDir(dataDir)
{
    // The CLI's settings (server, CA file, device id) belong to the data folder it works on.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       QDir(dataDir).filePath(QStringLiteral("cli")));
}

bool SyncCommands::waitFor(const std::function<bool()> &finished, int timeoutMs)
{
    bool timedOut = false;
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    guard.start(timeoutMs);
    QEventLoop *const outer = m_waitLoop;
    m_waitLoop = &loop;
    while (!finished() && !timedOut)
        loop.exec();
    m_waitLoop = outer;
    return finished();
}

void SyncCommands::wake()
{
    if (m_waitLoop)
        m_waitLoop->quit();
}

SyncCommands::~SyncCommands()
{
    m_session.reset();
    m_secrets.reset();
    m_api.reset();
}

QString SyncCommands::keychainService()
{
    return QStringLiteral("Medora CLI %1").arg(SessionManager::deviceId());
}

QString SyncCommands::describe(const ApiError &error)
{
    const QString &code = error.code;
    switch (error.kind) {
    case ApiError::Kind::None:
        return QString();
    case ApiError::Kind::Offline:
        return tr("The server cannot be reached. Check the network and the server address.");
    case ApiError::Kind::Timeout:
        return tr("The server did not answer in time.");
    case ApiError::Kind::Tls:
        return tr("The server's certificate is not trusted. For a clinic's own server, give its CA "
                  "certificate with --ca-certificate FILE.");
    case ApiError::Kind::InsecureUrl:
        return tr("Addresses starting with http:// are refused unless --allow-insecure-http is given.");
    case ApiError::Kind::InvalidUrl:
        return tr("The server address is not valid; give it like clinic.example.uz or "
                  "https://clinic.example.uz.");
    case ApiError::Kind::TooLarge:
    case ApiError::Kind::BadResponse:
        return tr("The server gave an answer medora-cli does not understand (%1).").arg(error.message);
    case ApiError::Kind::Cancelled:
        return tr("Cancelled.");
    case ApiError::Kind::NotSignedIn:
        return tr("Not signed in: run medora-cli login.");
    case ApiError::Kind::Server:
        break;
    }
    if (code == QLatin1String("invalid_credentials"))
        return tr("The login or the password is wrong.");
    if (code == QLatin1String("login_throttled") || code == QLatin1String("rate_limited"))
        return error.retryAfterSeconds >= 0
                   ? tr("Too many attempts. Try again in %n second(s).", nullptr, error.retryAfterSeconds)
                   : tr("Too many attempts. Try again later.");
    if (code == QLatin1String("invalid_token"))
        return tr("The session has ended: run medora-cli login again.");
    if (code == QLatin1String("password_change_required"))
        return tr("The account must change its password first: sign in once with the Medora app.");
    if (code == QLatin1String("https_required"))
        return tr("The server accepts only secure connections: use its https:// address.");
    if (code == QLatin1String("host_not_allowed"))
        return tr("The server does not answer to this address.");
    if (code == QLatin1String("forbidden"))
        return tr("This account may not do this.");
    if (error.httpStatus == 503)
        return tr("The server is busy. Try again in a moment.");
    return tr("The server refused the request (%1, HTTP %2).").arg(code).arg(error.httpStatus);
}

bool SyncCommands::prepareSession()
{
    const QString server = SessionManager::savedServerAddress();
    if (server.isEmpty()) {
        printError(tr("No server is set up for %1: run medora-cli login first.")
                       .arg(QDir::toNativeSeparators(m_dataDir)));
        return false;
    }
    QSettings settings;
    m_api = std::make_unique<ApiClient>();
    m_api->setAllowInsecureHttp(settings.value(allowInsecureHttpSettingsKey()).toBool());
    const QString caFile = settings.value(SessionManager::caCertificateSettingsKey()).toString();
    if (!caFile.isEmpty()) {
        QString error;
        if (!m_api->setCaCertificateFile(caFile, &error)) {
            printError(error);
            return false;
        }
    }
    m_secrets = std::make_unique<KeychainSecretStore>(keychainService());
    m_session = std::make_unique<SessionManager>(*m_api, *m_secrets);
    const ApiError error = m_session->setServerAddress(server);
    if (!error.ok()) {
        printError(describe(error));
        return false;
    }
    return true;
}

bool SyncCommands::restoreSession(ApiError *failure)
{
    QString keychainError;
    std::optional<ApiError> outcome;
    QObject scope;
    QObject::connect(m_session.get(), &SessionManager::keychainFailed, &scope,
                     [&](const QString &message) { keychainError = message; });
    QObject::connect(m_session.get(), &SessionManager::signedIn, &scope, [&](const UserProfile &) {
        outcome = ApiError();
        wake();
    });
    QObject::connect(m_session.get(), &SessionManager::restoreFailed, &scope, [&](const ApiError &error) {
        outcome = error;
        wake();
    });
    QObject::connect(
        m_session.get(), &SessionManager::passwordChangeRequired, &scope, [&](const UserProfile &) {
            outcome = ApiError::make(ApiError::Kind::Server, QStringLiteral("password_change_required"),
                                     QStringLiteral("password change required"));
            outcome->httpStatus = 403;
            wake();
        });

    if (!m_session->restore()) {
        *failure = ApiError::make(ApiError::Kind::NotSignedIn, ApiError::notSignedInCode(),
                                  QStringLiteral("no saved session"));
        if (!keychainError.isEmpty())
            printError(tr("The keychain cannot be read: %1").arg(keychainError));
        else
            printError(tr("Not signed in to %1: run medora-cli login.").arg(m_api->serverUrl().toString()));
        return false;
    }
    if (!waitFor([&] { return outcome.has_value(); }, kSessionWaitMs)) {
        *failure =
            ApiError::make(ApiError::Kind::Timeout, ApiError::timeoutCode(), QStringLiteral("no answer"));
        printError(describe(*failure));
        return false;
    }
    *failure = *outcome;
    if (!failure->ok()) {
        printError(describe(*failure));
        return false;
    }
    return true;
}

int SyncCommands::login(const LoginArguments &arguments, const QByteArray &password)
{
    QSettings settings;
    const QVariant previousServer = settings.value(SessionManager::serverSettingsKey());
    const QVariant previousCa = settings.value(SessionManager::caCertificateSettingsKey());
    const QVariant previousInsecure = settings.value(allowInsecureHttpSettingsKey());
    const auto restoreSettings = [&] {
        QSettings restored;
        const auto put = [&restored](const QString &key, const QVariant &value) {
            if (value.isValid())
                restored.setValue(key, value);
            else
                restored.remove(key);
        };
        put(SessionManager::serverSettingsKey(), previousServer);
        put(SessionManager::caCertificateSettingsKey(), previousCa);
        put(allowInsecureHttpSettingsKey(), previousInsecure);
    };

    m_api = std::make_unique<ApiClient>();
    m_api->setAllowInsecureHttp(arguments.allowInsecureHttp);
    QString caFile;
    if (!arguments.caCertificate.isEmpty()) {
        caFile = QFileInfo(arguments.caCertificate).absoluteFilePath();
        QString error;
        if (!m_api->setCaCertificateFile(caFile, &error)) {
            printError(error);
            return InvalidInput;
        }
    }
    m_secrets = std::make_unique<KeychainSecretStore>(keychainService());
    m_session = std::make_unique<SessionManager>(*m_api, *m_secrets);
    const ApiError addressError = m_session->setServerAddress(arguments.server);
    if (!addressError.ok()) {
        restoreSettings();
        printError(describe(addressError));
        return InvalidInput;
    }

    QString keychainError;
    std::optional<ApiError> outcome;
    bool mustChangePassword = false;
    QObject scope;
    QObject::connect(m_session.get(), &SessionManager::keychainFailed, &scope,
                     [&](const QString &message) { keychainError = message; });
    QObject::connect(m_session.get(), &SessionManager::signedIn, &scope, [&](const UserProfile &) {
        outcome = ApiError();
        wake();
    });
    QObject::connect(m_session.get(), &SessionManager::signInFailed, &scope, [&](const ApiError &error) {
        outcome = error;
        wake();
    });
    QObject::connect(m_session.get(), &SessionManager::passwordChangeRequired, &scope,
                     [&](const UserProfile &) {
                         mustChangePassword = true;
                         outcome = ApiError();
                         wake();
                     });
    m_session->signIn(arguments.login, QString::fromUtf8(password));
    if (!waitFor([&] { return outcome.has_value(); }, kSessionWaitMs))
        outcome =
            ApiError::make(ApiError::Kind::Timeout, ApiError::timeoutCode(), QStringLiteral("no answer"));

    const auto signOutAgain = [&] {
        bool told = false;
        QObject::connect(m_session.get(), &SessionManager::serverSignOutFinished, &scope,
                         [&](const ApiError &) {
                             told = true;
                             wake();
                         });
        m_session->signOut();
        waitFor([&] { return told; }, kSessionWaitMs);
    };
    if (!outcome->ok()) {
        restoreSettings();
        printError(describe(*outcome));
        return SyncFailed;
    }
    if (mustChangePassword) {
        signOutAgain();
        restoreSettings();
        printError(tr("The account %1 must change its password first: sign in once with the Medora app.")
                       .arg(arguments.login));
        return SyncFailed;
    }
    if (!keychainError.isEmpty()) {
        signOutAgain();
        restoreSettings();
        printError(tr("Signed in, but the keychain refused to keep the session, so it was ended: %1")
                       .arg(keychainError));
        return SyncFailed;
    }
    if (caFile.isEmpty())
        settings.remove(SessionManager::caCertificateSettingsKey());
    else
        settings.setValue(SessionManager::caCertificateSettingsKey(), caFile);
    settings.setValue(allowInsecureHttpSettingsKey(), arguments.allowInsecureHttp);
    settings.sync();

    const UserProfile user = m_session->user();
    printOut(tr("Signed in to %1 as %2 (%3, %4).")
                 .arg(m_api->serverUrl().toString(), user.login, user.role, user.clinicName));
    return Done;
}

int SyncCommands::sync(int watchSeconds)
{
    PatientRegistry registry;
    if (!registry.open(m_dataDir)) {
        printError(registry.lastError().message);
        return StoreFailure;
    }
    if (!prepareSession())
        return SyncFailed;
    ApiError sessionError;
    if (!restoreSession(&sessionError))
        return SyncFailed;

    SyncJournal journal(registry.database());
    ApiSyncTransport transport(*m_session);
    SyncEngine::Options options;
    options.debounceMs = 0;
    options.longPollSeconds = watchSeconds > 0 ? kLongPollSeconds : 0;
    SyncEngine engine(journal, transport, options);

    QEventLoop loop;
    bool lastRoundOk = false;
    bool finished = false;
    bool announced = false;
    QObject::connect(&engine, &SyncEngine::roundFinished, &loop, [&](bool ok) {
        lastRoundOk = ok;
        if (watchSeconds > 0) {
            if (!ok) {
                printError(engine.status().lastFailure);
            } else if (!announced) {
                announced = true;
                printOut(tr("Up to date; watching for changes for %n second(s).", nullptr, watchSeconds));
            }
            return;
        }
        finished = true;
        loop.quit();
    });
    // Pulled patients go into the search index as they arrive, as in the desktop client.
    QObject::connect(&engine, &SyncEngine::pageApplied, &registry,
                     [&registry] { registry.refreshFromStore(); });
    if (watchSeconds > 0) {
        QObject::connect(&engine, &SyncEngine::pageApplied, &loop, [](int records) {
            if (records > 0)
                printOut(tr("Pulled %n change(s).", nullptr, records));
        });
        QTimer::singleShot(watchSeconds * 1000, &loop, [&] {
            finished = true;
            loop.quit();
        });
    }
    engine.start();
    if (!finished)
        loop.exec();
    const SyncStatus status = engine.status();
    const SyncEngine::Totals totals = engine.totals();
    engine.stop();
    registry.close();

    printOut(tr("Pushed %n change(s):", nullptr, totals.pushedOps) + QLatin1Char(' ') +
             tr("%1 accepted, %2 in conflict, %3 refused.")
                 .arg(totals.appliedOps)
                 .arg(totals.conflicts)
                 .arg(totals.rejectedOps));
    printOut(tr("Pulled %n change(s).", nullptr, int(std::min<qint64>(totals.pulledRecords, INT_MAX))));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (status.pendingOps > 0 || status.pendingRows > 0)
        printOut(tr("Waiting to be sent: %n change(s).", nullptr, status.pendingOps));
    if (status.errors > 0)
        printOut(
            tr("Refused by the server: %n change(s); medora-cli status lists them.", nullptr, status.errors));
    if (status.conflicts > 0)
        printOut(tr("Conflicts waiting for a decision: %n.", nullptr, status.conflicts));

    const bool failed = watchSeconds > 0 ? !status.lastFailure.isEmpty() : !lastRoundOk;
    if (failed) {
        printError(tr("Sync failed: %1").arg(status.lastFailure));
        return SyncFailed;
    }
    return status.isGreen(now) ? Done : NotInSync;
}

int SyncCommands::status()
{
    PatientRegistry registry;
    if (!registry.open(m_dataDir)) {
        printError(registry.lastError().message);
        return StoreFailure;
    }
    SyncJournal journal(registry.database());
    const SyncCounts counts = journal.counts();
    const QList<OutboxError> errors = journal.errors();
    const QList<SyncConflict> conflicts = journal.conflicts();
    const QDateTime lastPull = journal.lastPullSucceededAt();
    if (!journal.lastError().ok()) {
        printError(journal.lastError().message);
        return StoreFailure;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();

    const QString server = SessionManager::savedServerAddress();
    if (server.isEmpty()) {
        printOut(tr("Server: none (run medora-cli login)"));
    } else {
        printOut(tr("Server: %1").arg(server));
        QUrl url;
        const bool insecure = QSettings().value(allowInsecureHttpSettingsKey()).toBool();
        if (ApiClient::parseServerAddress(server, insecure, &url).ok()) {
            KeychainSecretStore secrets(keychainService());
            bool found = false;
            const QByteArray token = secrets.read(
                QStringLiteral("refresh-token %1").arg(url.toString(QUrl::FullyEncoded)), &found);
            if (!secrets.lastError().isEmpty())
                printOut(tr("Signed in: unknown (the keychain cannot be read: %1)").arg(secrets.lastError()));
            else
                printOut(found && !token.isEmpty() ? tr("Signed in: yes") : tr("Signed in: no"));
        }
    }

    if (counts.pendingOps == 0 && counts.pendingRows == 0) {
        printOut(tr("Waiting to be sent: nothing"));
    } else {
        QString line = tr("Waiting to be sent: %n change(s)", nullptr, counts.pendingOps);
        if (counts.pendingRows > counts.pendingOps)
            line += QLatin1Char(' ') +
                    tr("(%n record(s))", nullptr, int(std::min<qint64>(counts.pendingRows, INT_MAX)));
        if (counts.oldestPendingAt.isValid())
            line += QLatin1String(", ") +
                    tr("the oldest from %1 (%2)")
                        .arg(timeText(counts.oldestPendingAt), ageText(counts.oldestPendingAt, now));
        printOut(line);
    }

    printOut(tr("Refused by the server: %n change(s)", nullptr, counts.errors));
    for (const OutboxError &error : errors) {
        QString line = QStringLiteral("  ") + recordText(error.entity, error.entityLabel, error.entityId) +
                       QStringLiteral(": ") + error.reasonCode;
        if (!error.reasonMessage.isEmpty())
            line += QStringLiteral(" (") + error.reasonMessage + QLatin1Char(')');
        line += QStringLiteral(", ") + tr("%n attempt(s)", nullptr, error.attempts);
        if (error.lastTriedAt.isValid())
            line += QStringLiteral(", ") + tr("last tried %1").arg(timeText(error.lastTriedAt));
        printOut(line);
    }

    printOut(tr("Conflicts waiting for a decision: %n", nullptr, counts.conflicts));
    for (const SyncConflict &conflict : conflicts) {
        QString line =
            QStringLiteral("  ") + recordText(conflict.entity, conflict.entityLabel, conflict.entityId);
        const QStringList fields = conflict.serverValues.keys();
        if (!fields.isEmpty())
            line += QStringLiteral(": ") + fields.join(QStringLiteral(", "));
        else if (!conflict.otherReportId.isNull())
            line += QStringLiteral(": ") + tr("two versions of the draft (the other one is %1)")
                                               .arg(conflict.otherReportId.toString(QUuid::WithoutBraces));
        printOut(line);
    }

    printOut(lastPull.isValid()
                 ? tr("Last successful pull: %1 (%2)").arg(timeText(lastPull), ageText(lastPull, now))
                 : tr("Last successful pull: never"));

    SyncStatus status;
    status.pendingOps = counts.pendingOps;
    status.pendingRows = counts.pendingRows;
    status.errors = counts.errors;
    status.conflicts = counts.conflicts;
    status.lastPullSucceededAt = lastPull;
    const bool green = status.isGreen(now);
    printOut(green ? tr("Status: green (everything is on the server)") : tr("Status: not green"));
    return green ? Done : NotInSync;
}

int SyncCommands::logout()
{
    if (SessionManager::savedServerAddress().isEmpty()) {
        printOut(tr("Not signed in."));
        return Done;
    }
    if (!prepareSession())
        return SyncFailed;

    QString keychainError;
    std::optional<ApiError> outcome;
    QObject scope;
    QObject::connect(m_session.get(), &SessionManager::keychainFailed, &scope,
                     [&](const QString &message) { keychainError = message; });
    QObject::connect(m_session.get(), &SessionManager::signedIn, &scope, [&](const UserProfile &) {
        outcome = ApiError();
        wake();
    });
    QObject::connect(m_session.get(), &SessionManager::restoreFailed, &scope, [&](const ApiError &error) {
        outcome = error;
        wake();
    });
    if (!m_session->restore()) {
        if (!keychainError.isEmpty()) {
            printError(tr("The keychain cannot be read: %1").arg(keychainError));
            return SyncFailed;
        }
        printOut(tr("Not signed in."));
        return Done;
    }
    if (!waitFor([&] { return outcome.has_value(); }, kSessionWaitMs))
        outcome =
            ApiError::make(ApiError::Kind::Timeout, ApiError::timeoutCode(), QStringLiteral("no answer"));

    std::optional<ApiError> serverAnswer;
    QObject::connect(m_session.get(), &SessionManager::serverSignOutFinished, &scope,
                     [&](const ApiError &error) {
                         serverAnswer = error;
                         wake();
                     });
    // Ends the session here (the keychain entry goes, whatever the server says) and, with
    // tokens in hand, on the server.
    m_session->signOut();
    if (outcome->ok() && !waitFor([&] { return serverAnswer.has_value(); }, kSessionWaitMs))
        serverAnswer =
            ApiError::make(ApiError::Kind::Timeout, ApiError::timeoutCode(), QStringLiteral("no answer"));
    if (!keychainError.isEmpty()) {
        printError(tr("The keychain refused to remove the session: %1").arg(keychainError));
        return SyncFailed;
    }

    const bool serverRefusedAlready = !outcome->ok() && outcome->kind == ApiError::Kind::Server &&
                                      (outcome->httpStatus == 400 || outcome->httpStatus == 401);
    const ApiError problem = outcome->ok() ? serverAnswer.value_or(ApiError()) : *outcome;
    if (problem.ok() || serverRefusedAlready) {
        printOut(tr("Signed out."));
    } else {
        printOut(tr("Signed out on this computer. The server could not be told (%1); the session there "
                    "ends when it expires.")
                     .arg(describe(problem)));
    }
    return Done;
}

} // namespace medora
