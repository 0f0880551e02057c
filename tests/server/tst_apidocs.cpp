#include "InProcessApi.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace medora::server;

// docs/api.md introduces every route with a heading line "### METHOD /path". The served
// routes (ApiServer::routes() of a real ApiServer) and the documented ones must be the same.
class TestApiDocs : public QObject
{
    Q_OBJECT

private:
    static QStringList documentedRoutes(QString *error)
    {
        QFile file(qEnvironmentVariable("MEDORA_SOURCE_DIR") + QStringLiteral("/docs/api.md"));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.fileName() + QStringLiteral(": ") + file.errorString();
            return {};
        }
        static const QRegularExpression line(
            QStringLiteral(R"(^#+\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/\S*)\s*$)"),
            QRegularExpression::MultilineOption);
        QStringList routes;
        for (auto it = line.globalMatch(QString::fromUtf8(file.readAll())); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            routes << m.captured(1) + QLatin1Char(' ') + m.captured(2);
        }
        return routes;
    }

private slots:
    void servedRoutesAreDocumentedAndViceVersa()
    {
        InProcessApi api;
        QVERIFY2(api.isValid(), qPrintable(api.error));
        QStringList served;
        for (const HttpRouter::Route &route : api.api->routes())
            served << QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
        QVERIFY(served.size() >= 15);

        QString error;
        const QStringList documented = documentedRoutes(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QStringList undocumented;
        for (const QString &route : served) {
            if (!documented.contains(route))
                undocumented << route;
        }
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(QStringLiteral("served but not in docs/api.md: ") + undocumented.join(", ")));

        QStringList stale;
        for (const QString &route : documented) {
            if (!served.contains(route))
                stale << route;
        }
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("in docs/api.md but not served: ") + stale.join(", ")));
        QStringList unique = documented;
        QCOMPARE(unique.removeDuplicates(), qsizetype(0));
    }
};

QTEST_GUILESS_MAIN(TestApiDocs)
#include "tst_apidocs.moc"
