#pragma once

#include "domain/Patient.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QTableView;

namespace medora {

class PatientListModel;
class PatientRegistry;

// Finds the patient the desk works with: search as you type (Latin or Cyrillic, phone,
// patient number) over the registry, Down moves into the list, Escape back and clears.
class PatientPicker : public QWidget
{
    Q_OBJECT

public:
    explicit PatientPicker(PatientRegistry &registry, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTableView *table() const { return m_table; }
    PatientListModel *model() const { return m_model; }
    qint64 currentLocalId() const;
    std::optional<Patient> currentPatient() const;
    void selectPatient(qint64 localId);

public slots:
    void reload();
    void focusSearch();

signals:
    void currentPatientChanged(qint64 localId); // 0: none
    // Enter in the list or the search box, or a double click.
    void patientActivated(qint64 localId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onSearchTextChanged(const QString &text);
    void selectRow(int row);

    PatientRegistry &m_registry;
    PatientListModel *m_model = nullptr;
    QLabel *m_label = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    qint64 m_lastEmitted = -1;
};

} // namespace medora
