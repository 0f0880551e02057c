// Renders the main screens of the client offscreen on a demo clinic (registry, today's
// queues, a payment, a report being written) and writes them as PNGs, one per screen and
// language: docs/screenshots/<screen>-<uz|ru>.png. scripts/screenshots runs it.
//   medora_screenshots --out DIR [--languages uz,ru]

#include "RegistryGenerator.h"
#include "admin/AdminPage.h"
#include "admin/StatisticsView.h"
#include "cabinet/DoctorCabinet.h"
#include "cabinet/MyQueuePanel.h"
#include "clinic/ClinicDirectory.h"
#include "domain/UuidV7.h"
#include "help/ShortcutsDialog.h"
#include "i18n/LanguageManager.h"
#include "reception/ReceptionDesk.h"
#include "reception/WallDisplay.h"
#include "registry/MainWindow.h"
#include "registry/PatientRegistry.h"
#include "session/SessionManager.h"
#include "settings/SettingsDialog.h"
#include "store/PaymentStore.h"
#include "store/ReportStore.h"
#include "store/VisitStore.h"
#include "workspace/WorkspacePages.h"

#include "MemorySecretStore.h"
#include "api/ApiClient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>

using namespace medora;

namespace {

const QString kDoctor = QStringLiteral("0190f2a0-0000-7000-8000-00000000d001");
const QString kSecondDoctor = QStringLiteral("0190f2a0-0000-7000-8000-00000000d002");
const QString kReceptionist = QStringLiteral("0190f2a0-0000-7000-8000-00000000a001");
const QString kAdmin = QStringLiteral("0190f2a0-0000-7000-8000-00000000c001");

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "medora_screenshots: %s\n", qPrintable(why));
    std::exit(1);
}

UserProfile profile(const QString &id, const QString &role, const QString &name)
{
    UserProfile user;
    user.id = id;
    user.clinicId = QStringLiteral("demo-clinic");
    user.clinicName = QStringLiteral("Shifo Med");
    user.login = name.section(QLatin1Char(' '), 0, 0).toLower();
    user.fullName = name;
    user.role = role;
    return user;
}

Patient namedPatient(const QString &last, const QString &first, const QString &father, Sex sex,
                     const QDate &born, const QString &phone)
{
    Patient patient;
    patient.lastName = last;
    patient.firstName = first;
    patient.fatherName = father;
    patient.sex = sex;
    patient.birthDate = born;
    patient.phone = phone;
    return patient;
}

// Today's queues, a payment and a report draft, written through the stores as the desk would.
void seedClinicDay(PatientRegistry &registry)
{
    QList<Patient> patients = {
        namedPatient(QStringLiteral("Karimov"), QStringLiteral("Aziz"), QStringLiteral("Rustamovich"),
                     Sex::Male, QDate(1985, 3, 12), QStringLiteral("+998901112233")),
        namedPatient(QStringLiteral("Каримова"), QStringLiteral("Дилноза"), QStringLiteral("Ботировна"),
                     Sex::Female, QDate(1992, 7, 4), QStringLiteral("+998935554411")),
        namedPatient(QStringLiteral("Oʻktamov"), QStringLiteral("Sherzod"), QStringLiteral("Gʻayratovich"),
                     Sex::Male, QDate(1978, 11, 23), QStringLiteral("+998971234567")),
        namedPatient(QStringLiteral("Юсупова"), QStringLiteral("Малика"), QString(), Sex::Female,
                     QDate(2016, 2, 9), QStringLiteral("+998909876543")),
        namedPatient(QStringLiteral("Toshmatov"), QStringLiteral("Jasur"), QStringLiteral("Anvarovich"),
                     Sex::Male, QDate(1969, 5, 30), QStringLiteral("+998946667788")),
    };
    patients[0].allergies = QStringLiteral("Penicillin");
    patients[0].medications = QStringLiteral("Lisinopril 10 mg daily");
    for (Patient &patient : patients) {
        if (!registry.registerPatient(patient))
            die(registry.lastError().message);
    }

    VisitStore visits(registry.database());
    const QDate today = QDate::currentDate();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto queue = [&](const Patient &patient, const QString &doctor, VisitPriority priority,
                           VisitStatus status) {
        Visit visit;
        visit.id = UuidV7::generate();
        visit.patientId = patient.id;
        visit.doctorId = doctor;
        visit.day = today;
        visit.ticket = visits.nextTicket(doctor, today);
        visit.priority = priority;
        visit.createdAt = now;
        visit.createdBy = kReceptionist;
        if (!visits.insert(visit))
            die(visits.lastError().message);
        if (status != VisitStatus::Waiting && !visits.setStatus(visit.localId, status, now))
            die(visits.lastError().message);
        return visit;
    };
    queue(patients[4], kDoctor, VisitPriority::Normal, VisitStatus::Done);
    queue(patients[0], kDoctor, VisitPriority::Normal, VisitStatus::Waiting);
    queue(patients[1], kDoctor, VisitPriority::Urgent, VisitStatus::Waiting);
    queue(patients[2], kDoctor, VisitPriority::Normal, VisitStatus::Waiting);
    queue(patients[3], kSecondDoctor, VisitPriority::Normal, VisitStatus::Called);
    const Visit paid = queue(patients[4], kSecondDoctor, VisitPriority::Normal, VisitStatus::Waiting);

    PaymentStore payments(registry.database());
    Payment payment;
    payment.id = UuidV7::generate();
    payment.patientId = patients[4].id;
    payment.visitId = paid.id;
    payment.amount = 150000;
    payment.method = PaymentMethod::Cash;
    payment.takenBy = kReceptionist;
    payment.takenAt = now;
    if (!payments.insert(payment))
        die(payments.lastError().message);
    payment = Payment();
    payment.id = UuidV7::generate();
    payment.patientId = patients[3].id;
    payment.amount = 220000;
    payment.method = PaymentMethod::Card;
    payment.takenBy = kReceptionist;
    payment.takenAt = now;
    if (!payments.insert(payment))
        die(payments.lastError().message);
}

