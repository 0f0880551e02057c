#include "MemorySecretStore.h"
#include "admin/LetterheadDialog.h"
#include "api/ApiClient.h"
#include "clinic/ClinicDirectory.h"
#include "clinic/LetterheadClient.h"
#include "session/SessionManager.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

namespace {

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

Letterhead stored()
{
    Letterhead head;
    head.clinicName = QStringLiteral("Shifo Nur klinikasi");
    head.address = QStringLiteral("Toshkent, Chilonzor 7");
    head.phone = QStringLiteral("+998 71 200 00 00");
    head.footer = QStringLiteral("Litsenziya № 5");
    return head;
}

} // namespace

// The admin's letterhead settings, signed out (offline) so nothing reaches a server: field
// errors in the UI language, the logo chooser and preview, and offline saving that keeps
// everything typed. The online save is covered by tst_clinicdirectoryserver.
class TestLetterheadDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dataDir;
    std::unique_ptr<ClinicDirectory> directory;
    MemorySecretStore secrets;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<SessionManager> session;
    std::unique_ptr<LetterheadClient> client;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_letterheaddialog"));
        QSettings().clear();
        directory = std::make_unique<ClinicDirectory>(dataDir.path());
        directory->setForTesting({}, stored());
        api = std::make_unique<ApiClient>();
        session = std::make_unique<SessionManager>(*api, secrets);
        client = std::make_unique<LetterheadClient>(*session, *directory);
    }

    void cleanupTestCase()
    {
        client.reset();
        session.reset();
        api.reset();
    }

    void showsTheStoredLetterhead()
    {
        LetterheadDialog dialog(*directory, *client);
        dialog.show();
        QCOMPARE(child<QLabel>(dialog, "clinicName")->text(), QStringLiteral("Shifo Nur klinikasi"));
        QCOMPARE(child<QPlainTextEdit>(dialog, "address")->toPlainText(),
                 QStringLiteral("Toshkent, Chilonzor 7"));
        QCOMPARE(child<QLineEdit>(dialog, "phone")->text(), QStringLiteral("+998 71 200 00 00"));
        QCOMPARE(child<QPlainTextEdit>(dialog, "footer")->toPlainText(), QStringLiteral("Litsenziya № 5"));
        QVERIFY(!child<QPushButton>(dialog, "removeLogo")->isEnabled());
        // Signed out: the dialog says at once that saving needs the server.
        QVERIFY(dialog.statusText().contains(QStringLiteral("offline")));
        for (const char *name : {"address", "phone", "footer", "logoPreview"})
            QVERIFY(!child<QWidget>(dialog, name)->accessibleName().isEmpty());
    }

    void mistakesAreNamedAtTheirFields()
    {
        LetterheadDialog dialog(*directory, *client);
        dialog.show();
        child<QLineEdit>(dialog, "phone")->setText(QString(101, QLatin1Char('7')));
        child<QPlainTextEdit>(dialog, "footer")->setPlainText(QString(601, QLatin1Char('x')));
        dialog.save();
        QVERIFY(dialog.fieldError(QStringLiteral("phone")).contains(QStringLiteral("100")));
        QVERIFY(dialog.fieldError(QStringLiteral("footer")).contains(QStringLiteral("600")));
        QVERIFY(dialog.fieldError(QStringLiteral("address")).isEmpty());
        QVERIFY(child<QLabel>(dialog, "phoneError")->isVisible());
        QVERIFY(dialog.isVisible());
        QVERIFY(!client->isSaving());
        // Nothing typed is lost.
        QCOMPARE(child<QLineEdit>(dialog, "phone")->text(), QString(101, QLatin1Char('7')));
    }

    void logoIsChosenPreviewedAndRemoved()
    {
        QTemporaryDir dir;
        const QString picture = dir.filePath(QStringLiteral("logo.jpg"));
        QImage image(900, 300, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QVERIFY(image.save(picture, "JPEG"));

        LetterheadDialog dialog(*directory, *client);
        dialog.show();
        QVERIFY(dialog.setLogoFromFile(picture));
        QVERIFY(!child<QLabel>(dialog, "logoPreview")->pixmap().isNull());
        QVERIFY(child<QPushButton>(dialog, "removeLogo")->isEnabled());
        const QByteArray png = dialog.letterhead().logoPng;
        QVERIFY(png.startsWith("\x89PNG"));
        QCOMPARE(QImage::fromData(png).size(), QSize(600, 200));

        const QString notAPicture = dir.filePath(QStringLiteral("notes.png"));
        QFile file(notAPicture);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("plain text");
        file.close();
        QVERIFY(!dialog.setLogoFromFile(notAPicture));
        QVERIFY(!dialog.fieldError(QStringLiteral("logo")).isEmpty());
        // The logo chosen before stays.
        QCOMPARE(dialog.letterhead().logoPng, png);

        child<QPushButton>(dialog, "removeLogo")->click();
        QVERIFY(dialog.letterhead().logoPng.isEmpty());
        QVERIFY(child<QLabel>(dialog, "logoPreview")->pixmap().isNull());
    }

    void offlineSaveExplainsAndKeepsTheText()
    {
        LetterheadDialog dialog(*directory, *client);
        dialog.show();
        child<QPlainTextEdit>(dialog, "address")
            ->setPlainText(QStringLiteral("Samarqand, Registon koʻchasi 3"));
        child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Save)->click();
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("offline")), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.letterhead().address, QStringLiteral("Samarqand, Registon koʻchasi 3"));
        // The directory (and so every printout) still has the stored letterhead.
        QCOMPARE(directory->letterhead().address, QStringLiteral("Toshkent, Chilonzor 7"));
    }

    void serverFieldErrorsAppearAtTheField()
    {
        LetterheadDialog dialog(*directory, *client);
        dialog.show();
        ApiError refused = ApiError::make(ApiError::Kind::Server, QStringLiteral("invalid_logo"), QString());
        refused.field = QStringLiteral("logo");
        refused.httpStatus = 400;
        emit client->failed(refused);
        QVERIFY(dialog.fieldError(QStringLiteral("logo")).contains(QStringLiteral("PNG")));
        ApiError forbidden = ApiError::make(ApiError::Kind::Server, QStringLiteral("forbidden"), QString());
        forbidden.httpStatus = 403;
        emit client->failed(forbidden);
        QVERIFY(dialog.statusText().contains(QStringLiteral("administrator")));
    }
};

QTEST_MAIN(TestLetterheadDialog)
#include "tst_letterheaddialog.moc"
