#include "RegistryGenerator.h"
#include "domain/Patient.h"
#include "search/IndexRecord.h"
#include "search/SearchIndex.h"
#include "search/SnapshotLayout.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace medora;

namespace {

constexpr qsizetype kHeaderSize = sizeof(snapshot::Header);
const QString kIdentity = QStringLiteral("0123456789abcdef0123456789abcdef");
const qint64 kBaseMs = 1700000000000;

struct PatientSpec
{
    qint64 localId;
    const char *lastName;
    const char *firstName;
    const char *fatherName = "";
    const char *phone = "";
    const char *number = "";
    qint64 seenOffsetMs = 0; // added to kBaseMs; larger = seen more recently
};

IndexRecord recordOf(const PatientSpec &spec)
{
    Patient patient;
    patient.localId = spec.localId;
    patient.lastName = QString::fromUtf8(spec.lastName);
    patient.firstName = QString::fromUtf8(spec.firstName);
    patient.fatherName = QString::fromUtf8(spec.fatherName);
    patient.phone = QString::fromUtf8(spec.phone);
    patient.number = QString::fromUtf8(spec.number);
    patient.lastSeenAt = QDateTime::fromMSecsSinceEpoch(kBaseMs + spec.seenOffsetMs, QTimeZone::utc());
    return IndexRecord::fromPatient(patient);
}

std::vector<qint64> idsOf(const std::vector<SearchHit> &hits)
{
    std::vector<qint64> ids;
    for (const SearchHit &hit : hits)
        ids.push_back(hit.localId);
    return ids;
}

std::vector<qint64> ids(std::initializer_list<qint64> list)
{
    return std::vector<qint64>(list);
}

bool sameHits(const std::vector<SearchHit> &a, const std::vector<SearchHit> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].localId != b[i].localId || a[i].score != b[i].score || a[i].lastSeenMs != b[i].lastSeenMs)
            return false;
    }
    return true;
}

// Resident kB of this process's mappings of `path` per /proc/self/smaps, or -1 where the
// system does not say (the test then only checks that the results stay the same).
qint64 residentKbOfMapping(const QString &path)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return -1;
    qint64 total = 0;
    bool inMapping = false;
    const QByteArray name = QFile::encodeName(QFileInfo(path).canonicalFilePath());
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const char first = line.front();
        if ((first >= '0' && first <= '9') || (first >= 'a' && first <= 'f'))
            inMapping = line.endsWith(name);
        else if (inMapping && line.startsWith("Rss:"))
            total += line.mid(4).trimmed().split(' ').value(0).toLongLong();
    }
    return total;
}

QByteArray describe(const std::vector<SearchHit> &hits)
{
    QByteArray text;
    for (const SearchHit &hit : hits)
        text += QByteArray::number(hit.localId) + ':' + QByteArray::number(hit.score) + ' ';
    return text;
}

// A small clinic, one patient per ranking situation the tests look at.
const PatientSpec kClinic[] = {
    {1, "Karimov", "Alisher", "Akmal oʻgʻli", "+998901234567", "KQX-00042", 9000},
    {2, "Каримов", "Бобур", "Рустамович", "+998935554433", "KQX-00041", 8000},
    {3, "Karimova", "Dilnoza", "Rustamovna", "+998971110000", "BTR-00007", 7000},
    {4, "Rahimov", "Oʻktam", "", "+998991234000", "KQX-00043", 6000},
    {5, "Ne'matov", "Gʻulom", "", "", "KQX-00044", 5000},
    {6, "Abdulla zoda", "Shoʻxrux", "", "+998334564567", "KQX-00045", 4000},
    {7, "Алёна", "Иванова", "Сергеевна", "+998712000001", "MNZ-00001", 3000},
    {8, "Aliyev", "Ali", "Aliyevich", "+998909876543", "KQX-00420", 2000},
    {9, "Yusupov", "Alisher", "", "", "KQX-00046", 1000},
};

void applyAll(SearchIndex &index, const PatientSpec *begin, const PatientSpec *end)
{
    for (const PatientSpec *spec = begin; spec != end; ++spec)
        index.apply(recordOf(*spec));
}

