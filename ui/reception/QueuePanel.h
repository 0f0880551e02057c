#pragma once

#include "api/UserProfile.h"
#include "domain/FieldError.h"
#include "domain/Patient.h"
#include "domain/Visit.h"

#include <QDate>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace medora {

class ClinicDirectory;
class PatientLookup;
class QueueModel;
class QueueService;
class ReceptionPrinter;

// Today's queue of one doctor: putting the desk's current patient into it (priority,
// note, ticket printed), moving a waiting patient up or down, cancelling, marking a no-show,
// putting a patient back. Statuses the doctor sets (called, with the doctor, done) appear
// on reload(). Read-only for a doctor: the list without the actions.
class QueuePanel : public QWidget
{
    Q_OBJECT

public:
    QueuePanel(QueueService &queue, PatientLookup &patients, ClinicDirectory &clinic,
               ReceptionPrinter &printer, const UserProfile &me, bool readOnly, QWidget *parent = nullptr);

    QComboBox *doctorBox() const { return m_doctor; }
    QCheckBox *urgentCheck() const { return m_urgent; }
    QLineEdit *noteEdit() const { return m_note; }
    QCheckBox *printTicketCheck() const { return m_printTicket; }
    QPushButton *addButton() const { return m_add; }
    QTableView *table() const { return m_table; }
    QueueModel *model() const { return m_model; }
    QString errorText() const;
    QString currentDoctorId() const;
    void selectDoctor(const QString &doctorId);
    std::optional<Visit> currentVisit() const;
    void selectVisit(qint64 localId);
    bool isReadOnly() const { return m_readOnly; }
    // Where the day's queues are read; today unless set (tests).
    void setDay(const QDate &day);
    QDate day() const;

    // The patient the desk works with (from the search); none disables "Add to queue".
    void setPatient(const std::optional<Patient> &patient);

public slots:
    void reload();
    // Adds the current patient to the chosen doctor's queue; the ticket is printed when
    // "Print the ticket" is ticked. False with a field-named error shown.
    bool addToQueue();
    bool moveUp();
    bool moveDown();
    bool cancelVisit();
    bool markNoShow();
    bool requeue();
    bool setUrgent(bool urgent);
    bool printTicket();
    void focusQueue();

signals:
    // The visits of a patient changed here (queued, cancelled, ...): payment lists refresh.
    void visitsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void loadDoctors();
    void updateActions();
    void showError(const QString &text);
    void clearError();
    bool apply(bool ok, qint64 keepSelected);

    QueueService &m_queue;
    PatientLookup &m_patients;
    ClinicDirectory &m_clinic;
    ReceptionPrinter &m_printer;
    UserProfile m_me;
    bool m_readOnly;
    QDate m_fixedDay;
    std::optional<Patient> m_patient;

    QueueModel *m_model = nullptr;
    QLabel *m_doctorLabel = nullptr;
    QComboBox *m_doctor = nullptr;
    QLabel *m_patientLabel = nullptr;
    QCheckBox *m_urgent = nullptr;
    QLabel *m_noteLabel = nullptr;
    QLineEdit *m_note = nullptr;
    QCheckBox *m_printTicket = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_noShow = nullptr;
    QPushButton *m_requeue = nullptr;
    QPushButton *m_urgentButton = nullptr;
    QPushButton *m_reprint = nullptr;
};

} // namespace medora
