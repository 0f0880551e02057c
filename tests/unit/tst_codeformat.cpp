#include <QDirIterator>
#include <QProcess>
#include <QtTest>

// The repository's .clang-format is the style; this test fails on any file that drifts.
class TestCodeFormat : public QObject
{
    Q_OBJECT

private slots:
    void everySourceFileIsFormatted()
    {
        const QString sourceDir = qEnvironmentVariable("MEDORA_SOURCE_DIR");
        const QString clangFormat = qEnvironmentVariable("MEDORA_CLANG_FORMAT");
        QVERIFY2(!sourceDir.isEmpty(), "MEDORA_SOURCE_DIR is not set");
        QVERIFY2(!clangFormat.isEmpty() && !clangFormat.endsWith(QLatin1String("-NOTFOUND")),
                 "clang-format was not found at configure time (scripts/setup installs it)");

        QStringList files;
        for (const char *folder : {"app", "core", "ui", "server", "tests"}) {
            QDirIterator it(sourceDir + QLatin1Char('/') + QLatin1String(folder),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        QVERIFY2(files.size() > 10, "too few source files found; wrong MEDORA_SOURCE_DIR?");

        QProcess process;
        process.setWorkingDirectory(sourceDir);
        process.start(clangFormat,
                      QStringList{QStringLiteral("--dry-run"), QStringLiteral("--Werror")} + files);
        QVERIFY(process.waitForFinished(120000));
        const QByteArray complaints = process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, qPrintable(QStringLiteral("run clang-format -i on:\n") +
                                                     QString::fromUtf8(complaints.left(4000))));
    }
};

QTEST_GUILESS_MAIN(TestCodeFormat)
#include "tst_codeformat.moc"
