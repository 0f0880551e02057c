#pragma once

#include "domain/SyncState.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QIcon>
#include <QString>

#include <list>
#include <unordered_map>
#include <vector>

namespace medora {

class PatientRegistry;

// The registry list: every patient when the query is empty (most recently seen first),
// else the search results. Only the row ids are held; row contents are fetched lazily in
// pages and kept in a small LRU cache, so memory stays flat however large the registry.
class PatientListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        NameColumn,
        BirthDateColumn,
        AgeColumn,
        PhoneColumn,
        ColumnCount
    };
    enum Role
    {
        LocalIdRole = Qt::UserRole + 1,
        // The row's SyncState as an int; the number column also carries it as a badge icon
        // (decoration) with a tool tip and an accessible description.
        SyncStateRole = Qt::UserRole + 2,
    };

    static constexpr int kSearchLimit = 500;
    static constexpr int kPageSize = 64;
    static constexpr int kCachedPages = 32;

    explicit PatientListModel(PatientRegistry &registry, QObject *parent = nullptr);

    void setQuery(const QString &query);
    QString query() const { return m_query; }
    bool isSearching() const { return !m_query.trimmed().isEmpty(); }
    // The search matched more than kSearchLimit patients; only the best kSearchLimit are listed.
    bool hasMoreMatches() const { return m_moreMatches; }

    qint64 localIdAt(int row) const;
    int rowOf(qint64 localId) const; // -1 when not listed
    int cachedPageCount() const { return int(m_pages.size()); }

    // Runs the query again and forgets every cached page (the registry changed).
    void reload();
    // Headers and tool tips are translated text; call after the UI language changed.
    void retranslate();
    // Reads the listed rows again without running the query: their sync states (or contents)
    // changed while the set of rows did not. Keeps the selection, unlike reload().
    void refreshRows();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString number;
        QString name;
        QString phone; // already formatted for display
        QDate birthDate;
        bool birthDateEstimated = false;
        SyncState syncState = SyncState::Synced;
        bool missing = true; // the id vanished from the store between query and fetch
    };
    using Page = std::vector<Row>;
    using PageList = std::list<std::pair<int, Page>>; // most recently used first

    const Row &rowAt(int row) const;
    Page fetchPage(int pageIndex) const;
    void runQuery();
    QVariant displayText(const Row &row, int column) const;
    QIcon badge(SyncState state) const;

    PatientRegistry &m_registry;
    QString m_query;
    std::vector<qint64> m_ids;
    bool m_moreMatches = false;
    mutable PageList m_pages;
    mutable std::unordered_map<int, PageList::iterator> m_pageByIndex;
    mutable QHash<int, QIcon> m_badges; // by SyncState
};

} // namespace medora