void applyClinic(SearchIndex &index)
{
    applyAll(index, std::begin(kClinic), std::end(kClinic));
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString snapshotPath(const QString &name = QStringLiteral("medora.search")) const
    {
        return m_dir.filePath(name);
    }

    // The clinic as a written and reloaded snapshot, nothing in the overlay.
    void loadClinicSnapshot(SearchIndex &index)
    {
        SearchIndex writer;
        applyClinic(writer);
        QVERIFY(writer.writeSnapshot(snapshotPath(), kIdentity, 77));
        QVERIFY(index.loadSnapshot(snapshotPath(), kIdentity));
        QCOMPARE(index.overlaySize(), 0);
    }

    QByteArray validSnapshotBytes()
    {
        SearchIndex writer;
        applyClinic(writer);
        const QString path = snapshotPath(QStringLiteral("valid.search"));
        if (!writer.writeSnapshot(path, kIdentity, 5))
            return {};
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

    QString writeBytes(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            return {};
        return file.fileName();
    }

    // A damaged snapshot must either be refused or, if its header is intact, answer
    // without crashing and only with patients the file could name.
    void exerciseDamaged(const QString &path)
    {
        SearchIndex index;
        if (!index.loadSnapshot(path, kIdentity)) {
            QCOMPARE(index.size(), 0);
            QVERIFY(index.search(QStringLiteral("karimov")).empty());
            return;
        }
        for (const char *query : {"karimov", "a", "ali kar", "90123", "4567", "kqx0004", "+998 90 123 45 67"})
            QVERIFY(index.search(QString::fromUtf8(query)).size() <= 50);
        QVERIFY(qint64(index.browseOrder().size()) <= index.size() + 1);
        index.apply(recordOf(kClinic[0]));
        QVERIFY(index.search(QStringLiteral("karimov")).size() >= 1);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void crossScript_data()
    {
        QTest::addColumn<bool>("fromSnapshot");
        QTest::newRow("overlay") << false;
        QTest::newRow("snapshot") << true;
    }

    void crossScript()
    {
        QFETCH(bool, fromSnapshot);
        SearchIndex index;
        if (fromSnapshot)
            loadClinicSnapshot(index);
        else
            applyClinic(index);
        // Latin finds Cyrillic and the other way round; case does not matter.
        QCOMPARE(idsOf(index.search(QStringLiteral("Karimov"))), ids({1, 2, 3}));
        QCOMPARE(idsOf(index.search(QStringLiteral("КАРИМОВ"))), ids({1, 2, 3}));
        QCOMPARE(idsOf(index.search(QStringLiteral("karimov"))), ids({1, 2, 3}));
        QCOMPARE(idsOf(index.search(QStringLiteral("Бобур"))), ids({2}));
        QCOMPARE(idsOf(index.search(QStringLiteral("bobur"))), ids({2}));
        // Apostrophe variants and the letter mark fold together.
        for (const char *query : {"Oʻktam", "O'ktam", "O‘ktam", "O’ktam", "O`ktam", "Oktam", "Ўктам"})
            QCOMPARE(idsOf(index.search(QString::fromUtf8(query))), ids({4}));
        for (const char *query : {"Ne'matov", "Nematov", "Неъматов", "Gʻulom", "G'ulom", "гулом"})
            QCOMPARE(idsOf(index.search(QString::fromUtf8(query))), ids({5}));
        // ё and е are one letter.
        QCOMPARE(idsOf(index.search(QStringLiteral("Алена"))), ids({7}));
        QCOMPARE(idsOf(index.search(QStringLiteral("Alyona"))), ids({7}));
        QCOMPARE(idsOf(index.search(QStringLiteral("ivanova"))), ids({7}));
        // Every word of a name of several words is found, and so is the name written as one.
        QCOMPARE(idsOf(index.search(QStringLiteral("zoda"))), ids({6}));
        QCOMPARE(idsOf(index.search(QStringLiteral("Abdullazoda"))), ids({6}));
        QCOMPARE(idsOf(index.search(QStringLiteral("Abdulla zoda"))), ids({6}));
        QVERIFY(index.search(QStringLiteral("Petrov")).empty());
    }

    void exactBeforePrefix_data() { crossScript_data(); }

    void exactBeforePrefix()
    {
        QFETCH(bool, fromSnapshot);
        SearchIndex index;
        if (fromSnapshot)
            loadClinicSnapshot(index);
        else
            applyClinic(index);
        // "ali" equals the first name of patient 8 (seen long ago): that beats the more
        // recently seen Alisher (1, 9) and Aliyev (8 again, counted once).
        const std::vector<SearchHit> hits = index.search(QStringLiteral("ali"));
        QCOMPARE(idsOf(hits), ids({8, 1, 9}));
        QCOMPARE(hits[0].score, 1);
        QCOMPARE(hits[1].score, 0);
        // "karimov" is exact for 1 and 2, a prefix of "karimova" for 3.
        const std::vector<SearchHit> karimov = index.search(QStringLiteral("karimov"));
        QCOMPARE(karimov[0].score, 1);
        QCOMPARE(karimov[2].score, 0);
        // Two exact tokens beat one.
        QCOMPARE(idsOf(index.search(QStringLiteral("alisher"))), ids({1, 9}));
        QCOMPARE(idsOf(index.search(QStringLiteral("alisher yusupov"))), ids({9}));
        QCOMPARE(index.search(QStringLiteral("alisher yusupov"))[0].score, 2);
    }

    void recencyOrdering()
    {
        SearchIndex index;
        applyClinic(index);
        // Same score: the most recently seen first.
        QCOMPARE(idsOf(index.search(QStringLiteral("kar"))), ids({1, 2, 3}));
        // Seeing patient 3 again moves it to the front, in the overlay and after a snapshot.
        PatientSpec seen = kClinic[2];
        seen.seenOffsetMs = 99000;
        index.apply(recordOf(seen));
        QCOMPARE(idsOf(index.search(QStringLiteral("kar"))), ids({3, 1, 2}));
        QVERIFY(index.writeSnapshot(snapshotPath(QStringLiteral("recency.search")), kIdentity, 3));
        QCOMPARE(idsOf(index.search(QStringLiteral("kar"))), ids({3, 1, 2}));
        QCOMPARE(index.browseOrder(), ids({3, 1, 2, 4, 5, 6, 7, 8, 9}));
    }

    void twoNameParts_data() { crossScript_data(); }

    void twoNameParts()
    {
        QFETCH(bool, fromSnapshot);
        SearchIndex index;
        if (fromSnapshot)
            loadClinicSnapshot(index);
        else
            applyClinic(index);
        QCOMPARE(idsOf(index.search(QStringLiteral("ali karim"))), ids({1}));
        QCOMPARE(idsOf(index.search(QStringLiteral("karim ali"))), ids({1}));
        QCOMPARE(idsOf(index.search(QStringLiteral("Каримов Бобур"))), ids({2}));
        QCOMPARE(idsOf(index.search(QStringLiteral("karimov rustam"))), ids({2, 3}));
        QCOMPARE(idsOf(index.search(QStringLiteral("karimov akmal ogli"))), ids({1}));
        QVERIFY(index.search(QStringLiteral("karimov yusupov")).empty());
        // A token may match the patient number or the phone beside a name.
        QCOMPARE(idsOf(index.search(QStringLiteral("karimov 4567"))), ids({1}));
        QCOMPARE(idsOf(index.search(QStringLiteral("kqx0004 alisher"))), ids({1, 9}));
    }

    void phone_data() { crossScript_data(); }

    void phone()
    {
        QFETCH(bool, fromSnapshot);
        SearchIndex index;
        if (fromSnapshot)
            loadClinicSnapshot(index);
        else
            applyClinic(index);
        QCOMPARE(idsOf(index.search(QStringLiteral("90123"))), ids({1}));
        QCOMPARE(idsOf(index.search(QStringLiteral("90"))), ids({1, 8}));
        // Suffix: 4567 ends 1's and 6's numbers, 000 ends 3's (seen later) and 4's.
        QCOMPARE(idsOf(index.search(QStringLiteral("4567"))), ids({1, 6}));
        QCOMPARE(idsOf(index.search(QStringLiteral("000"))), ids({3, 4}));
        QCOMPARE(idsOf(index.search(QStringLiteral("0001"))), ids({7}));
        // The full number in the forms receptionists type it; a whole number is exact.
        for (const char *query : {"+998 90 123 45 67", "+998901234567", "998901234567", "901234567",
                                  "(90) 123-45-67", "90 123 45 67", "8 90 1234567"}) {
            const std::vector<SearchHit> hits = index.search(QString::fromUtf8(query));
            QCOMPARE(idsOf(hits), ids({1}));
            QCOMPARE(hits[0].score, 1);
        }
        // With the country code typed, only the start of the number counts.
        QCOMPARE(idsOf(index.search(QStringLiteral("+998 93"))), ids({2}));
        QVERIFY(index.search(QStringLiteral("+998 67")).empty());
        QVERIFY(index.search(QStringLiteral("901234568")).empty());
        // One digit is too little to search phones.
        QVERIFY(index.search(QStringLiteral("9")).empty());
    }

    void patientNumber_data() { crossScript_data(); }

    void patientNumber()
    {
        QFETCH(bool, fromSnapshot);
        SearchIndex index;
        if (fromSnapshot)
            loadClinicSnapshot(index);
        else
            applyClinic(index);
        std::vector<SearchHit> exact = index.search(QStringLiteral("KQX-00042"));
        QCOMPARE(idsOf(exact), ids({1}));
        QCOMPARE(exact[0].score, 1);
        QCOMPARE(idsOf(index.search(QStringLiteral("kqx00042"))), ids({1}));
        // A prefix of the number: "kqx0004" starts 00041..00046 and (as "kqx00042" does)
        // 00420.
        QCOMPARE(idsOf(index.search(QStringLiteral("KQX-0004"))), ids({1, 2, 4, 5, 6, 9}));
        exact = index.search(QStringLiteral("KQX-0004"), 50);
        QVERIFY(std::all_of(exact.begin(), exact.end(), [](const SearchHit &hit) { return hit.score == 0; }));
        QCOMPARE(idsOf(index.search(QStringLiteral("kqx-00420"))), ids({8}));
        QCOMPARE(idsOf(index.search(QStringLiteral("btr"))), ids({3}));
    }

    void overlayAndSnapshotTogether()
    {
        SearchIndex index;
        loadClinicSnapshot(index);
        QCOMPARE(index.snapshotChangeSeq(), 77);
        QCOMPARE(index.size(), 9);
        // A new patient exists only in the overlay and ranks by recency among snapshot hits.
        index.apply(recordOf({20, "Karimov", "Sardor", "", "+998901110000", "KQX-00099", 8500}));
        QCOMPARE(index.overlaySize(), 1);
        QCOMPARE(index.size(), 10);
        QCOMPARE(idsOf(index.search(QStringLiteral("karimov"))), ids({1, 20, 2, 3}));
        QCOMPARE(idsOf(index.search(QStringLiteral("sardor"))), ids({20}));
        QCOMPARE(idsOf(index.search(QStringLiteral("9011"))), ids({20}));
        QCOMPARE(index.browseOrder(), ids({1, 20, 2, 3, 4, 5, 6, 7, 8, 9}));
    }

    void updateSupersedesSnapshot()
    {
        SearchIndex index;
        loadClinicSnapshot(index);
        // Patient 1 is renamed and gets another phone: the old keys no longer find it.
        index.apply(recordOf({1, "Rahimov", "Alisher", "", "+998950000001", "KQX-00042", 9000}));
        QCOMPARE(index.size(), 9);
        QCOMPARE(idsOf(index.search(QStringLiteral("karimov"))), ids({2, 3}));
        QVERIFY(index.search(QStringLiteral("90123")).empty());
        QCOMPARE(idsOf(index.search(QStringLiteral("rahimov"))), ids({1, 4}));
        QCOMPARE(idsOf(index.search(QStringLiteral("95000"))), ids({1}));
        QCOMPARE(idsOf(index.search(QStringLiteral("kqx00042"))), ids({1}));
        // A second update of the same patient replaces the first.
        index.apply(recordOf({1, "Tursunov", "Alisher", "", "", "KQX-00042", 9000}));
        QCOMPARE(index.overlaySize(), 1);
        QVERIFY(index.search(QStringLiteral("rahimov alisher")).empty());
        QCOMPARE(idsOf(index.search(QStringLiteral("tursunov"))), ids({1}));
        QCOMPARE(index.size(), 9);
    }

    void deletedRemoved()
    {
        SearchIndex index;
        loadClinicSnapshot(index);
        index.apply(recordOf({30, "Karimov", "Jasur", "", "", "KQX-00100", 100}));
        IndexRecord removedFromSnapshot = recordOf(kClinic[0]);
        removedFromSnapshot.deleted = true;
        index.apply(removedFromSnapshot);
        IndexRecord removedFromOverlay = recordOf({30, "Karimov", "Jasur", "", "", "KQX-00100", 100});
        removedFromOverlay.deleted = true;
        index.apply(removedFromOverlay);
        QCOMPARE(idsOf(index.search(QStringLiteral("karimov"))), ids({2, 3}));
        QVERIFY(index.search(QStringLiteral("jasur")).empty());
        QVERIFY(index.search(QStringLiteral("KQX-00042")).empty());
        QCOMPARE(index.size(), 8);
        QCOMPARE(index.browseOrder(), ids({2, 3, 4, 5, 6, 7, 8, 9}));
        // Deleting a patient the index never had changes nothing.
        IndexRecord unknown = recordOf({555, "Ghost", "Ghost"});
        unknown.deleted = true;
        index.apply(unknown);
        QCOMPARE(index.size(), 8);
        // The deletions survive a snapshot round trip.
        QVERIFY(index.writeSnapshot(snapshotPath(QStringLiteral("deleted.search")), kIdentity, 9));
        SearchIndex reloaded;
        QVERIFY(reloaded.loadSnapshot(snapshotPath(QStringLiteral("deleted.search")), kIdentity));
        QCOMPARE(reloaded.size(), 8);
        QCOMPARE(idsOf(reloaded.search(QStringLiteral("karimov"))), ids({2, 3}));
        QCOMPARE(reloaded.browseOrder(), ids({2, 3, 4, 5, 6, 7, 8, 9}));
    }

    void snapshotRoundTripGivesIdenticalResults()
    {
        // Half the patients in a first snapshot, the rest plus updates and deletions in the
        // overlay; a second snapshot of that state must answer every query the same way.
        RegistryGenerator generator(7);
        std::vector<Patient> patients = generator.generate(3000);
        SearchIndex live;
        for (size_t i = 0; i < patients.size(); ++i) {
            patients[i].localId = qint64(i) + 1;
            if (i < 1500)
                live.apply(IndexRecord::fromPatient(patients[i]));
        }
        QVERIFY(live.writeSnapshot(snapshotPath(QStringLiteral("first.search")), kIdentity, 1500));
        for (size_t i = 1500; i < patients.size(); ++i)
            live.apply(IndexRecord::fromPatient(patients[i]));
        for (size_t i = 0; i < patients.size(); i += 37) {
            Patient changed = patients[i];
            changed.lastName = QStringLiteral("Tursunov");
            changed.lastSeenAt = changed.lastSeenAt.addDays(40);
            changed.deleted = (i % 3 == 0);
            live.apply(IndexRecord::fromPatient(changed));
        }
        // The same final state held entirely in the overlay.
        SearchIndex overlayOnly;
        for (size_t i = 0; i < patients.size(); ++i) {
            Patient current = patients[i];
            if (i % 37 == 0) {
                current.lastName = QStringLiteral("Tursunov");
                current.lastSeenAt = current.lastSeenAt.addDays(40);
                current.deleted = (i % 3 == 0);
            }
            overlayOnly.apply(IndexRecord::fromPatient(current));
        }

        QVERIFY(live.writeSnapshot(snapshotPath(QStringLiteral("second.search")), kIdentity, 3000));
        SearchIndex fresh;
        QVERIFY(fresh.loadSnapshot(snapshotPath(QStringLiteral("second.search")), kIdentity));
        QCOMPARE(fresh.snapshotChangeSeq(), 3000);
        QCOMPARE(fresh.size(), overlayOnly.size());
        QCOMPARE(fresh.browseOrder(), overlayOnly.browseOrder());
        QCOMPARE(live.browseOrder(), overlayOnly.browseOrder());

        QStringList queries = {QStringLiteral("kar"),
                               QStringLiteral("karimov"),
                               QStringLiteral("каримов али"),
                               QStringLiteral("ali karim"),
                               QStringLiteral("tursunov"),
                               QStringLiteral("a"),
                               QStringLiteral("ogli"),
                               QStringLiteral("KQX-001"),
                               QStringLiteral("kqx00123"),
                               QStringLiteral("90"),
                               QStringLiteral("+998 93"),
                               QStringLiteral("77"),
                               QStringLiteral("ivanov sergeevich"),
                               QStringLiteral("ne'matov")};
        for (size_t i = 0; i < patients.size(); i += 97) {
            queries.append(patients[i].phone.right(4));
            queries.append(patients[i].phone.mid(4, 5));
            queries.append(patients[i].firstName.left(3) + QLatin1Char(' ') + patients[i].lastName.left(4));
            queries.append(patients[i].number);
            // A rare token beside a common one: the common one is tested per candidate.
            queries.append(patients[i].number + QLatin1Char(' ') + patients[i].lastName.left(1));
            queries.append(patients[i].number.left(6) + QLatin1Char(' ') + patients[i].phone.mid(4, 2));
            queries.append(patients[i].number.left(7) + QLatin1Char(' ') + patients[i].phone.right(2));
            queries.append(patients[i].phone + QLatin1Char(' ') + patients[i].firstName.left(2));
        }
        for (const QString &query : std::as_const(queries)) {
            for (int limit : {1, 7, 50, 5000}) {
                const std::vector<SearchHit> expected = overlayOnly.search(query, limit);
                const std::vector<SearchHit> fromFile = fresh.search(query, limit);
                const std::vector<SearchHit> mixed = live.search(query, limit);
                QVERIFY2(sameHits(fromFile, expected),
                         qPrintable(query + QLatin1String(": ") + describe(fromFile) + QLatin1String(" vs ") +
                                    describe(expected)));
                QVERIFY2(sameHits(mixed, expected), qPrintable(query));
                QVERIFY(int(expected.size()) <= limit);
            }
        }
    }

    void identityMismatchRefused()
    {
        SearchIndex writer;
        applyClinic(writer);
        QVERIFY(writer.writeSnapshot(snapshotPath(QStringLiteral("other.search")), kIdentity, 3));
        SearchIndex index;
        QVERIFY(!index.loadSnapshot(snapshotPath(QStringLiteral("other.search")),
                                    QStringLiteral("ffffffffffffffffffffffffffffffff")));
        QCOMPARE(index.size(), 0);
        QCOMPARE(index.snapshotChangeSeq(), 0);
        QVERIFY(index.search(QStringLiteral("karimov")).empty());
        QVERIFY(!index.loadSnapshot(m_dir.filePath(QStringLiteral("missing.search")), kIdentity));
        QVERIFY(index.loadSnapshot(snapshotPath(QStringLiteral("other.search")), kIdentity));
        QCOMPARE(index.size(), 9);
    }

    void truncatedSnapshotRefused()
    {
        const QByteArray valid = validSnapshotBytes();
        QVERIFY(!valid.isEmpty());
        for (qsizetype length = 0; length < valid.size(); length += (length < 300 ? 1 : 13)) {
            const QString path = writeBytes(QStringLiteral("truncated.search"), valid.left(length));
            QVERIFY(!path.isEmpty());
            SearchIndex index;
            QVERIFY2(!index.loadSnapshot(path, kIdentity), qPrintable(QString::number(length)));
            QCOMPARE(index.size(), 0);
        }
        // One byte too many is just as wrong.
        const QString longer = writeBytes(QStringLiteral("longer.search"), valid + '\0');
        SearchIndex index;
        QVERIFY(!index.loadSnapshot(longer, kIdentity));
    }

    void garbageSnapshotRefused()
    {
        const QByteArray valid = validSnapshotBytes();
        QVERIFY(!valid.isEmpty());
        SearchIndex index;
        QVERIFY(!index.loadSnapshot(writeBytes(QStringLiteral("empty.search"), QByteArray()), kIdentity));
        QVERIFY(
            !index.loadSnapshot(writeBytes(QStringLiteral("text.search"), QByteArray(4096, 'x')), kIdentity));
        QByteArray random(valid.size(), '\0');
        QRandomGenerator generator(42);
        for (char &c : random)
            c = char(generator.bounded(256));
        QVERIFY(!index.loadSnapshot(writeBytes(QStringLiteral("random.search"), random), kIdentity));
        // Any changed header byte is caught by the checksum or the field checks.
        for (qsizetype offset = 0; offset < kHeaderSize; ++offset) {
            QByteArray damaged = valid;
            damaged[offset] = char(damaged[offset] ^ 0x5A);
            QVERIFY2(!index.loadSnapshot(writeBytes(QStringLiteral("header.search"), damaged), kIdentity),
                     qPrintable(QString::number(offset)));
        }
        QCOMPARE(index.size(), 0);
    }

    void damagedBodyNeverCrashes()
    {
        // Bytes after the header are not checksummed (that would mean reading the whole file
        // at open); damage there may give wrong answers but must stay within the file.
        const QByteArray valid = validSnapshotBytes();
        QVERIFY(!valid.isEmpty());
        QRandomGenerator generator(7);
        for (int round = 0; round < 200; ++round) {
            QByteArray damaged = valid;
            const int changes = 1 + int(generator.bounded(40));
            for (int i = 0; i < changes; ++i) {
                const qsizetype offset =
                    kHeaderSize + qsizetype(generator.bounded(int(valid.size() - kHeaderSize)));
                damaged[offset] = char(generator.bounded(256));
            }
            exerciseDamaged(writeBytes(QStringLiteral("body.search"), damaged));
        }
        QByteArray allOnes = valid;
        std::fill(allOnes.begin() + kHeaderSize, allOnes.end(), char(0xFF));
        exerciseDamaged(writeBytes(QStringLiteral("ones.search"), allOnes));
        QByteArray allZero = valid;
        std::fill(allZero.begin() + kHeaderSize, allZero.end(), char(0));
        exerciseDamaged(writeBytes(QStringLiteral("zero.search"), allZero));
    }

    void limitRespected()
    {
        SearchIndex index;
        for (qint64 id = 1; id <= 40; ++id)
            index.apply(recordOf({id, "Karimov", "Jasur", "", "", "", id * 10}));
        QVERIFY(index.writeSnapshot(snapshotPath(QStringLiteral("limit.search")), kIdentity, 40));
        for (qint64 id = 41; id <= 60; ++id)
            index.apply(recordOf({id, "Karimov", "Jasur", "", "", "", id * 10}));
        const std::vector<SearchHit> hits = index.search(QStringLiteral("karimov"), 10);
        QCOMPARE(hits.size(), size_t(10));
        QCOMPARE(hits.front().localId, 60);
        QCOMPARE(hits.back().localId, 51);
        QCOMPARE(index.search(QStringLiteral("jas"), 25).size(), size_t(25));
        QCOMPARE(index.search(QStringLiteral("jas"), 25).back().localId, 36);
        QCOMPARE(index.search(QStringLiteral("karimov"), 1000).size(), size_t(60));
        QVERIFY(index.search(QStringLiteral("karimov"), 0).empty());
        QVERIFY(index.search(QStringLiteral("karimov"), -3).empty());
    }

    void emptyQueryHasNoHits()
    {
        SearchIndex index;
        loadClinicSnapshot(index);
        for (const char *query : {"", "   ", "'", "-", "ʻ", "()"})
            QVERIFY2(index.search(QString::fromUtf8(query)).empty(), query);
        SearchIndex nothing;
        QVERIFY(nothing.search(QStringLiteral("karimov")).empty());
        QVERIFY(nothing.browseOrder().empty());
        QCOMPARE(nothing.size(), 0);
    }

    void writeSnapshotReplacesAndClearsOverlay()
    {
        const QString path = snapshotPath(QStringLiteral("replace.search"));
        SearchIndex index;
        applyClinic(index);
        QVERIFY(index.writeSnapshot(path, kIdentity, 10));
        QCOMPARE(index.overlaySize(), 0);
        QCOMPARE(index.snapshotChangeSeq(), 10);
        index.apply(recordOf({40, "Sobirov", "Umid", "", "", "", 10}));
        QVERIFY(index.writeSnapshot(path, kIdentity, 11));
        QCOMPARE(index.snapshotChangeSeq(), 11);
        QCOMPARE(idsOf(index.search(QStringLiteral("sobirov"))), ids({40}));
        // No temporary file is left beside the snapshot.
        const QStringList leftovers =
            QDir(m_dir.path()).entryList({QStringLiteral("replace.search*")}, QDir::Files);
        QCOMPARE(leftovers, QStringList{QStringLiteral("replace.search")});
        SearchIndex reloaded;
        QVERIFY(reloaded.loadSnapshot(path, kIdentity));
        QCOMPARE(reloaded.size(), 10);
        // An empty index writes a valid, empty snapshot.
        SearchIndex empty;
        QVERIFY(empty.writeSnapshot(snapshotPath(QStringLiteral("empty-index.search")), kIdentity, 0));
        SearchIndex emptyReloaded;
        QVERIFY(emptyReloaded.loadSnapshot(snapshotPath(QStringLiteral("empty-index.search")), kIdentity));
        QCOMPARE(emptyReloaded.size(), 0);
        QVERIFY(emptyReloaded.search(QStringLiteral("a")).empty());
    }

    void unwritableSnapshotKeepsIndexWhole()
    {
        SearchIndex index;
        applyClinic(index);
        QVERIFY(
            !index.writeSnapshot(m_dir.filePath(QStringLiteral("no/such/folder/x.search")), kIdentity, 1));
        QCOMPARE(index.size(), 9);
        QCOMPARE(idsOf(index.search(QStringLiteral("karimov"))), ids({1, 2, 3}));
    }

    void releasedPagesComeBack()
    {
        const QString path = snapshotPath(QStringLiteral("release.search"));
        {
            RegistryGenerator generator(11);
            std::vector<Patient> patients = generator.generate(2000);
            SearchIndex writer;
            for (size_t i = 0; i < patients.size(); ++i) {
                patients[i].localId = qint64(i) + 1;
                writer.apply(IndexRecord::fromPatient(patients[i]));
            }
            QVERIFY(writer.writeSnapshot(path, kIdentity, 1));
        }
        SearchIndex index;
        QVERIFY(index.loadSnapshot(path, kIdentity));
        const QStringList queries = {QStringLiteral("kar"), QStringLiteral("ali karim"), QStringLiteral("90"),
                                     QStringLiteral("KQX-000")};
        std::vector<std::vector<SearchHit>> before;
        for (const QString &query : queries)
            before.push_back(index.search(query));
        QVERIFY(!before[0].empty());
        const bool measurable = residentKbOfMapping(path) > 0;
        index.releaseResidentPages();
        if (measurable)
            QCOMPARE(residentKbOfMapping(path), qint64(0));
        for (int i = 0; i < queries.size(); ++i)
            QVERIFY(sameHits(index.search(queries[i]), before[size_t(i)]));
        if (measurable)
            QVERIFY(residentKbOfMapping(path) > 0);
        SearchIndex().releaseResidentPages(); // nothing mapped: nothing to do
    }

    void generatorIsDeterministicAndRealistic()
    {
        RegistryGenerator first(99);
        RegistryGenerator second(99);
        const std::vector<Patient> a = first.generate(2000);
        const std::vector<Patient> b = second.generate(2000);
        int karimov = 0;
        int cyrillic = 0;
        int withPhone = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].displayName(), b[i].displayName());
            QCOMPARE(a[i].phone, b[i].phone);
            QCOMPARE(a[i].number, b[i].number);
            QCOMPARE(a[i].birthDate, b[i].birthDate);
            QVERIFY(a[i].birthDate.year() >= 1930 && a[i].birthDate.year() <= 2025);
            QVERIFY(!a[i].lastName.isEmpty() && !a[i].firstName.isEmpty());
            karimov += IndexRecord::fromPatient(a[i]).lastNameKey.startsWith("karimov") ? 1 : 0;
            cyrillic += a[i].lastName.front().unicode() >= 0x400 ? 1 : 0;
            withPhone += a[i].phone.isEmpty() ? 0 : 1;
            if (!a[i].phone.isEmpty())
                QVERIFY(IndexRecord::fromPatient(a[i]).phoneDigits.size() == 9);
        }
        // A skewed distribution: the top surname is far above its uniform share (1/60).
        QVERIFY2(karimov > 100, qPrintable(QString::number(karimov)));
        QVERIFY(cyrillic > 500 && cyrillic < 1000);
        QVERIFY(withPhone > 1600 && withPhone < 1900);
        QVERIFY(RegistryGenerator(100).next().displayName() != RegistryGenerator(99).next().displayName() ||
                RegistryGenerator(100).next().phone != RegistryGenerator(99).next().phone);
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
