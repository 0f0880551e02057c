#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

// Re-extracts every tr() string from the sources into a copy of each catalogue and fails
// when any message there has no finished translation, so a new string cannot ship in English.
class TestTranslationsComplete : public QObject
{
    Q_OBJECT

private slots:
    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("catalogue");
        QTest::newRow("uz") << QStringLiteral("medora_uz.ts");
        QTest::newRow("ru") << QStringLiteral("medora_ru.ts");
    }

    void catalogueIsComplete()
    {
        QFETCH(QString, catalogue);
        const QString sourceDir = qEnvironmentVariable("MEDORA_SOURCE_DIR");
        const QString lupdate = qEnvironmentVariable("MEDORA_LUPDATE");
        QVERIFY2(!sourceDir.isEmpty(), "MEDORA_SOURCE_DIR is not set");
        QVERIFY2(!lupdate.isEmpty() && !lupdate.endsWith(QLatin1String("-NOTFOUND")),
                 "lupdate was not found at configure time (qt6-l10n-tools)");

        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString copy = scratch.filePath(catalogue);
        QVERIFY(QFile::copy(sourceDir + QStringLiteral("/translations/") + catalogue, copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        QProcess process;
        process.setWorkingDirectory(sourceDir);
        process.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                QStringLiteral("none"), QStringLiteral("app"), QStringLiteral("core"),
                                QStringLiteral("ui"), QStringLiteral("server"), QStringLiteral("-ts"), copy});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        int messages = 0;
        QStringList missing;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") ||
                    text.trimmed().isEmpty())
                    missing << context + QStringLiteral(": ") + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 0, "the catalogue holds no messages at all");
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 untranslated in %2:\n").arg(missing.size()).arg(catalogue) +
                            missing.mid(0, 40).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslationsComplete)
#include "tst_translationscomplete.moc"
