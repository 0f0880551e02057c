#include "RegistryGenerator.h"
#include "domain/PhoneNumber.h"
#include "registry/PatientListModel.h"
#include "registry/PatientRegistry.h"
#include "store/SyncJournal.h"
#include "sync/SyncBadge.h"

#include <QIcon>
#include <QImage>
#include <QPixmap>

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace medora;

class TestPatientListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void browsingListsEveryPatientMostRecentlySeenFirst();
    void rowsShowThePatientsOwnData();
    void pagesAreFetchedLazilyAndTheCacheStaysBounded();
    void estimatedBirthDateIsMarked();
    void searchResultsAreCappedAndSaySo();
    void registryChangesReloadTheList();
    void headersAreTheFiveColumns();
    void rowsCarryTheirSyncStateAsABadge();
    void badgesOfAllStatesDifferAndScale();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PatientRegistry> m_registry;
    static constexpr int kPatients = PatientListModel::kPageSize * (PatientListModel::kCachedPages + 8) + 17;
};

void TestPatientListModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_registry = std::make_unique<PatientRegistry>();
    QVERIFY2(m_registry->open(m_dir.path()), qPrintable(m_registry->lastError().message));
    RegistryGenerator generator;
    std::vector<Patient> patients = generator.generate(kPatients);
    QVERIFY(m_registry->importPatients(patients));
    QCOMPARE(m_registry->patientCount(), kPatients);
}

void TestPatientListModel::cleanupTestCase()
{
    m_registry.reset();
}

void TestPatientListModel::browsingListsEveryPatientMostRecentlySeenFirst()
{
    PatientListModel model(*m_registry);
    QVERIFY(!model.isSearching());
    QCOMPARE(model.rowCount(), m_registry->patientCount());
    QCOMPARE(model.columnCount(), int(PatientListModel::ColumnCount));
    QDateTime previous;
    for (int row : {0, 1, 2, 100, 1000, model.rowCount() - 1}) {
        const std::optional<Patient> patient = m_registry->patient(model.localIdAt(row));
        QVERIFY(patient);
        if (previous.isValid())
            QVERIFY(patient->lastSeenAt <= previous);
        previous = patient->lastSeenAt;
    }
    QCOMPARE(model.localIdAt(-1), 0);
    QCOMPARE(model.localIdAt(model.rowCount()), 0);
}

void TestPatientListModel::rowsShowThePatientsOwnData()
{
    PatientListModel model(*m_registry);
    for (int row : {0, 63, 64, 65, 777, model.rowCount() - 1}) {
        const qint64 localId = model.index(row, 0).data(PatientListModel::LocalIdRole).toLongLong();
        QCOMPARE(localId, model.localIdAt(row));
        QCOMPARE(model.rowOf(localId), row);
        const Patient patient = *m_registry->patient(localId);
        const auto cell = [&](int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(PatientListModel::NumberColumn), patient.number);
        QCOMPARE(cell(PatientListModel::NameColumn), patient.displayName());
        QCOMPARE(cell(PatientListModel::PhoneColumn),
                 patient.phone.isEmpty() ? QString() : PhoneNumber::format(patient.phone));
        QVERIFY(cell(PatientListModel::BirthDateColumn)
                    .endsWith(patient.birthDate.toString(QStringLiteral("dd.MM.yyyy"))));
        const int age = model.index(row, PatientListModel::AgeColumn).data().toInt();
        QVERIFY(age >= 0 && age <= 130);
        QVERIFY(patient.birthDate.addYears(age) <= QDate::currentDate());
        QVERIFY(patient.birthDate.addYears(age + 1) > QDate::currentDate());
    }
    QCOMPARE(model.rowOf(-5), -1);
}

void TestPatientListModel::pagesAreFetchedLazilyAndTheCacheStaysBounded()
{
    PatientListModel model(*m_registry);
    QCOMPARE(model.cachedPageCount(), 0); // nothing is read before a row is shown
    model.index(model.rowCount() - 1, PatientListModel::NameColumn).data();
    QCOMPARE(model.cachedPageCount(), 1);

    int largest = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.index(row, PatientListModel::NameColumn).data().toString().isEmpty());
        largest = std::max(largest, model.cachedPageCount());
    }
    QCOMPARE(largest, int(PatientListModel::kCachedPages));

    // The pages just read are the ones kept: reading them again fetches nothing new, and an
    // evicted page comes back with the same contents.
    const QString lastName =
        model.index(model.rowCount() - 1, PatientListModel::NameColumn).data().toString();
    const QString firstName = model.index(0, PatientListModel::NameColumn).data().toString();
    QCOMPARE(model.cachedPageCount(), int(PatientListModel::kCachedPages));
    QCOMPARE(firstName, m_registry->patient(model.localIdAt(0))->displayName());
    QCOMPARE(lastName, m_registry->patient(model.localIdAt(model.rowCount() - 1))->displayName());
}

