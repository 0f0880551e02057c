#include "registry/PatientCsvExporter.h"

#include "registry/PatientRegistry.h"

#include <QDir>
#include <QIODevice>
#include <QSaveFile>

#include <algorithm>
#include <iterator>

namespace medora {

namespace {

const QByteArray kUtf8Bom("\xEF\xBB\xBF");
const QByteArray kLineEnd("\r\n");

QString sexKey(Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return QStringLiteral("m");
    case Sex::Female:
        return QStringLiteral("f");
    case Sex::Unknown:
        break;
    }
    return {};
}

bool needsQuotes(const QString &text)
{
    if (text.isEmpty())
        return false;
    if (text.front().isSpace() || text.back().isSpace())
        return true;
    for (const QChar c : text) {
        if (c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('"') ||
            c == QLatin1Char('\r') || c == QLatin1Char('\n'))
            return true;
    }
    return false;
}

} // namespace

PatientCsvExporter::PatientCsvExporter(PatientRegistry &registry) : m_registry(registry) {}

QStringList PatientCsvExporter::columns()
{
    return {
        QStringLiteral("number"),      QStringLiteral("last_name"),   QStringLiteral("first_name"),
        QStringLiteral("father_name"), QStringLiteral("birth_date"),  QStringLiteral("birth_date_estimated"),
        QStringLiteral("sex"),         QStringLiteral("phone"),       QStringLiteral("address"),
        QStringLiteral("allergies"),   QStringLiteral("medications"), QStringLiteral("history"),
        QStringLiteral("notes")};
}

QByteArray PatientCsvExporter::csvField(const QString &text)
{
    if (!needsQuotes(text))
        return text.toUtf8();
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return '"' + quoted.toUtf8() + '"';
}

QByteArray PatientCsvExporter::headerLine()
{
    return columns().join(QLatin1Char(',')).toUtf8() + kLineEnd;
}

QByteArray PatientCsvExporter::csvLine(const Patient &patient)
{
    const QString values[] = {
        patient.number,
        patient.lastName,
        patient.firstName,
        patient.fatherName,
        patient.birthDate.isValid() ? patient.birthDate.toString(Qt::ISODate) : QString(),
        patient.birthDate.isValid() ? QString::number(patient.birthDateEstimated ? 1 : 0) : QString(),
        sexKey(patient.sex),
        patient.phone,
        patient.address,
        patient.allergies,
        patient.medications,
        patient.history,
        patient.notes,
    };
    QByteArray line;
    for (size_t i = 0; i < std::size(values); ++i) {
        if (i > 0)
            line += ',';
        line += csvField(values[i]);
    }
    return line + kLineEnd;
}

bool PatientCsvExporter::write(QIODevice &device, const std::vector<qint64> &localIds)
{
    m_exportedCount = 0;
    m_errorString.clear();
    if (!m_registry.isOpen()) {
        m_errorString = tr("The patient registry is not open.");
        return false;
    }
    const auto put = [&](const QByteArray &bytes) {
        if (device.write(bytes) == bytes.size())
            return true;
        m_errorString = tr("The export cannot be written: %1").arg(device.errorString());
        return false;
    };
    if (!put(kUtf8Bom + headerLine()))
        return false;

    for (size_t start = 0; start < localIds.size(); start += kPageSize) {
        const size_t end = std::min(localIds.size(), start + size_t(kPageSize));
        const std::vector<qint64> page(localIds.begin() + qsizetype(start),
                                       localIds.begin() + qsizetype(end));
        const QList<Patient> patients = m_registry.patients(page);
        const StoreError error = m_registry.store().lastError();
        if (!error.ok()) {
            m_errorString = error.message;
            return false;
        }
        QByteArray chunk;
        for (const Patient &patient : patients) {
            // A patient removed since the id list was taken is left out, like any other.
            if (patient.deleted)
                continue;
            chunk += csvLine(patient);
            ++m_exportedCount;
        }
        if (!put(chunk))
            return false;
    }
    return true;
}

bool PatientCsvExporter::writeFile(const QString &filePath, const std::vector<qint64> &localIds)
{
    m_exportedCount = 0;
    m_errorString.clear();
    // QSaveFile writes beside the target and renames at the end: an export that fails
    // half-way leaves any earlier file of that name as it was, and no truncated one.
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_errorString =
            tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(filePath), file.errorString());
        return false;
    }
    if (!write(file, localIds)) {
        file.cancelWriting();
        m_exportedCount = 0;
        return false;
    }
    const qint64 written = m_exportedCount;
    if (!file.commit()) {
        m_exportedCount = 0;
        m_errorString =
            tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(filePath), file.errorString());
        return false;
    }
    m_exportedCount = written;
    return true;
}

} // namespace medora
