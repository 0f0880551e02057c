#include "reception/PatientPicker.h"

#include "registry/PatientListModel.h"
#include "registry/PatientRegistry.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace medora {

PatientPicker::PatientPicker(PatientRegistry &registry, QWidget *parent)
    : QWidget(parent), m_registry(registry)
{
    setObjectName(QStringLiteral("patientPicker"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    layout->addWidget(m_label);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("receptionSearch"));
    m_search->setClearButtonEnabled(true);
    m_label->setBuddy(m_search);
    layout->addWidget(m_search);

    m_model = new PatientListModel(registry, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("receptionPatientTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    // One fixed row height, set before the model is attached (see PatientListModel).
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    const int text = m_table->fontMetrics().height();
    m_table->verticalHeader()->setDefaultSectionSize(text + text / 2);
    m_table->setModel(m_model);
    m_table->setColumnHidden(PatientListModel::AgeColumn, true);
    // Widths from the font, never from the rows (a million of them): the name takes the rest.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = metrics.height();
    const int badge = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table);
    m_table->setColumnWidth(PatientListModel::NumberColumn,
                            metrics.horizontalAdvance(QStringLiteral("WWW-00000")) + badge + padding);
    m_table->setColumnWidth(PatientListModel::BirthDateColumn,
                            metrics.horizontalAdvance(QStringLiteral("≈ 00.00.0000")) + padding);
    m_table->setColumnWidth(PatientListModel::PhoneColumn,
                            metrics.horizontalAdvance(QStringLiteral("+998 00 000 00 00")) + padding);
    m_table->horizontalHeader()->setSectionResizeMode(PatientListModel::NameColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    m_search->installEventFilter(this);
    m_table->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &PatientPicker::onSearchTextChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const qint64 id = currentLocalId();
        if (id != m_lastEmitted) {
            m_lastEmitted = id;
            emit currentPatientChanged(id);
        }
    });
    connect(m_table, &QTableView::activated, this, [this] {
        if (currentLocalId() > 0)
            emit patientActivated(currentLocalId());
    });
    connect(&m_registry, &PatientRegistry::patientSaved, this, &PatientPicker::reload);
    connect(&m_registry, &PatientRegistry::patientRemoved, this, &PatientPicker::reload);
    connect(&m_registry, &PatientRegistry::registryReset, this, &PatientPicker::reload);
    connect(&m_registry, &PatientRegistry::patientsChanged, this, &PatientPicker::reload);
    setFocusProxy(m_search);
    retranslateUi();
}

void PatientPicker::retranslateUi()
{
    m_label->setText(tr("&Find the patient"));
    m_search->setPlaceholderText(tr("Name, phone or patient number"));
    m_search->setAccessibleName(tr("Search patients"));
    m_table->setAccessibleName(tr("Patients found"));
    m_model->retranslate();
}

void PatientPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

qint64 PatientPicker::currentLocalId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->localIdAt(current.row()) : 0;
}

std::optional<Patient> PatientPicker::currentPatient() const
{
    const qint64 id = currentLocalId();
    return id > 0 ? m_registry.patient(id) : std::nullopt;
}

void PatientPicker::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_table->setCurrentIndex(QModelIndex());
        return;
    }
    m_table->setCurrentIndex(m_model->index(row, PatientListModel::NameColumn));
    m_table->scrollTo(m_table->currentIndex());
}

void PatientPicker::selectPatient(qint64 localId)
{
    int row = m_model->rowOf(localId);
    if (row < 0 && !m_search->text().isEmpty()) {
        m_search->clear();
        row = m_model->rowOf(localId);
    }
    selectRow(row);
}

void PatientPicker::onSearchTextChanged(const QString &text)
{
    m_model->setQuery(text);
    // The best match is selected, so Enter takes it.
    selectRow(text.trimmed().isEmpty() ? -1 : 0);
}

void PatientPicker::reload()
{
    const qint64 kept = currentLocalId();
    m_model->reload();
    const int row = kept > 0 ? m_model->rowOf(kept) : -1;
    selectRow(row);
}

void PatientPicker::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool PatientPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (watched == m_search && plain) {
        switch (key->key()) {
        case Qt::Key_Escape:
            if (m_search->text().isEmpty())
                break;
            m_search->clear();
            return true;
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (m_model->rowCount() == 0)
                break;
            if (!m_table->currentIndex().isValid())
                selectRow(0);
            m_table->setFocus(Qt::TabFocusReason);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (currentLocalId() > 0)
                emit patientActivated(currentLocalId());
            return true;
        default:
            break;
        }
    }
    if (watched == m_table && plain &&
        ((key->key() == Qt::Key_Up && m_table->currentIndex().row() <= 0) || key->key() == Qt::Key_Escape)) {
        focusSearch();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace medora