void TestPatientListModel::estimatedBirthDateIsMarked()
{
    Patient patient;
    patient.lastName = QStringLiteral("Qodirov");
    patient.firstName = QStringLiteral("Ulugʻbek");
    patient.sex = Sex::Male;
    patient.birthDate = QDate(1961, 7, 1);
    patient.birthDateEstimated = true;
    QVERIFY(m_registry->registerPatient(patient));

    PatientListModel model(*m_registry);
    const int row = model.rowOf(patient.localId);
    QCOMPARE(row, 0); // just registered, so seen most recently
    QCOMPARE(model.index(row, PatientListModel::BirthDateColumn).data().toString(),
             QStringLiteral("≈ 01.07.1961"));
    QVERIFY(!model.index(row, PatientListModel::BirthDateColumn).data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(m_registry->removePatient(patient.localId));
}

void TestPatientListModel::searchResultsAreCappedAndSaySo()
{
    PatientListModel model(*m_registry);
    QString broad;
    RegistryGenerator generator;
    for (const QString &candidate : generator.devicePrefixes()) {
        if (m_registry->search(candidate, PatientListModel::kSearchLimit + 1).size() >
            size_t(PatientListModel::kSearchLimit)) {
            broad = candidate;
            break;
        }
    }
    QVERIFY2(!broad.isEmpty(), "no device prefix matches more than the search limit");
    model.setQuery(broad);
    QVERIFY(model.isSearching());
    QVERIFY(model.hasMoreMatches());
    QCOMPARE(model.rowCount(), PatientListModel::kSearchLimit);

    model.setQuery(QStringLiteral("Karimov"));
    const std::vector<qint64> expected =
        m_registry->search(QStringLiteral("Karimov"), PatientListModel::kSearchLimit);
    QVERIFY(!expected.empty());
    QVERIFY(!model.hasMoreMatches());
    QCOMPARE(size_t(model.rowCount()), expected.size());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.localIdAt(row), expected[size_t(row)]);

    model.setQuery(QStringLiteral("   "));
    QVERIFY(!model.isSearching());
    QCOMPARE(model.rowCount(), m_registry->patientCount());
}

void TestPatientListModel::registryChangesReloadTheList()
{
    PatientListModel model(*m_registry);
    model.index(0, 0).data();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const int before = model.rowCount();

    Patient patient;
    patient.lastName = QStringLiteral("Абдуллаев");
    patient.firstName = QStringLiteral("Шерзод");
    patient.sex = Sex::Male;
    patient.birthDate = QDate(2001, 9, 1);
    QVERIFY(m_registry->registerPatient(patient));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), before + 1);
    QCOMPARE(model.localIdAt(0), patient.localId);
    QCOMPARE(model.index(0, PatientListModel::NameColumn).data().toString(),
             QStringLiteral("Абдуллаев Шерзод"));

    patient.firstName = QStringLiteral("Шерзодбек");
    QVERIFY(m_registry->updatePatient(patient));
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.index(model.rowOf(patient.localId), PatientListModel::NameColumn).data().toString(),
             QStringLiteral("Абдуллаев Шерзодбек"));

    QVERIFY(m_registry->removePatient(patient.localId));
    QCOMPARE(resets.count(), 3);
    QCOMPARE(model.rowCount(), before);
    QCOMPARE(model.rowOf(patient.localId), -1);
}

void TestPatientListModel::headersAreTheFiveColumns()
{
    PatientListModel model(*m_registry);
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers << model.headerData(column, Qt::Horizontal).toString();
    QCOMPARE(headers,
             QStringList({QStringLiteral("Number"), QStringLiteral("Name"), QStringLiteral("Date of birth"),
                          QStringLiteral("Age"), QStringLiteral("Phone")}));
}

