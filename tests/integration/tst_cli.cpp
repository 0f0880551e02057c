#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

// Runs the real medora-cli binary: what scripts and operators see, exit codes included.
namespace {

const QByteArray kBom("\xEF\xBB\xBF");

// Written the way Excel saves "CSV UTF-8" in a Russian or Uzbek locale: BOM, ';', CRLF.
const QByteArray kClinicList =
    kBom + "number;last_name;first_name;father_name;birth_date;sex;phone;address;notes\r\n"
           ";Karimov;Alisher;Bahodirovich;12.03.1985;erkak;90 123 45 67;\"Toshkent; "
           "Chilonzor 5\";\r\n"
           ";Oʻktamova;Gʻulnora;;1990-07-01;ayol;;Fargʻona;\"two\r\nlines\"\r\n"
           ";Иванов;Пётр;Сергеевич;;муж;+998 71 234 56 78;;\r\n";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    QStringList outLines() const { return outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
};

Run runCli(const QStringList &arguments, const QByteArray &input = QByteArray())
{
    Run run;
    QProcess process;
    process.start(QStringLiteral(MEDORA_CLI_PATH), arguments);
    if (!process.waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The pieces of an export between CRs, header dropped and sorted: two exports of the same
// patients compare equal whatever their browse order (which follows when rows were seen).
QList<QByteArray> sortedRows(QByteArray csv)
{
    QList<QByteArray> rows = csv.split('\r');
    rows.removeFirst(); // BOM + header
    std::sort(rows.begin(), rows.end());
    return rows;
}

// The finished translation of `source` in `context` of translations/`catalogue`, or empty.
QString finishedTranslation(const QString &catalogue, const QString &context, const QString &source)
{
    QFile file(qEnvironmentVariable("MEDORA_SOURCE_DIR") + QStringLiteral("/translations/") + catalogue);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    QString currentContext;
    QString currentSource;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            currentContext = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            currentSource = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && currentContext == context &&
                   currentSource == source) {
            const bool unfinished = !xml.attributes().value(QLatin1String("type")).isEmpty();
            const QString text = xml.readElementText();
            return unfinished ? QString() : text;
        }
    }
    return {};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;

    QString path(const QString &name) const { return m_dir->filePath(name); }
    QStringList withData(const QStringList &arguments) const
    {
        return QStringList{QStringLiteral("--data-dir"), m_data} + arguments;
    }
    qint64 count(const QString &dataDir)
    {
        const Run run = runCli({QStringLiteral("--data-dir"), dataDir, QStringLiteral("count")});
        bool ok = false;
        const qint64 value = run.outText().trimmed().toLongLong(&ok);
        return run.exitCode == 0 && ok ? value : -1;
    }

private slots:
    void initTestCase() { QVERIFY2(QFile::exists(QStringLiteral(MEDORA_CLI_PATH)), MEDORA_CLI_PATH); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_data = path(QStringLiteral("data"));
    }

    void cleanup() { m_dir.reset(); }

    void importCountSearchShowExport()
    {
        QVERIFY(writeFile(path(QStringLiteral("clinic.csv")), kClinicList));
        const Run imported = runCli(withData({QStringLiteral("import"), path(QStringLiteral("clinic.csv"))}));
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QCOMPARE(imported.outText(), QStringLiteral("Imported 3 patient(s).\n"));
        QCOMPARE(count(m_data), 3);

        // Cyrillic typing finds Latin-typed names and the other way round.
        const Run karimov = runCli(withData({QStringLiteral("search"), QStringLiteral("Каримов")}));
        QCOMPARE(karimov.exitCode, 0);
        QCOMPARE(karimov.outLines().size(), 1);
        const QStringList columns = karimov.outLines().front().split(QLatin1Char('\t'));
        QCOMPARE(columns.size(), 4);
        QVERIFY2(columns[0].contains(QLatin1Char('-')), qPrintable(columns[0]));
        QCOMPARE(columns.mid(1),
                 (QStringList{QStringLiteral("Karimov Alisher Bahodirovich"), QStringLiteral("1985-03-12"),
                              QStringLiteral("+998901234567")}));
        const QString number = columns[0];

        const Run oktamova = runCli(withData({QStringLiteral("search"), QStringLiteral("Ўктамова")}));
        QCOMPARE(oktamova.exitCode, 0);
        QCOMPARE(oktamova.outLines().size(), 1);
        QVERIFY(oktamova.outLines().front().contains(QStringLiteral("\tOʻktamova Gʻulnora\t1990-07-01\t")));
        const Run ivanov = runCli(withData({QStringLiteral("search"), QStringLiteral("ivanov")}));
        QCOMPARE(ivanov.outLines().size(), 1);
        QVERIFY(
            ivanov.outLines().front().contains(QStringLiteral("\tИванов Пётр Сергеевич\t\t+998712345678")));
        const Run everyone = runCli(withData(
            {QStringLiteral("search"), QStringLiteral("a"), QStringLiteral("--limit"), QStringLiteral("1")}));
        QCOMPARE(everyone.exitCode, 0);
        QCOMPARE(everyone.outLines().size(), 1);

        const Run shown = runCli(withData({QStringLiteral("show"), number}));
        QCOMPARE(shown.exitCode, 0);
        const QStringList card = shown.outLines();
        QVERIFY(card.contains(QStringLiteral("number: ") + number));
        QVERIFY(card.contains(QStringLiteral("last_name: Karimov")));
        QVERIFY(card.contains(QStringLiteral("address: Toshkent; Chilonzor 5")));
        QVERIFY(card.contains(QStringLiteral("sex: m")));
        const auto idLine = std::find_if(card.begin(), card.end(), [](const QString &line) {
            return line.startsWith(QLatin1String("id: "));
        });
        QVERIFY(idLine != card.end());
        const Run byId = runCli(withData({QStringLiteral("show"), idLine->mid(4)}));
        QCOMPARE(byId.exitCode, 0);
        QCOMPARE(byId.out, shown.out);

        const QString exported = path(QStringLiteral("export.csv"));
        const Run exportRun = runCli(withData({QStringLiteral("export"), exported}));
        QVERIFY2(exportRun.exitCode == 0, exportRun.err.constData());
        QCOMPARE(exportRun.outText(), QStringLiteral("Exported 3 patient(s).\n"));
        const QByteArray csv = readFile(exported);
        QVERIFY(csv.startsWith(kBom +
                               "number,last_name,first_name,father_name,birth_date,birth_date_estimated,sex,"
                               "phone,address,allergies,medications,history,notes\r\n"));
        QVERIFY(csv.contains(number.toUtf8() + ",Karimov,Alisher,Bahodirovich,1985-03-12,0,m,+998901234567,"
                                               "\"Toshkent; Chilonzor 5\",,,,\r\n"));
        QVERIFY(csv.contains(",Oʻktamova,Gʻulnora,,1990-07-01,0,f,,Fargʻona,,,,\"two\r\nlines\"\r\n"));

        // Into a fresh registry and out again: the same rows, byte for byte.
        const QString second = path(QStringLiteral("second"));
        const Run reimported =
            runCli({QStringLiteral("--data-dir"), second, QStringLiteral("import"), exported});
        QVERIFY2(reimported.exitCode == 0, reimported.err.constData());
        QCOMPARE(count(second), 3);
        const Run again = runCli({QStringLiteral("--data-dir"), second, QStringLiteral("export"),
                                  path(QStringLiteral("again.csv"))});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(sortedRows(readFile(path(QStringLiteral("again.csv")))), sortedRows(csv));

        const Run queried = runCli(withData({QStringLiteral("export"), QStringLiteral("-"),
                                             QStringLiteral("--query"), QStringLiteral("Каримов")}));
        QCOMPARE(queried.exitCode, 0);
        QVERIFY(queried.out.startsWith(kBom));
        QCOMPARE(queried.out.count("\r\n"), 2);
        QVERIFY(queried.out.contains(",Karimov,Alisher,"));
    }

    void importFromStandardInput()
    {
        const Run run = runCli(withData({QStringLiteral("import"), QStringLiteral("-")}),
                               "last_name,first_name,sex\nRahimov,Bobur,m\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(count(m_data), 1);
    }

    void badInputExitsWith2AndChangesNothing()
    {
        QVERIFY(writeFile(path(QStringLiteral("clinic.csv")), kClinicList));
        QCOMPARE(runCli(withData({QStringLiteral("import"), path(QStringLiteral("clinic.csv"))})).exitCode,
                 0);

        QVERIFY(writeFile(path(QStringLiteral("bad.csv")), "last_name,first_name,sex,phone\n"
                                                           "Rahimov,Bobur,m,\n"
                                                           "Aliyev,Vali,x,\n"
                                                           "Valiyev,Ali,m,123\n"));
        const Run run = runCli(withData({QStringLiteral("import"), path(QStringLiteral("bad.csv"))}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        const QStringList lines = run.errText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith(QStringLiteral("line 3, column sex: \"x\" is not a sex")),
                 qPrintable(lines[0]));
        QCOMPARE(
            lines[1],
            QStringLiteral(
                "line 4, column phone: Phone number must be an Uzbek number such as +998 90 123 45 67."));
        QCOMPARE(lines[2], QStringLiteral("medora-cli: Nothing was imported."));
        QCOMPARE(count(m_data), 3);
        QCOMPARE(runCli(withData({QStringLiteral("search"), QStringLiteral("Rahimov")})).out, QByteArray());

        const Run missing = runCli(withData({QStringLiteral("import"), path(QStringLiteral("absent.csv"))}));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.errText().contains(QStringLiteral("absent.csv")));

        const Run unknown = runCli(withData({QStringLiteral("show"), QStringLiteral("ZZZ-99999")}));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.errText().contains(QStringLiteral("ZZZ-99999")));
    }

    void dryRunWritesNothing()
    {
        QVERIFY(writeFile(path(QStringLiteral("clinic.csv")), kClinicList));
        const Run run = runCli(withData(
            {QStringLiteral("import"), path(QStringLiteral("clinic.csv")), QStringLiteral("--dry-run")}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.outText(),
                 QStringLiteral(
                     "The file is valid: 3 patient(s) would be imported. Nothing was written (dry run).\n"));
        QCOMPARE(count(m_data), 0);

        QVERIFY(writeFile(path(QStringLiteral("bad.csv")), "last_name,first_name,sex\nAliyev,Vali,x\n"));
        QCOMPARE(runCli(withData({QStringLiteral("import"), QStringLiteral("--dry-run"),
                                  path(QStringLiteral("bad.csv"))}))
                     .exitCode,
                 2);
    }

    void usageErrorsExitWith1_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("search without query") << QStringList{QStringLiteral("search")};
        QTest::newRow("limit zero") << QStringList{QStringLiteral("search"), QStringLiteral("x"),
                                                   QStringLiteral("--limit"), QStringLiteral("0")};
        QTest::newRow("limit not a number")
            << QStringList{QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("--limit=ten")};
        QTest::newRow("count with argument") << QStringList{QStringLiteral("count"), QStringLiteral("x")};
        QTest::newRow("option of another command")
            << QStringList{QStringLiteral("count"), QStringLiteral("--dry-run")};
        QTest::newRow("import without file") << QStringList{QStringLiteral("import")};
        QTest::newRow("export with two files")
            << QStringList{QStringLiteral("export"), QStringLiteral("a.csv"), QStringLiteral("b.csv")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus"), QStringLiteral("count")};
        QTest::newRow("unknown language")
            << QStringList{QStringLiteral("--language"), QStringLiteral("fr"), QStringLiteral("count")};
    }

    void usageErrorsExitWith1()
    {
        QFETCH(QStringList, arguments);
        const Run run = runCli(withData(arguments));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.errText().contains(QStringLiteral("medora-cli --help")));
        // A usage error is found before the registry is touched.
        QVERIFY(!QFile::exists(m_data));
    }

    void helpAndVersion()
    {
        const Run help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.outText().contains(QStringLiteral("Commands:")));
        QVERIFY(help.outText().contains(QStringLiteral("--dry-run")));
        const Run version = runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.outText().startsWith(QStringLiteral("medora-cli ")));
    }

    void damagedDatabaseExitsWith3AndStaysUntouched()
    {
        QVERIFY(QDir().mkpath(m_data));
        const QString database = QDir(m_data).filePath(QStringLiteral("medora.db"));
        const QByteArray garbage =
            QByteArray("this is not an SQLite file, just damaged bytes. ").repeated(100);
        QVERIFY(writeFile(database, garbage));
        QVERIFY(writeFile(path(QStringLiteral("clinic.csv")), kClinicList));

        for (const QStringList &arguments :
             {QStringList{QStringLiteral("count")},
              QStringList{QStringLiteral("search"), QStringLiteral("Karimov")},
              QStringList{QStringLiteral("import"), path(QStringLiteral("clinic.csv"))},
              QStringList{QStringLiteral("export"), path(QStringLiteral("out.csv"))}}) {
            const Run run = runCli(withData(arguments));
            QCOMPARE(run.exitCode, 3);
            QVERIFY(run.out.isEmpty());
            QVERIFY2(run.errText().contains(QStringLiteral("medora.db")), run.err.constData());
        }
        QCOMPARE(readFile(database), garbage);
        QVERIFY(!QFile::exists(path(QStringLiteral("out.csv"))));
    }

    void messagesFollowTheLanguageOption()
    {
        QVERIFY(writeFile(path(QStringLiteral("nosex.csv")), "last_name,first_name,sex\nAliyev,Vali,\n"));
        const Run english = runCli(withData({QStringLiteral("import"), path(QStringLiteral("nosex.csv"))}));
        QCOMPARE(english.exitCode, 2);
        QVERIFY(english.errText().contains(QStringLiteral("line 2, column sex: Sex is required.")));

        // tst_translationscomplete keeps the catalogues complete, so both messages must have
        // a Russian translation and the run must print it.
        const QString validator =
            finishedTranslation(QStringLiteral("medora_ru.ts"), QStringLiteral("PatientValidator"),
                                QStringLiteral("Sex is required."));
        const QString cli = finishedTranslation(QStringLiteral("medora_ru.ts"), QStringLiteral("medora-cli"),
                                                QStringLiteral("Nothing was imported."));
        QVERIFY(!validator.isEmpty());
        QVERIFY(!cli.isEmpty());
        const Run russian = runCli(withData({QStringLiteral("--language"), QStringLiteral("ru"),
                                             QStringLiteral("import"), path(QStringLiteral("nosex.csv"))}));
        QCOMPARE(russian.exitCode, 2);
        QVERIFY2(!russian.errText().contains(QStringLiteral("cannot be loaded")), russian.err.constData());
        QVERIFY2(russian.errText().contains(validator), russian.err.constData());
        QVERIFY2(russian.errText().contains(cli), russian.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
