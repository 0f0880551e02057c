#include "config/ServerConfig.h"

#include <QTemporaryDir>
#include <QtTest>

using medora::server::ServerConfig;

// Configuration loading and the production refusals, without starting a server.
class TestServerConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // An environment that points at an .env file in the temporary folder (empty by default),
    // so no stray ./.env can change the outcome.
    QProcessEnvironment environment(const QByteArray &envFile = QByteArray())
    {
        const QString path = m_dir.filePath(QStringLiteral("test.env"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(envFile);
        QProcessEnvironment env;
        env.insert(QStringLiteral("MEDORA_ENV_FILE"), path);
        return env;
    }

    static QString strongSecret() { return QStringLiteral("q7Vt2mXkP9rLwZ4sN8bYcF3hJ6dG1aE5uR0oTiKyMvB"); }

    ServerConfig load(const QProcessEnvironment &env)
    {
        ServerConfig config;
        QStringList errors;
        if (!ServerConfig::load(env, &config, &errors))
            qWarning("unexpected errors: %s", qPrintable(errors.join(QLatin1String("; "))));
        return config;
    }

    ServerConfig production()
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("MEDORA_SECRET"), strongSecret());
        env.insert(QStringLiteral("MEDORA_ALLOWED_HOSTS"), QStringLiteral("clinic.example.uz"));
        env.insert(QStringLiteral("MEDORA_TRUSTED_PROXIES"), QStringLiteral("127.0.0.1"));
        return load(env);
    }

