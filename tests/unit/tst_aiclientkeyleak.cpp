#include "ServerProcess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

using namespace medora;

namespace {

// Every spelling a text can have inside a file: UTF-8 (C strings, QByteArray, .ts), UTF-16
// little-endian (QStringLiteral in the binaries) and big-endian (compiled .qm catalogues).
QList<QByteArray> encodings(const QString &text)
{
    QByteArray little;
    QByteArray big;
    for (const QChar c : text) {
        const char low = char(c.unicode() & 0xff);
        const char high = char(c.unicode() >> 8);
        little.append(low).append(high);
        big.append(high).append(low);
    }
    return {text.toUtf8(), little, big};
}

// The needles found in `path`, case-sensitively, in any spelling.
QStringList found(const QString &path, const QStringList &needles, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray bytes = file.readAll();
    QStringList hits;
    for (const QString &needle : needles) {
        for (const QByteArray &spelling : encodings(needle)) {
            if (bytes.contains(spelling)) {
                hits << needle;
                break;
            }
        }
    }
    return hits;
}

QString geminiKey()
{
    for (const auto &secret : ServerProcess::kFakeIntegrationSecrets) {
        if (qstrcmp(secret[0], "GEMINI_API_KEY") == 0)
            return QString::fromLatin1(secret[1]);
    }
    return {};
}

} // namespace

// Issue 6: the Gemini key lives on the server only. Every file the client is made of (the
// medora and medora-cli executables, the libraries they are linked from, the compiled
// catalogues, the resources and translation sources they embed) is searched for the key the
// test servers are configured with, for the names of the server's Gemini settings, for
// Gemini's key header and for Gemini's address: none may be there. The same search finds the
// setting's name in medora-server, so it can see what it looks for.
class TestAiClientKeyLeak : public QObject
{
    Q_OBJECT

private:
    const QStringList m_needles{geminiKey(),
                                QStringLiteral("GEMINI_API_KEY"),
                                QStringLiteral("GEMINI_BASE_URL"),
                                QStringLiteral("GEMINI_MODEL_"),
                                QStringLiteral("x-goog-api-key"),
                                QStringLiteral("generativelanguage.googleapis.com")};

    static QStringList clientFiles()
    {
        QStringList files{QStringLiteral(MEDORA_CLIENT_BINARY), QStringLiteral(MEDORA_CLIENT_CLI),
                          QStringLiteral(MEDORA_UI_LIBRARY), QStringLiteral(MEDORA_CORE_LIBRARY),
                          QStringLiteral(MEDORA_DOMAIN_LIBRARY)};
        // The catalogues as compiled for the client (medora_ui embeds them; medora-cli has its own).
        for (const char *folder : {"ui", "app"}) {
            QDirIterator qm(QDir(QStringLiteral(MEDORA_BUILD_DIR)).filePath(QLatin1String(folder)),
                            {QStringLiteral("*.qm")}, QDir::Files, QDirIterator::Subdirectories);
            while (qm.hasNext())
                files << qm.next();
        }
        // What the client embeds from the sources: the legal texts, the phrase templates, and
        // the translation sources every tr() string of the client passes through.
        const QDir source(qEnvironmentVariable("MEDORA_SOURCE_DIR"));
        for (const char *folder : {"resources/legal", "resources/templates", "translations"}) {
            QDirIterator it(source.filePath(QLatin1String(folder)), QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        return files;
    }

private slots:
    void theSearchSeesTheServersSetting()
    {
        QVERIFY(!geminiKey().isEmpty());
        QString error;
        const QStringList hits = found(QStringLiteral(MEDORA_SERVER_BINARY), m_needles, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(hits.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(hits.join(QLatin1Char(','))));
        // The key itself is configuration, not code: not even the server's binary has it.
        QVERIFY(!hits.contains(geminiKey()));
    }

    void noClientFileHoldsTheKeyOrItsName()
    {
        const QStringList files = clientFiles();
        int catalogues = 0;
        int resources = 0;
        QStringList leaks;
        for (const QString &path : files) {
            QVERIFY2(QFileInfo(path).isFile(), qPrintable(path));
            if (path.endsWith(QLatin1String(".qm")))
                ++catalogues;
            if (path.contains(QLatin1String("/resources/")))
                ++resources;
            QString error;
            const QStringList hits = found(path, m_needles, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            if (!hits.isEmpty())
                leaks << QStringLiteral("%1: %2").arg(path, hits.join(QStringLiteral(", ")));
        }
        QVERIFY2(catalogues >= 2, "no compiled catalogue found: the search would prove nothing");
        QVERIFY(resources >= 2);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestAiClientKeyLeak)
#include "tst_aiclientkeyleak.moc"