void save(QWidget *widget, const QString &path)
{
    widget->resize(widget->size().expandedTo(QSize(1200, 760)));
    QApplication::processEvents();
    if (!widget->grab().save(path))
        die(QStringLiteral("cannot write ") + path);
    std::printf("%s\n", qPrintable(path));
}

void saveDialog(QWidget *dialog, const QString &path)
{
    dialog->show();
    QApplication::processEvents();
    dialog->adjustSize();
    QApplication::processEvents();
    if (!dialog->grab().save(path))
        die(QStringLiteral("cannot write ") + path);
    std::printf("%s\n", qPrintable(path));
    dialog->close();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Medora"));
    QCoreApplication::setApplicationName(QStringLiteral("medora_screenshots"));
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder for the PNGs."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption languagesOption(QStringLiteral("languages"), QStringLiteral("uz,ru (default)."),
                                             QStringLiteral("LIST"), QStringLiteral("uz,ru"));
    parser.addOptions({outOption, languagesOption});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(outOption))
        die(QStringLiteral("--out DIR is required"));
    const QDir out(parser.value(outOption));
    if (!QDir().mkpath(out.path()))
        die(QStringLiteral("cannot create ") + out.path());
    QSettings().clear();

    QTemporaryDir data;
    if (!data.isValid())
        die(QStringLiteral("no temporary folder"));
    PatientRegistry registry;
    if (!registry.open(data.path()))
        die(registry.lastError().message);
    RegistryGenerator generator;
    std::vector<Patient> generated = generator.generate(400);
    if (!registry.importPatients(generated))
        die(registry.lastError().message);
    seedClinicDay(registry);

    ClinicDirectory clinic(data.path());
    Letterhead letterhead;
    letterhead.clinicName = QStringLiteral("Shifo Med");
    letterhead.address = QStringLiteral("Toshkent, Yunusobod tumani, Amir Temur koʻchasi 108");
    letterhead.phone = QStringLiteral("+998 71 200 00 00");
    clinic.setForTesting({{kDoctor, QStringLiteral("Aziza Karimova"), QStringLiteral("doctor")},
                          {kSecondDoctor, QStringLiteral("Bahodir Yoʻldoshev"), QStringLiteral("doctor")},
                          {kReceptionist, QStringLiteral("Malika Saidova"), QStringLiteral("receptionist")}},
                         letterhead);
    const UserProfile doctor = profile(kDoctor, QStringLiteral("doctor"), QStringLiteral("Aziza Karimova"));
    const UserProfile receptionist =
        profile(kReceptionist, QStringLiteral("receptionist"), QStringLiteral("Malika Saidova"));
    const UserProfile admin =
        profile(kAdmin, QStringLiteral("clinic_admin"), QStringLiteral("Nodira Rahimova"));

    ApiClient api;
    MemorySecretStore secrets;
    SessionManager session(api, secrets);
    LanguageManager languages;
    bool calledOnce = false;
    for (const QString &language :
         parser.value(languagesOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!languages.setLanguage(language, false))
            die(QStringLiteral("unknown language ") + language);
        const QString suffix = QLatin1Char('-') + language + QStringLiteral(".png");
        MainWindow window(registry, languages);
        window.setSession(&session);
        WorkspacePages pages(window, registry.database(), registry, clinic);
        pages.setSession(&session);
        window.show();

        pages.showFor(receptionist);
        save(&window, out.filePath(QStringLiteral("reception") + suffix));
        WallDisplay *wall = pages.receptionDesk()->openWallDisplay();
        if (wall) {
            wall->showNormal();
            save(wall, out.filePath(QStringLiteral("wall") + suffix));
            wall->close();
        }

        pages.showFor(doctor);
        DoctorCabinet *cabinet = pages.doctorCabinet();
        if (!calledOnce) {
            // The first language's run calls the next patient; the second finds them in progress.
            cabinet->queuePanel()->callNext();
            cabinet->queuePanel()->startCurrent();
            calledOnce = true;
        }
        cabinet->reload();
        for (const Visit &visit : cabinet->queuePanel()->visits()) {
            if (visit.status == VisitStatus::InProgress)
                cabinet->queuePanel()->selectVisit(visit.localId);
        }
        window.workspace()->setCurrentWidget(cabinet);
        save(&window, out.filePath(QStringLiteral("cabinet") + suffix));

        pages.showFor(admin);
        if (auto *adminPage = window.workspace()->findChild<AdminPage *>()) {
            window.workspace()->setCurrentWidget(adminPage);
            if (adminPage->statisticsView())
                adminPage->tabs()->setCurrentWidget(adminPage->statisticsView());
            save(&window, out.filePath(QStringLiteral("admin") + suffix));
        }

        window.showSettings();
        saveDialog(window.settingsDialog(), out.filePath(QStringLiteral("settings") + suffix));
        window.showShortcuts();
        if (ShortcutsDialog *help = window.shortcutsDialog()) {
            help->resize(560, 640);
            saveDialog(help, out.filePath(QStringLiteral("shortcuts") + suffix));
        }
        pages.clear();
    }
    registry.close();
    return 0;
}
