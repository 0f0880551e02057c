#include "RegistryGenerator.h"

#include "domain/PatientNumber.h"

#include <QTimeZone>

#include <algorithm>

namespace medora {

namespace {

struct Surname
{
    const char *male;
    const char *female; // nullptr: the male form + "a" (Karimov -> Karimova, Каримов -> Каримова)
};

struct MaleName
{
    const char *name;
    const char *sonOf;      // patronymic of a son, nullptr: derived from the name
    const char *daughterOf; // patronymic of a daughter
};

// The lists are in order of frequency; picks follow a Zipf-like skew (rank r has weight
// 1/(r+1)), so the first few surnames are very common and the tail is long.
const Surname kUzbekLatinSurnames[] = {
    {"Karimov", nullptr},
    {"Rahimov", nullptr},
    {"Aliyev", nullptr},
    {"Yusupov", nullptr},
    {"Abdullayev", nullptr},
    {"Tursunov", nullptr},
    {"Ergashev", nullptr},
    {"Nazarov", nullptr},
    {"Rashidov", nullptr},
    {"Ismoilov", nullptr},
    {"Mirzayev", nullptr},
    {"Saidov", nullptr},
    {"Usmonov", nullptr},
    {"Qodirov", nullptr},
    {"Sodiqov", nullptr},
    {"Toshmatov", nullptr},
    {"Xolmatov", nullptr},
    {"Gʻulomov", nullptr},
    {"Oʻrinov", nullptr},
    {"Ne'matov", nullptr},
    {"Joʻrayev", nullptr},
    {"Haydarov", nullptr},
    {"Hasanov", nullptr},
    {"Husanov", nullptr},
    {"Normatov", nullptr},
    {"Boboyev", nullptr},
    {"Eshonqulov", nullptr},
    {"Qurbonov", nullptr},
    {"Sultonov", nullptr},
    {"Zokirov", nullptr},
    {"Mahmudov", nullptr},
    {"Xudoyberdiyev", nullptr},
    {"Rahmonov", nullptr},
    {"Sharipov", nullptr},
    {"Fayzullayev", nullptr},
    {"Hamroyev", nullptr},
    {"Toʻxtayev", nullptr},
    {"Shodmonov", nullptr},
    {"Umarov", nullptr},
    {"Olimov", nullptr},
    {"Nurmatov", nullptr},
    {"Jalilov", nullptr},
    {"Sobirov", nullptr},
    {"Yoʻldoshev", nullptr},
    {"Abdurahmonov", nullptr},
    {"Mamatov", nullptr},
    {"Qosimov", nullptr},
    {"Islomov", nullptr},
    {"Oripov", nullptr},
    {"Xoʻjayev", nullptr},
    {"Abdulla zoda", "Abdulla zoda"},
    {"Bahodirov", nullptr},
    {"Sattorov", nullptr},
    {"Ahmedov", nullptr},
    {"Valiyev", nullptr},
    {"Murodov", nullptr},
    {"Gʻaniyev", nullptr},
    {"Temirov", nullptr},
    {"Nuriddin zoda", "Nuriddin zoda"},
    {"Shukurov", nullptr},
    {"Xayrullayev", nullptr},
    {"Po'latov", nullptr},
    {"Ro'ziyev", nullptr},
};

const Surname kUzbekCyrillicSurnames[] = {
    {"Каримов", nullptr},   {"Раҳимов", nullptr},  {"Алиев", nullptr},   {"Юсупов", nullptr},
    {"Абдуллаев", nullptr}, {"Турсунов", nullptr}, {"Эргашев", nullptr}, {"Назаров", nullptr},
    {"Рашидов", nullptr},   {"Исмоилов", nullptr}, {"Мирзаев", nullptr}, {"Саидов", nullptr},
    {"Усмонов", nullptr},   {"Қодиров", nullptr},  {"Содиқов", nullptr}, {"Тошматов", nullptr},
    {"Холматов", nullptr},  {"Ғуломов", nullptr},  {"Ўринов", nullptr},  {"Неъматов", nullptr},
    {"Жўраев", nullptr},    {"Ҳайдаров", nullptr}, {"Ҳасанов", nullptr}, {"Нурматов", nullptr},
    {"Қурбонов", nullptr},  {"Султонов", nullptr}, {"Зокиров", nullptr}, {"Маҳмудов", nullptr},
    {"Шарипов", nullptr},   {"Умаров", nullptr},   {"Олимов", nullptr},  {"Жалилов", nullptr},
    {"Собиров", nullptr},   {"Йўлдошев", nullptr}, {"Хўжаев", nullptr},  {"Пўлатов", nullptr},
};

const Surname kRussianSurnames[] = {
    {"Иванов", nullptr},   {"Ким", "Ким"},           {"Петров", nullptr},   {"Смирнов", nullptr},
    {"Кузнецов", nullptr}, {"Попов", nullptr},       {"Пак", "Пак"},        {"Васильев", nullptr},
    {"Соколов", nullptr},  {"Михайлов", nullptr},    {"Новиков", nullptr},  {"Фёдоров", nullptr},
    {"Морозов", nullptr},  {"Волков", nullptr},      {"Алексеев", nullptr}, {"Лебедев", nullptr},
    {"Семёнов", nullptr},  {"Егоров", nullptr},      {"Цой", "Цой"},        {"Павлов", nullptr},
    {"Козлов", nullptr},   {"Степанов", nullptr},    {"Николаев", nullptr}, {"Орлов", nullptr},
    {"Андреев", nullptr},  {"Макаров", nullptr},     {"Никитин", nullptr},  {"Захаров", nullptr},
    {"Ли", "Ли"},          {"Шевченко", "Шевченко"},
};

const MaleName kUzbekLatinMaleNames[] = {
    {"Alisher", nullptr, nullptr},  {"Bobur", nullptr, nullptr},    {"Jasur", nullptr, nullptr},
    {"Sardor", nullptr, nullptr},   {"Oʻktam", nullptr, nullptr},   {"Gʻulom", nullptr, nullptr},
    {"Shoʻxrux", nullptr, nullptr}, {"Doniyor", nullptr, nullptr},  {"Javohir", nullptr, nullptr},
    {"Sherzod", nullptr, nullptr},  {"Ulugʻbek", nullptr, nullptr}, {"Farrux", nullptr, nullptr},
    {"Otabek", nullptr, nullptr},   {"Akmal", nullptr, nullptr},    {"Bekzod", nullptr, nullptr},
    {"Rustam", nullptr, nullptr},   {"Anvar", nullptr, nullptr},    {"Islom", nullptr, nullptr},
    {"Jamshid", nullptr, nullptr},  {"Dilshod", nullptr, nullptr},  {"Aziz", nullptr, nullptr},
    {"Sanjar", nullptr, nullptr},   {"Umid", nullptr, nullptr},     {"Botir", nullptr, nullptr},
    {"Nodir", nullptr, nullptr},    {"Ravshan", nullptr, nullptr},  {"Xurshid", nullptr, nullptr},
    {"Zafar", nullptr, nullptr},    {"Ilhom", nullptr, nullptr},    {"Abdulla", nullptr, nullptr},
    {"Muhammad", nullptr, nullptr}, {"Ali", nullptr, nullptr},      {"Oybek", nullptr, nullptr},
    {"Sarvar", nullptr, nullptr},   {"Shuhrat", nullptr, nullptr},  {"Komil", nullptr, nullptr},
    {"Baxtiyor", nullptr, nullptr}, {"Nurbek", nullptr, nullptr},   {"Elyor", nullptr, nullptr},
    {"Temur", nullptr, nullptr},    {"Abbos", nullptr, nullptr},    {"Asadbek", nullptr, nullptr},
    {"Hamid", nullptr, nullptr},    {"Karim", nullptr, nullptr},    {"Rahim", nullptr, nullptr},
    {"Yusuf", nullptr, nullptr},    {"Qodir", nullptr, nullptr},    {"Ergash", nullptr, nullptr},
    {"Tohir", nullptr, nullptr},    {"Ne'mat", nullptr, nullptr},
};

const char *const kUzbekLatinFemaleNames[] = {
    "Dilnoza", "Nilufar", "Gulnora",   "Madina",  "Shahnoza", "Zarina",   "Sevara",  "Malika",   "Kamola",
    "Feruza",  "Mohira",  "Gulchehra", "Dildora", "Nodira",   "Oʻgʻiloy", "Maftuna", "Sitora",   "Umida",
    "Zulfiya", "Mohinur", "Nigora",    "Barno",   "Lola",     "Munisa",   "Shoira",  "Hulkar",   "Yulduz",
    "Dilfuza", "Saodat",  "Gulbahor",  "Aziza",   "Robiya",   "Oysha",    "Asal",    "Mehribon",
};

const MaleName kUzbekCyrillicMaleNames[] = {
    {"Алишер", nullptr, nullptr},   {"Бобур", nullptr, nullptr},   {"Жасур", nullptr, nullptr},
    {"Сардор", nullptr, nullptr},   {"Ўктам", nullptr, nullptr},   {"Ғулом", nullptr, nullptr},
    {"Шоҳрух", nullptr, nullptr},   {"Дониёр", nullptr, nullptr},  {"Жавоҳир", nullptr, nullptr},
    {"Шерзод", nullptr, nullptr},   {"Улуғбек", nullptr, nullptr}, {"Фаррух", nullptr, nullptr},
    {"Отабек", nullptr, nullptr},   {"Акмал", nullptr, nullptr},   {"Бекзод", nullptr, nullptr},
    {"Рустам", nullptr, nullptr},   {"Анвар", nullptr, nullptr},   {"Ислом", nullptr, nullptr},
    {"Жамшид", nullptr, nullptr},   {"Дилшод", nullptr, nullptr},  {"Азиз", nullptr, nullptr},
    {"Санжар", nullptr, nullptr},   {"Умид", nullptr, nullptr},    {"Ботир", nullptr, nullptr},
    {"Нодир", nullptr, nullptr},    {"Равшан", nullptr, nullptr},  {"Хуршид", nullptr, nullptr},
    {"Зафар", nullptr, nullptr},    {"Илҳом", nullptr, nullptr},   {"Абдулла", nullptr, nullptr},
    {"Муҳаммад", nullptr, nullptr}, {"Али", nullptr, nullptr},     {"Ойбек", nullptr, nullptr},
    {"Темур", nullptr, nullptr},    {"Карим", nullptr, nullptr},   {"Раҳим", nullptr, nullptr},
    {"Юсуф", nullptr, nullptr},
};

const char *const kUzbekCyrillicFemaleNames[] = {
    "Дилноза", "Нилуфар",  "Гулнора", "Мадина", "Шаҳноза", "Зарина",  "Севара", "Малика", "Камола", "Феруза",
    "Моҳира",  "Гулчеҳра", "Дилдора", "Нодира", "Ўғилой",  "Мафтуна", "Ситора", "Умида",  "Зулфия", "Моҳинур",
};

const MaleName kRussianMaleNames[] = {
    {"Александр", "Александрович", "Александровна"},
    {"Сергей", "Сергеевич", "Сергеевна"},
    {"Дмитрий", "Дмитриевич", "Дмитриевна"},
    {"Андрей", "Андреевич", "Андреевна"},
    {"Алексей", "Алексеевич", "Алексеевна"},
    {"Иван", "Иванович", "Ивановна"},
    {"Михаил", "Михайлович", "Михайловна"},
    {"Николай", "Николаевич", "Николаевна"},
    {"Владимир", "Владимирович", "Владимировна"},
    {"Евгений", "Евгеньевич", "Евгеньевна"},
    {"Юрий", "Юрьевич", "Юрьевна"},
    {"Артём", "Артёмович", "Артёмовна"},
    {"Виктор", "Викторович", "Викторовна"},
    {"Олег", "Олегович", "Олеговна"},
    {"Павел", "Павлович", "Павловна"},
    {"Игорь", "Игоревич", "Игоревна"},
    {"Пётр", "Петрович", "Петровна"},
    {"Фёдор", "Фёдорович", "Фёдоровна"},
};

const char *const kRussianFemaleNames[] = {
    "Елена", "Ольга",     "Наталья", "Татьяна", "Ирина",     "Светлана", "Анна",   "Мария",  "Алёна",
    "Юлия",  "Екатерина", "Людмила", "Галина",  "Валентина", "Надежда",  "Оксана", "Ксения", "Дарья",
};

// Mobile operator codes (and 71, Tashkent landlines) with rough market weights.
const struct
{
    int code;
    int weight;
} kPhoneCodes[] = {{90, 20}, {91, 10}, {93, 14}, {94, 8}, {95, 4}, {97, 12}, {98, 4},
                   {99, 12}, {33, 6},  {88, 5},  {77, 3}, {50, 2}, {55, 1},  {71, 4}};

// Device prefixes (no I or O) with the share of patients each PC registered.
const struct
{
    const char *prefix;
    int weight;
} kDevices[] = {{"KQX", 35}, {"BTR", 20}, {"MNZ", 12}, {"AVD", 10},
                {"HFS", 8},  {"TGC", 7},  {"JRP", 5},  {"WEL", 3}};

const char *const kDistricts[] = {"Chilonzor", "Yunusobod",    "Mirzo Ulugʻbek", "Yakkasaroy", "Sergeli",
                                  "Olmazor",   "Shayxontohur", "Uchtepa",        "Yashnobod",  "Bektemir"};

template <typename T, size_t N> constexpr size_t countOf(const T (&)[N])
{
    return N;
}

QString femaleSurname(const Surname &surname, bool cyrillic)
{
    if (surname.female)
        return QString::fromUtf8(surname.female);
    return QString::fromUtf8(surname.male) + (cyrillic ? QStringLiteral("а") : QStringLiteral("a"));
}

QString patronymic(const MaleName &father, bool son, bool cyrillic)
{
    const char *explicitForm = son ? father.sonOf : father.daughterOf;
    if (explicitForm)
        return QString::fromUtf8(explicitForm);
    const QString name = QString::fromUtf8(father.name);
    const bool endsWithA = name.endsWith(cyrillic ? QStringLiteral("а") : QStringLiteral("a"));
    if (cyrillic)
        return name + (endsWithA ? (son ? QStringLiteral("евич") : QStringLiteral("евна"))
                                 : (son ? QStringLiteral("ович") : QStringLiteral("овна")));
    return name + (endsWithA ? (son ? QStringLiteral("yevich") : QStringLiteral("yevna"))
                             : (son ? QStringLiteral("ovich") : QStringLiteral("ovna")));
}

} // namespace

RegistryGenerator::RegistryGenerator(quint64 seed, const QDateTime &now)
    : m_random(seed), m_now(now), m_sequences(countOf(kDevices), 1)
{}

QDateTime RegistryGenerator::defaultNow()
{
    return QDateTime(QDate(2025, 6, 1), QTime(9, 0), QTimeZone::utc());
}

QStringList RegistryGenerator::devicePrefixes() const
{
    QStringList prefixes;
    for (const auto &device : kDevices)
        prefixes.append(QString::fromLatin1(device.prefix));
    return prefixes;
}

quint64 RegistryGenerator::below(quint64 bound)
{
    return bound == 0 ? 0 : m_random() % bound;
}

const std::vector<double> &RegistryGenerator::zipfTable(size_t size)
{
    std::vector<double> &cumulative = m_zipfTables[size];
    if (cumulative.empty()) {
        double total = 0;
        for (size_t rank = 0; rank < size; ++rank)
            cumulative.push_back(total += 1.0 / double(rank + 1));
    }
    return cumulative;
}

bool RegistryGenerator::chance(int percent)
{
    return below(100) < quint64(percent);
}

std::vector<Patient> RegistryGenerator::generate(int count)
{
    std::vector<Patient> patients;
    patients.reserve(size_t(std::max(count, 0)));
    for (int i = 0; i < count; ++i)
        patients.push_back(next());
    return patients;
}

Patient RegistryGenerator::next()
{
    // Zipf-like pick: the rank r is drawn with probability proportional to 1/(r+1).
    const auto skewedIndex = [this](size_t size) {
        const std::vector<double> &cumulative = zipfTable(size);
        const double point = double(below(1u << 30)) / double(1u << 30) * cumulative.back();
        const auto found = std::upper_bound(cumulative.begin(), cumulative.end(), point);
        return std::min(size_t(found - cumulative.begin()), size - 1);
    };
    const auto uniformIndex = [this](size_t size) { return size_t(below(size)); };

    Patient patient;
    const bool male = chance(50);
    patient.sex = male ? Sex::Male : Sex::Female;
    const quint64 script = below(100); // 60 % Uzbek Latin, 22 % Uzbek Cyrillic, 18 % Russian

    if (script < 60) {
        const Surname &surname = kUzbekLatinSurnames[skewedIndex(countOf(kUzbekLatinSurnames))];
        patient.lastName = male ? QString::fromUtf8(surname.male) : femaleSurname(surname, false);
        patient.firstName =
            male ? QString::fromUtf8(kUzbekLatinMaleNames[skewedIndex(countOf(kUzbekLatinMaleNames))].name)
                 : QString::fromUtf8(kUzbekLatinFemaleNames[skewedIndex(countOf(kUzbekLatinFemaleNames))]);
        const MaleName &father = kUzbekLatinMaleNames[skewedIndex(countOf(kUzbekLatinMaleNames))];
        const quint64 style = below(100);
        if (style < 45)
            patient.fatherName =
                QString::fromUtf8(father.name) + (male ? QStringLiteral(" oʻgʻli") : QStringLiteral(" qizi"));
        else if (style < 90)
            patient.fatherName = patronymic(father, male, false);
    } else if (script < 82) {
        const Surname &surname = kUzbekCyrillicSurnames[skewedIndex(countOf(kUzbekCyrillicSurnames))];
        patient.lastName = male ? QString::fromUtf8(surname.male) : femaleSurname(surname, true);
        patient.firstName =
            male ? QString::fromUtf8(
                       kUzbekCyrillicMaleNames[skewedIndex(countOf(kUzbekCyrillicMaleNames))].name)
                 : QString::fromUtf8(
                       kUzbekCyrillicFemaleNames[skewedIndex(countOf(kUzbekCyrillicFemaleNames))]);
        const MaleName &father = kUzbekCyrillicMaleNames[skewedIndex(countOf(kUzbekCyrillicMaleNames))];
        const quint64 style = below(100);
        if (style < 40)
            patient.fatherName =
                QString::fromUtf8(father.name) + (male ? QStringLiteral(" ўғли") : QStringLiteral(" қизи"));
        else if (style < 90)
            patient.fatherName = patronymic(father, male, true);
    } else {
        const Surname &surname = kRussianSurnames[skewedIndex(countOf(kRussianSurnames))];
        patient.lastName = male ? QString::fromUtf8(surname.male) : femaleSurname(surname, true);
        patient.firstName =
            male ? QString::fromUtf8(kRussianMaleNames[skewedIndex(countOf(kRussianMaleNames))].name)
                 : QString::fromUtf8(kRussianFemaleNames[skewedIndex(countOf(kRussianFemaleNames))]);
        if (chance(95))
            patient.fatherName =
                patronymic(kRussianMaleNames[skewedIndex(countOf(kRussianMaleNames))], male, true);
    }

    // Birth dates 1930..2025, more of them in recent decades, as in a clinic's registry.
    const QDate earliest(1930, 1, 1);
    const qint64 span = earliest.daysTo(QDate(2025, 5, 31));
    const qint64 skewToYoung = std::max(below(quint64(span)), below(quint64(span)));
    patient.birthDate = earliest.addDays(skewToYoung);
    patient.birthDateEstimated = chance(5);

    if (chance(88)) {
        int totalWeight = 0;
        for (const auto &code : kPhoneCodes)
            totalWeight += code.weight;
        int point = int(below(quint64(totalWeight)));
        int operatorCode = kPhoneCodes[0].code;
        for (const auto &code : kPhoneCodes) {
            if ((point -= code.weight) < 0) {
                operatorCode = code.code;
                break;
            }
        }
        patient.phone =
            QStringLiteral("+998%1%2").arg(operatorCode).arg(below(10000000), 7, 10, QLatin1Char('0'));
    }

    int deviceWeight = 0;
    for (const auto &device : kDevices)
        deviceWeight += device.weight;
    int devicePoint = int(below(quint64(deviceWeight)));
    size_t device = 0;
    for (size_t i = 0; i < countOf(kDevices); ++i) {
        if ((devicePoint -= kDevices[i].weight) < 0) {
            device = i;
            break;
        }
    }
    patient.number =
        PatientNumber::format(QString::fromLatin1(kDevices[device].prefix), m_sequences[device]++);

    if (chance(70)) {
        patient.address = QStringLiteral("Toshkent sh., %1 tumani, %2-kvartal, %3-uy")
                              .arg(QString::fromUtf8(kDistricts[uniformIndex(countOf(kDistricts))]))
                              .arg(below(30) + 1)
                              .arg(below(80) + 1);
    }
    if (chance(8))
        patient.allergies = QStringLiteral("Penitsillin");

    // Registered over the last eight years, last seen some time after that.
    const qint64 nowMs = m_now.toMSecsSinceEpoch();
    const qint64 eightYearsMs = qint64(8) * 365 * 24 * 3600 * 1000;
    const qint64 createdMs = nowMs - qint64(below(quint64(eightYearsMs)));
    const qint64 seenMs = createdMs + qint64(below(quint64(nowMs - createdMs + 1)));
    patient.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs, QTimeZone::utc());
    patient.updatedAt = patient.createdAt;
    patient.lastSeenAt = QDateTime::fromMSecsSinceEpoch(seenMs, QTimeZone::utc());
    patient.createdBy = QStringLiteral("reception%1").arg(below(4) + 1);
    ++m_generated;
    return patient;
}

} // namespace medora
