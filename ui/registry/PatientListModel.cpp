#include "registry/PatientListModel.h"

#include "domain/PatientValidator.h"
#include "domain/PhoneNumber.h"
#include "registry/PatientRegistry.h"
#include "sync/SyncBadge.h"

#include <QHash>

#include <algorithm>

namespace medora {

PatientListModel::PatientListModel(PatientRegistry &registry, QObject *parent)
    : QAbstractTableModel(parent), m_registry(registry)
{
    runQuery();
    connect(&m_registry, &PatientRegistry::patientSaved, this, &PatientListModel::reload);
    connect(&m_registry, &PatientRegistry::patientRemoved, this, &PatientListModel::reload);
    connect(&m_registry, &PatientRegistry::registryReset, this, &PatientListModel::reload);
    // Rows written by sync (pulled pages, decided conflicts) once the registry has indexed them.
    connect(&m_registry, &PatientRegistry::patientsChanged, this, &PatientListModel::reload);
}

void PatientListModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    beginResetModel();
    m_query = query;
    runQuery();
    endResetModel();
}

void PatientListModel::reload()
{
    beginResetModel();
    runQuery();
    endResetModel();
}

void PatientListModel::refreshRows()
{
    m_pages.clear();
    m_pageByIndex.clear();
    if (!m_ids.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void PatientListModel::runQuery()
{
    m_pages.clear();
    m_pageByIndex.clear();
    m_moreMatches = false;
    const QString trimmed = m_query.trimmed();
    if (trimmed.isEmpty()) {
        m_ids = m_registry.browseOrder();
        return;
    }
    // One more than shown tells whether the list is complete without counting every match.
    m_ids = m_registry.search(trimmed, kSearchLimit + 1);
    if (m_ids.size() > size_t(kSearchLimit)) {
        m_ids.resize(kSearchLimit);
        m_moreMatches = true;
    }
    m_ids.shrink_to_fit();
}

void PatientListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_ids.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::ToolTipRole, Qt::AccessibleDescriptionRole});
}

qint64 PatientListModel::localIdAt(int row) const
{
    if (row < 0 || size_t(row) >= m_ids.size())
        return 0;
    return m_ids[size_t(row)];
}

int PatientListModel::rowOf(qint64 localId) const
{
    const auto found = std::find(m_ids.begin(), m_ids.end(), localId);
    return found == m_ids.end() ? -1 : int(found - m_ids.begin());
}

int PatientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int PatientListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const PatientListModel::Row &PatientListModel::rowAt(int row) const
{
    const int pageIndex = row / kPageSize;
    auto cached = m_pageByIndex.find(pageIndex);
    if (cached != m_pageByIndex.end()) {
        m_pages.splice(m_pages.begin(), m_pages, cached->second);
    } else {
        if (m_pages.size() >= size_t(kCachedPages)) {
            m_pageByIndex.erase(m_pages.back().first);
            m_pages.pop_back();
        }
        m_pages.emplace_front(pageIndex, fetchPage(pageIndex));
        m_pageByIndex[pageIndex] = m_pages.begin();
    }
    return m_pages.front().second[size_t(row % kPageSize)];
}

PatientListModel::Page PatientListModel::fetchPage(int pageIndex) const
{
    const size_t first = size_t(pageIndex) * kPageSize;
    const size_t last = std::min(first + kPageSize, m_ids.size());
    const std::vector<qint64> ids(m_ids.begin() + qsizetype(first), m_ids.begin() + qsizetype(last));

    QHash<qint64, int> slotOf;
    slotOf.reserve(int(ids.size()));
    for (size_t i = 0; i < ids.size(); ++i)
        slotOf.insert(ids[i], int(i));

    Page page(ids.size());
    const QList<Patient> patients = m_registry.patients(ids);
    for (const Patient &patient : patients) {
        const auto slot = slotOf.constFind(patient.localId);
        if (slot == slotOf.constEnd())
            continue;
        Row &row = page[size_t(*slot)];
        row.number = patient.number;
        row.name = patient.displayName();
        row.phone = patient.phone.isEmpty() ? QString() : PhoneNumber::format(patient.phone);
        row.birthDate = patient.birthDate;
        row.birthDateEstimated = patient.birthDateEstimated;
        row.syncState = patient.syncState;
        row.missing = false;
    }
    return page;
}

QVariant PatientListModel::displayText(const Row &row, int column) const
{
    switch (column) {
    case NumberColumn:
        return row.number;
    case NameColumn:
        return row.missing ? tr("(no longer in the registry)") : row.name;
    case BirthDateColumn:
        if (!row.birthDate.isValid())
            return QString();
        // An age-only entry stores an estimated date; "≈" keeps it from passing for a real one.
        return row.birthDateEstimated
                   ? QStringLiteral("≈ ") + row.birthDate.toString(QStringLiteral("dd.MM.yyyy"))
                   : row.birthDate.toString(QStringLiteral("dd.MM.yyyy"));
    case AgeColumn: {
        const int years = PatientValidator::ageInYears(row.birthDate);
        return years < 0 ? QVariant(QString()) : QVariant(years);
    }
    case PhoneColumn:
        return row.phone;
    default:
        return {};
    }
}

QVariant PatientListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayText(rowAt(index.row()), index.column());
    case Qt::DecorationRole:
        if (index.column() == NumberColumn && !rowAt(index.row()).missing)
            return badge(rowAt(index.row()).syncState);
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        if (index.column() == BirthDateColumn && rowAt(index.row()).birthDateEstimated)
            return tr("Estimated from the age given at registration");
        if (index.column() == NumberColumn && !rowAt(index.row()).missing) {
            const SyncState state = rowAt(index.row()).syncState;
            return tr("Sync: %1. %2").arg(SyncBadge::name(state), SyncBadge::description(state));
        }
        return {};
    case SyncStateRole: {
        const Row &row = rowAt(index.row());
        return row.missing ? QVariant() : QVariant(static_cast<int>(row.syncState));
    }
    case Qt::TextAlignmentRole:
        if (index.column() == AgeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case LocalIdRole:
        return localIdAt(index.row());
    default:
        return {};
    }
}

QIcon PatientListModel::badge(SyncState state) const
{
    auto cached = m_badges.constFind(static_cast<int>(state));
    if (cached == m_badges.constEnd())
        cached = m_badges.insert(static_cast<int>(state), SyncBadge::icon(state));
    return *cached;
}

QVariant PatientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case NameColumn:
        return tr("Name");
    case BirthDateColumn:
        return tr("Date of birth");
    case AgeColumn:
        return tr("Age");
    case PhoneColumn:
        return tr("Phone");
    default:
        return {};
    }
}

} // namespace medora