void TestPatientListModel::rowsCarryTheirSyncStateAsABadge()
{
    // A registry of its own: the shared one's bulk import would come first in every push.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PatientRegistry registry;
    QVERIFY2(registry.open(dir.path()), qPrintable(registry.lastError().message));
    SyncJournal journal(registry.database());
    Patient patient;
    patient.lastName = QStringLiteral("Toshmatova");
    patient.firstName = QStringLiteral("Gulnora");
    patient.sex = Sex::Female;
    patient.birthDate = QDate(1990, 5, 17);
    QVERIFY(registry.registerPatient(patient));

    PatientListModel model(registry);
    const QModelIndex number = model.index(model.rowOf(patient.localId), PatientListModel::NumberColumn);
    const auto state = [&] { return SyncState(number.data(PatientListModel::SyncStateRole).toInt()); };
    QCOMPARE(state(), SyncState::New);
    QVERIFY(!number.data(Qt::DecorationRole).value<QIcon>().isNull());
    const QString tip = number.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(SyncBadge::name(SyncState::New)) &&
                 tip.contains(SyncBadge::description(SyncState::New)),
             qPrintable(tip));
    QCOMPARE(number.data(Qt::AccessibleDescriptionRole).toString(), tip);
    // Only the number column carries the badge.
    QVERIFY(model.index(number.row(), PatientListModel::NameColumn).data(Qt::DecorationRole).isNull());

    // Push states change without the registry noticing; refreshRows() reads them again and
    // says so with dataChanged, without a reset that would lose the selection.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QList<PushOperation> ops;
    QVERIFY(journal.takeBatch(10, SyncProtocol::kMaxPushBytes, &ops));
    QCOMPARE(ops.size(), 1);
    QCOMPARE(state(), SyncState::New); // the cached page, until told
    model.refreshRows();
    QCOMPARE(changes.count(), 1);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(state(), SyncState::Uploading);

    PushResult applied;
    applied.opId = ops[0].opId;
    applied.status = PushStatus::Applied;
    applied.revision = 1;
    applied.sequence = 1;
    applied.hasRecord = true;
    applied.record.entity = EntityKind::Patient;
    applied.record.id = ops[0].id;
    applied.record.revision = 1;
    applied.record.sequence = 1;
    applied.record.updatedAt = QStringLiteral("2026-11-28T06:00:00.000Z");
    applied.record.data = ops[0].data;
    PushResponse response;
    response.results = {applied};
    QVERIFY(journal.applyPushResults(ops, response));
    model.refreshRows();
    QCOMPARE(state(), SyncState::Synced);
    QCOMPARE(number.data(Qt::ToolTipRole).toString(),
             tr("Sync: %1. %2")
                 .arg(SyncBadge::name(SyncState::Synced), SyncBadge::description(SyncState::Synced)));

    patient = *registry.patient(patient.localId);
    patient.phone = QStringLiteral("+998901234567");
    QVERIFY(registry.updatePatient(patient)); // a registry save reloads the list by itself
    QCOMPARE(state(), SyncState::Modified);

    ops.clear();
    QVERIFY(journal.takeBatch(10, SyncProtocol::kMaxPushBytes, &ops));
    PushResult rejected;
    rejected.opId = ops[0].opId;
    rejected.status = PushStatus::Rejected;
    rejected.reasonCode = QStringLiteral("forbidden");
    response.results = {rejected};
    QVERIFY(journal.applyPushResults(ops, response));
    model.refreshRows();
    QCOMPARE(state(), SyncState::Error);
    QVERIFY(number.data(Qt::ToolTipRole).toString().contains(SyncBadge::description(SyncState::Error)));
    QCOMPARE(resets.count(), 1);
}

void TestPatientListModel::badgesOfAllStatesDifferAndScale()
{
    const QList<SyncState> states = {SyncState::New,    SyncState::Modified, SyncState::Uploading,
                                     SyncState::Synced, SyncState::Error,    SyncState::Conflict};
    QList<QImage> images;
    QStringList names;
    for (SyncState state : states) {
        const QIcon icon = SyncBadge::icon(state);
        // Drawn for the screen's pixel ratio, not scaled up from a small bitmap.
        const QPixmap sharp = icon.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(sharp.size(), QSize(32, 32));
        QCOMPARE(sharp.devicePixelRatio(), 2.0);
        images << icon.pixmap(QSize(16, 16), 1.0).toImage();
        QVERIFY(!SyncBadge::description(state).isEmpty());
        names << SyncBadge::name(state);
    }
    for (int i = 0; i < images.size(); ++i) {
        QVERIFY(!images[i].isNull());
        for (int j = i + 1; j < images.size(); ++j)
            QVERIFY2(images[i] != images[j], qPrintable(names[i] + QStringLiteral(" vs ") + names[j]));
    }
    names.removeDuplicates();
    QCOMPARE(names.size(), states.size());
}

QTEST_MAIN(TestPatientListModel)
#include "tst_patientlistmodel.moc"
