#include "config/DotEnvFile.h"

#include <QtTest>

using medora::server::DotEnvFile;

// The .env parser: what operators write (comments, quotes, export) and what they get wrong.
class TestDotEnvFile : public QObject
{
    Q_OBJECT

private slots:
    void readsPlainQuotedAndExportedValues()
    {
        const DotEnvFile file =
            DotEnvFile::parse("\xEF\xBB\xBF# Medora server\r\n"
                              "\n"
                              "MEDORA_DEBUG=0\r\n"
                              "export MEDORA_ALLOWED_HOSTS = clinic.example.uz,127.0.0.1 # hosts\n"
                              "MEDORA_SECRET=\"a b\\\"c\\\\d\\n\"  # quoted\n"
                              "SMTP_PASSWORD='lit$eral \\n # not a comment'\n"
                              "EMPTY=\n"
                              "HASH=abc#def\n"
                              "   INDENTED=yes\n");
        QVERIFY2(file.problems().isEmpty(), qPrintable(file.problems().value(0).message));
        QCOMPARE(file.value(QStringLiteral("MEDORA_DEBUG")), QStringLiteral("0"));
        QCOMPARE(file.value(QStringLiteral("MEDORA_ALLOWED_HOSTS")),
                 QStringLiteral("clinic.example.uz,127.0.0.1"));
        QCOMPARE(file.value(QStringLiteral("MEDORA_SECRET")), QStringLiteral("a b\"c\\d\n"));
        QCOMPARE(file.value(QStringLiteral("SMTP_PASSWORD")), QStringLiteral("lit$eral \\n # not a comment"));
        QVERIFY(file.contains(QStringLiteral("EMPTY")));
        QCOMPARE(file.value(QStringLiteral("EMPTY")), QString());
        QCOMPARE(file.value(QStringLiteral("HASH")), QStringLiteral("abc#def"));
        QCOMPARE(file.value(QStringLiteral("INDENTED")), QStringLiteral("yes"));
        QCOMPARE(file.values().size(), 7);
    }

    void laterLinesWin()
    {
        const DotEnvFile file = DotEnvFile::parse("A=1\nA=2\n");
        QCOMPARE(file.value(QStringLiteral("A")), QStringLiteral("2"));
    }

    void reportsBadLinesByNumberWithoutTheirValues()
    {
        const DotEnvFile file = DotEnvFile::parse("GOOD=1\n"
                                                  "this line has no equals\n"
                                                  "MEDORA_SECRET=\"hunter2-top-value\n"
                                                  "1BAD=x\n"
                                                  "TOKEN='abc' trailing-value-text\n"
                                                  "NAME = value\"with-quote\n"
                                                  "LAST=ok\n");
        QCOMPARE(file.value(QStringLiteral("GOOD")), QStringLiteral("1"));
        QCOMPARE(file.value(QStringLiteral("LAST")), QStringLiteral("ok"));
        QVERIFY(!file.contains(QStringLiteral("MEDORA_SECRET")));
        const QList<DotEnvFile::Problem> problems = file.problems();
        QCOMPARE(problems.size(), 5);
        QCOMPARE(problems.at(0).line, 2);
        QCOMPARE(problems.at(1).line, 3);
        QVERIFY(problems.at(1).message.contains(QLatin1String("MEDORA_SECRET")));
        QVERIFY(problems.at(1).message.contains(QLatin1String("unterminated")));
        QCOMPARE(problems.at(2).line, 4);
        QCOMPARE(problems.at(3).line, 5);
        QCOMPARE(problems.at(4).line, 6);
        for (const DotEnvFile::Problem &problem : problems) {
            QVERIFY(!problem.message.contains(QLatin1String("hunter2")));
            QVERIFY(!problem.message.contains(QLatin1String("trailing-value-text")));
            QVERIFY(!problem.message.contains(QLatin1String("with-quote")));
        }
    }

    void readReportsAMissingFile()
    {
        DotEnvFile file;
        QString error;
        QVERIFY(!DotEnvFile::read(QStringLiteral("/nonexistent/medora/.env"), &file, &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent/medora/.env")));
    }
};

QTEST_GUILESS_MAIN(TestDotEnvFile)
#include "tst_dotenvfile.moc"
