#pragma once

#include "domain/Patient.h"

#include <QWidget>

class QLabel;

namespace medora {

// The top of an open chart, never scrolled away: who the patient is, and what must be
// known before anything is prescribed (allergies, current medications), shown in full.
class ChartHeader : public QWidget
{
    Q_OBJECT

public:
    explicit ChartHeader(QWidget *parent = nullptr);

    void setPatient(const Patient &patient);
    void clear();
    bool hasPatient() const { return m_patient.localId != 0; }

    QString nameText() const;
    QString detailsText() const; // sex, birth date and age, phone
    QString allergiesText() const;
    QString medicationsText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Patient m_patient;
    QLabel *m_name = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_allergiesTitle = nullptr;
    QLabel *m_allergies = nullptr;
    QLabel *m_medicationsTitle = nullptr;
    QLabel *m_medications = nullptr;
};

} // namespace medora
