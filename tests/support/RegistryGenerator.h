#pragma once

#include "domain/Patient.h"

#include <QDateTime>
#include <QStringList>

#include <map>
#include <random>
#include <vector>

namespace medora {

// Deterministic, realistic patients for tests and benchmarks: Uzbek names in Latin (with
// the letter mark: Oʻktam, Gʻulom, Ne'matov) and Cyrillic script, Russian names, a few very
// common surnames (Karimov, Rahimov, Aliyev, Ivanov ...) and a long tail, father's names
// in the forms clinics write them (…ovich, …oʻgʻli, …qizi, …вич, …вна), birth dates
// 1930..2025, Uzbek mobile and Tashkent landline numbers, patient numbers from a few device
// prefixes. The same seed always gives the same patients.
class RegistryGenerator
{
public:
    explicit RegistryGenerator(quint64 seed = 20240601, const QDateTime &now = defaultNow());

    // The next `count` patients (localId 0, ready for PatientStore::insert/insertMany).
    std::vector<Patient> generate(int count);
    Patient next();

    qint64 generatedCount() const { return m_generated; }
    QStringList devicePrefixes() const;

    static QDateTime defaultNow();

private:
    quint64 below(quint64 bound);
    bool chance(int percent);
    const std::vector<double> &zipfTable(size_t size);

    std::mt19937_64 m_random;
    QDateTime m_now;
    qint64 m_generated = 0;
    std::vector<qint64> m_sequences;                    // next patient sequence per device prefix
    std::map<size_t, std::vector<double>> m_zipfTables; // cumulative weights by list size
};

} // namespace medora