private slots:
    void defaultsAreProduction()
    {
        QProcessEnvironment env = environment();
        ServerConfig config;
        QStringList errors;
        QVERIFY(ServerConfig::load(env, &config, &errors));
        QVERIFY(!config.debug);
        QCOMPARE(config.listenPort, quint16(8443));
        QCOMPARE(config.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(QDir::isAbsolutePath(config.dataDir));
        QVERIFY(config.dataDir.endsWith(QLatin1String("/medora-data")));
        QCOMPARE(config.databaseUrl,
                 QStringLiteral("sqlite:") + config.dataDir + QStringLiteral("/medora.sqlite"));
        QCOMPARE(config.sqlitePath(), config.dataDir + QStringLiteral("/medora.sqlite"));
        QVERIFY(!config.tlsEnabled());
        QVERIFY(config.isMetricsAllowed(QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(!config.isMetricsAllowed(QHostAddress(QStringLiteral("192.168.1.10"))));
    }

    void environmentOverridesEnvFile()
    {
        QProcessEnvironment env = environment("MEDORA_LISTEN_PORT=9000\n"
                                              "MEDORA_LOG_LEVEL=warning\n"
                                              "MEDORA_DATA_DIR=/srv/medora\n");
        env.insert(QStringLiteral("MEDORA_LISTEN_PORT"), QStringLiteral("9443"));
        const ServerConfig config = load(env);
        QCOMPARE(config.listenPort, quint16(9443));
        QCOMPARE(config.logLevel, QStringLiteral("warning"));
        QCOMPARE(config.dataDir, QStringLiteral("/srv/medora"));
        QCOMPARE(config.sqlitePath(), QStringLiteral("/srv/medora/medora.sqlite"));
    }

    void badValuesNameTheVariableButNeverEchoSecrets()
    {
        QProcessEnvironment env = environment("MEDORA_SECRET=\"unterminated-secret-value\n");
        env.insert(QStringLiteral("MEDORA_LISTEN_PORT"), QStringLiteral("http"));
        env.insert(QStringLiteral("MEDORA_TRUSTED_PROXIES"), QStringLiteral("10.0.0.0/99"));
        env.insert(QStringLiteral("MEDORA_DEBUG"), QStringLiteral("maybe"));
        env.insert(QStringLiteral("MEDORA_DATABASE_URL"), QStringLiteral("postgres://u:p@db/medora"));
        ServerConfig config;
        QStringList errors;
        QVERIFY(!ServerConfig::load(env, &config, &errors));
        const QString all = errors.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("MEDORA_LISTEN_PORT")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("'http'")), qPrintable(all));
        QVERIFY(all.contains(QLatin1String("MEDORA_TRUSTED_PROXIES")));
        QVERIFY(all.contains(QLatin1String("MEDORA_DEBUG")));
        QVERIFY(all.contains(QLatin1String("MEDORA_DATABASE_URL")));
        QVERIFY2(all.contains(QLatin1String("line 1")), qPrintable(all));
        QVERIFY(!all.contains(QLatin1String("unterminated-secret-value")));
        QVERIFY(!all.contains(QLatin1String("u:p@db")));
        QCOMPARE(errors.size(), 5);
    }

    void syncSettings()
    {
        const ServerConfig defaults = load(environment());
        QCOMPARE(defaults.syncMaxBodyBytes, qint64(1024 * 1024));
        QCOMPARE(defaults.syncTombstoneDays, 180);
        QCOMPARE(defaults.syncMaxWaiters, 1000);
        QCOMPARE(defaults.syncLimit.perMinute, 6000);
        QCOMPARE(defaults.syncLimit.burst, 1500);

        QProcessEnvironment env = environment("MEDORA_SYNC_TOMBSTONE_DAYS=30\n");
        env.insert(QStringLiteral("MEDORA_SYNC_MAX_BODY_BYTES"), QStringLiteral("524288"));
        env.insert(QStringLiteral("MEDORA_SYNC_MAX_WAITERS"), QStringLiteral("0"));
        env.insert(QStringLiteral("MEDORA_RATE_SYNC_PER_MINUTE"), QStringLiteral("120"));
        env.insert(QStringLiteral("MEDORA_RATE_SYNC_BURST"), QStringLiteral("40"));
        const ServerConfig set = load(env);
        QCOMPARE(set.syncLimit.perMinute, 120);
        QCOMPARE(set.syncLimit.burst, 40);
        QCOMPARE(set.syncMaxBodyBytes, qint64(524288));
        QCOMPARE(set.syncTombstoneDays, 30);
        QCOMPARE(set.syncMaxWaiters, 0);

        // Beyond what one push may hold (SyncProtocol::kMaxPushBytes), or no retention at all.
        QProcessEnvironment bad = environment();
        bad.insert(QStringLiteral("MEDORA_SYNC_MAX_BODY_BYTES"), QStringLiteral("2097152"));
        bad.insert(QStringLiteral("MEDORA_SYNC_TOMBSTONE_DAYS"), QStringLiteral("0"));
        bad.insert(QStringLiteral("MEDORA_RATE_SYNC_BURST"), QStringLiteral("0"));
        ServerConfig config;
        QStringList errors;
        QVERIFY(!ServerConfig::load(bad, &config, &errors));
        QCOMPARE(errors.size(), 3);
        QVERIFY(errors.join(QLatin1Char(' ')).contains(QLatin1String("MEDORA_RATE_SYNC_BURST")));
        QVERIFY(errors.join(QLatin1Char(' ')).contains(QLatin1String("MEDORA_SYNC_MAX_BODY_BYTES")));
        QVERIFY(errors.join(QLatin1Char(' ')).contains(QLatin1String("MEDORA_SYNC_TOMBSTONE_DAYS")));
    }

    void strongProductionConfigMayStart()
    {
        QCOMPARE(production().startupProblems(), QStringList());
        QVERIFY(production().debugWarnings().isEmpty());
    }

    void refusesMissingOrWeakSecrets_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << QString() << QStringLiteral("MEDORA_SECRET is not set");
        QTest::newRow("short") << QStringLiteral("Zx8#kQ2!pL") << QStringLiteral("too short");
        QTest::newRow("change-me") << QStringLiteral("change-me-change-me-change-me-change-me")
                                   << QStringLiteral("placeholder");
        QTest::newRow("secret") << QStringLiteral("MySuperSecretValueForTheMedoraServer2024")
                                << QStringLiteral("placeholder");
        QTest::newRow("one character") << QString(40, QLatin1Char('a')) << QStringLiteral("not random");
    }

    void refusesMissingOrWeakSecrets()
    {
        QFETCH(QString, secret);
        QFETCH(QString, expected);
        ServerConfig config = production();
        config.secret = secret.toUtf8();
        const QStringList problems = config.startupProblems();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QLatin1String("MEDORA_SECRET")), qPrintable(problems.first()));
        QVERIFY2(problems.first().contains(expected), qPrintable(problems.first()));
        if (!secret.isEmpty())
            QVERIFY(!problems.first().contains(secret));

        config.debug = true;
        QCOMPARE(config.startupProblems(), QStringList());
        QVERIFY(config.debugWarnings().join(QLatin1Char('\n')).contains(QLatin1String("MEDORA_SECRET")));
    }

    void refusesNoAllowedHostsAndPlainHttpWithoutProxy()
    {
        ServerConfig config = production();
        config.allowedHosts.clear();
        config.trustedProxies.clear();
        const QString problems = config.startupProblems().join(QLatin1Char('\n'));
        QVERIFY(problems.contains(QLatin1String("MEDORA_ALLOWED_HOSTS")));
        QVERIFY(problems.contains(QLatin1String("plain HTTP without a trusted reverse proxy")));
        QVERIFY(problems.contains(QLatin1String("MEDORA_TRUSTED_PROXIES")));
        config.debug = true;
        QCOMPARE(config.startupProblems(), QStringList());
        QVERIFY(!config.isAllowedHost(QString()));
        QVERIFY(config.isAllowedHost(QStringLiteral("anything.example")));
    }

    void refusesUnreadableTlsFilesEvenInDebug()
    {
        ServerConfig config = production();
        config.debug = true;
        config.tlsCertificateFile = m_dir.filePath(QStringLiteral("missing.crt"));
        config.tlsKeyFile = m_dir.filePath(QStringLiteral("missing.key"));
        const QString problems = config.startupProblems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QLatin1String("MEDORA_TLS_CERT_FILE")), qPrintable(problems));
        QVERIFY(problems.contains(QLatin1String("MEDORA_TLS_KEY_FILE")));
        QVERIFY(problems.contains(QLatin1String("missing.crt")));

        config.tlsKeyFile.clear();
        QVERIFY(config.startupProblems().join(QLatin1Char('\n')).contains(QLatin1String("set together")));
    }

    void trustedProxiesAndHosts()
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("MEDORA_TRUSTED_PROXIES"),
                   QStringLiteral(" 127.0.0.1 , 10.0.0.0/8,fd00::/8"));
        env.insert(QStringLiteral("MEDORA_ALLOWED_HOSTS"), QStringLiteral("Clinic.Example.UZ, 127.0.0.1"));
        const ServerConfig config = load(env);
        QVERIFY(config.isTrustedProxy(QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(config.isTrustedProxy(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))));
        QVERIFY(config.isTrustedProxy(QHostAddress(QStringLiteral("10.20.30.40"))));
        QVERIFY(config.isTrustedProxy(QHostAddress(QStringLiteral("fd00::1"))));
        QVERIFY(!config.isTrustedProxy(QHostAddress(QStringLiteral("127.0.0.2"))));
        QVERIFY(!config.isTrustedProxy(QHostAddress(QStringLiteral("192.168.0.1"))));
        QVERIFY(config.isAllowedHost(QStringLiteral("clinic.example.uz")));
        QVERIFY(config.isAllowedHost(QStringLiteral("CLINIC.example.uz.")));
        QVERIFY(config.isAllowedHost(QStringLiteral("127.0.0.1")));
        QVERIFY(!config.isAllowedHost(QStringLiteral("evil.example")));
        QVERIFY(!config.isAllowedHost(QStringLiteral("clinic.example.uz.evil.example")));
    }

    void secretValuesListEveryConfiguredSecret()
    {
        QProcessEnvironment env = environment("TELEGRAM_BOT_TOKEN=123456:telegram-token-value\n");
        env.insert(QStringLiteral("MEDORA_SECRET"), strongSecret());
        env.insert(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("gemini-key-value"));
        env.insert(QStringLiteral("SMTP_PASSWORD"), QStringLiteral("smtp-password-value"));
        env.insert(QStringLiteral("SMS_PASSWORD"), QStringLiteral("sms-password-value"));
        const QList<QByteArray> secrets = load(env).secretValues();
        QCOMPARE(secrets.size(), 5);
        QVERIFY(secrets.contains(strongSecret().toUtf8()));
        QVERIFY(secrets.contains("123456:telegram-token-value"));
        QVERIFY(secrets.contains("gemini-key-value"));
        QVERIFY(secrets.contains("smtp-password-value"));
        QVERIFY(secrets.contains("sms-password-value"));
        QVERIFY(ServerConfig::isSecretName(QStringLiteral("GEMINI_API_KEY")));
        QVERIFY(ServerConfig::isSecretName(QStringLiteral("MEDORA_SECRET")));
        QVERIFY(!ServerConfig::isSecretName(QStringLiteral("MEDORA_TLS_KEY_FILE")));
        QVERIFY(!ServerConfig::isSecretName(QStringLiteral("MEDORA_LISTEN_PORT")));
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
