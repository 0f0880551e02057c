#include "reception/QueuePanel.h"

#include "clinic/ClinicDirectory.h"
#include "queue/PatientLookup.h"
#include "queue/QueueService.h"
#include "queue/TicketHtmlBuilder.h"
#include "queue/TicketNumber.h"
#include "reception/QueueModel.h"
#include "reception/ReceptionPrinter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace medora {

namespace {

void makeAlertLabel(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    label->setPalette(palette);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
}

} // namespace

QueuePanel::QueuePanel(QueueService &queue, PatientLookup &patients, ClinicDirectory &clinic,
                       ReceptionPrinter &printer, const UserProfile &me, bool readOnly, QWidget *parent)
    : QWidget(parent), m_queue(queue), m_patients(patients), m_clinic(clinic), m_printer(printer), m_me(me),
      m_readOnly(readOnly)
{
    setObjectName(QStringLiteral("queuePanel"));
    auto *layout = new QVBoxLayout(this);

    auto *doctorRow = new QHBoxLayout;
    m_doctorLabel = new QLabel(this);
    m_doctor = new QComboBox(this);
    m_doctor->setObjectName(QStringLiteral("doctorBox"));
    m_doctor->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_doctorLabel->setBuddy(m_doctor);
    doctorRow->addWidget(m_doctorLabel);
    doctorRow->addWidget(m_doctor, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("queueSummaryLabel"));
    doctorRow->addWidget(m_summary);
    layout->addLayout(doctorRow);

    auto *addRow = new QHBoxLayout;
    m_patientLabel = new QLabel(this);
    m_patientLabel->setObjectName(QStringLiteral("queuePatientLabel"));
    m_patientLabel->setTextFormat(Qt::PlainText);
    addRow->addWidget(m_patientLabel, 1);
    m_urgent = new QCheckBox(this);
    m_urgent->setObjectName(QStringLiteral("urgentCheck"));
    addRow->addWidget(m_urgent);
    m_noteLabel = new QLabel(this);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("queueNoteEdit"));
    m_note->setMaxLength(QueueService::kMaxNoteLength);
    m_noteLabel->setBuddy(m_note);
    addRow->addWidget(m_noteLabel);
    addRow->addWidget(m_note, 1);
    m_printTicket = new QCheckBox(this);
    m_printTicket->setObjectName(QStringLiteral("printTicketCheck"));
    m_printTicket->setChecked(true);
    addRow->addWidget(m_printTicket);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addToQueueButton"));
    addRow->addWidget(m_add);
    layout->addLayout(addRow);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("queueError"));
    makeAlertLabel(m_error);
    layout->addWidget(m_error);

    m_model = new QueueModel(m_queue, m_patients, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QueueModel::PatientColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    const auto button = [this, buttons](const char *name) {
        auto *created = new QPushButton(this);
        created->setObjectName(QLatin1String(name));
        buttons->addWidget(created);
        return created;
    };
    m_up = button("moveUpButton");
    m_down = button("moveDownButton");
    m_urgentButton = button("toggleUrgentButton");
    m_cancel = button("cancelVisitButton");
    m_noShow = button("noShowButton");
    m_requeue = button("requeueButton");
    buttons->addStretch(1);
    m_reprint = button("printTicketButton");
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &QueuePanel::addToQueue);
    connect(m_up, &QPushButton::clicked, this, &QueuePanel::moveUp);
    connect(m_down, &QPushButton::clicked, this, &QueuePanel::moveDown);
    connect(m_urgentButton, &QPushButton::clicked, this, [this] {
        const std::optional<Visit> visit = currentVisit();
        if (visit)
            setUrgent(visit->priority != VisitPriority::Urgent);
    });
    connect(m_cancel, &QPushButton::clicked, this, &QueuePanel::cancelVisit);
    connect(m_noShow, &QPushButton::clicked, this, &QueuePanel::markNoShow);
    connect(m_requeue, &QPushButton::clicked, this, &QueuePanel::requeue);
    connect(m_reprint, &QPushButton::clicked, this, &QueuePanel::printTicket);
    connect(m_doctor, &QComboBox::currentIndexChanged, this, [this] {
        clearError();
        m_model->setQueue(currentDoctorId(), day());
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QueuePanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::updateActions);
    connect(&m_clinic, &ClinicDirectory::changed, this, &QueuePanel::loadDoctors);

    for (QWidget *editing :
         std::initializer_list<QWidget *>{m_urgent, m_noteLabel, m_note, m_printTicket, m_add, m_up, m_down,
                                          m_urgentButton, m_cancel, m_noShow, m_requeue, m_patientLabel})
        editing->setVisible(!m_readOnly);

    setTabOrder(m_doctor, m_urgent);
    setTabOrder(m_urgent, m_note);
    setTabOrder(m_note, m_printTicket);
    setTabOrder(m_printTicket, m_add);
    setTabOrder(m_add, m_table);
    setTabOrder(m_table, m_up);
    setTabOrder(m_up, m_down);
    setTabOrder(m_down, m_urgentButton);
    setTabOrder(m_urgentButton, m_cancel);
    setTabOrder(m_cancel, m_noShow);
    setTabOrder(m_noShow, m_requeue);
    setTabOrder(m_requeue, m_reprint);

    loadDoctors();
    retranslateUi();
}

void QueuePanel::retranslateUi()
{
    m_doctorLabel->setText(tr("&Doctor:"));
    m_doctor->setAccessibleName(tr("Doctor whose queue is shown"));
    m_urgent->setText(tr("&Urgent"));
    m_urgent->setAccessibleName(tr("Urgent: goes before everyone not urgent"));
    m_noteLabel->setText(tr("N&ote:"));
    m_note->setAccessibleName(tr("Note for the queue"));
    m_note->setPlaceholderText(tr("Optional, e.g. “repeat visit”"));
    m_printTicket->setText(tr("P&rint the ticket"));
    m_add->setText(tr("Add &to queue"));
    m_add->setAccessibleName(tr("Add the patient to the doctor's queue"));
    m_table->setAccessibleName(tr("Today's queue"));
    m_up->setText(tr("Mo&ve up"));
    m_up->setAccessibleName(tr("Move the patient one place up"));
    m_down->setText(tr("Move dow&n"));
    m_down->setAccessibleName(tr("Move the patient one place down"));
    m_cancel->setText(tr("Canc&el visit"));
    m_noShow->setText(tr("D&id not come"));
    m_noShow->setAccessibleName(tr("Mark that the patient did not come"));
    m_requeue->setText(tr("&Back to the queue"));
    m_reprint->setText(tr("Print tic&ket"));
    m_reprint->setAccessibleName(tr("Print the ticket of the selected patient again"));
    if (m_doctor->count() == 1 && m_doctor->itemData(0).toString().isEmpty())
        m_doctor->setItemText(0, tr("No doctors yet: sign in once to load the clinic's staff"));
    setPatient(m_patient);
    updateActions();
}

void QueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void QueuePanel::loadDoctors()
{
    const QString kept = currentDoctorId();
    const QSignalBlocker blocker(m_doctor);
    m_doctor->clear();
    const QList<StaffMember> doctors = m_clinic.doctors();
    for (const StaffMember &doctor : doctors)
        m_doctor->addItem(doctor.fullName, doctor.id);
    if (doctors.isEmpty())
        m_doctor->addItem(tr("No doctors yet: sign in once to load the clinic's staff"), QString());
    m_doctor->setEnabled(!doctors.isEmpty());
    // A doctor looking at the desk sees their own queue first.
    int index = m_doctor->findData(kept.isEmpty() ? m_me.id : kept);
    if (index < 0)
        index = m_doctor->findData(m_me.id);
    m_doctor->setCurrentIndex(index >= 0 ? index : 0);
    m_model->setQueue(currentDoctorId(), day());
    updateActions();
}

QString QueuePanel::currentDoctorId() const
{
    return m_doctor->currentData().toString();
}

void QueuePanel::selectDoctor(const QString &doctorId)
{
    const int index = m_doctor->findData(doctorId);
    if (index < 0)
        return;
    if (index == m_doctor->currentIndex())
        reload(); // chosen again: shown as it is now
    else
        m_doctor->setCurrentIndex(index);
}

void QueuePanel::setDay(const QDate &day)
{
    m_fixedDay = day;
    m_model->setQueue(currentDoctorId(), this->day());
}

QDate QueuePanel::day() const
{
    return m_fixedDay.isValid() ? m_fixedDay : QDate::currentDate();
}

void QueuePanel::setPatient(const std::optional<Patient> &patient)
{
    m_patient = patient;
    m_patientLabel->setText(patient ? tr("Patient: %1 (%2)").arg(patient->displayName(), patient->number)
                                    : tr("Patient: find one on the left first"));
    updateActions();
}

std::optional<Visit> QueuePanel::currentVisit() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->visitAt(current.row());
}

void QueuePanel::selectVisit(qint64 localId)
{
    const int row = m_model->rowOf(localId);
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, QueueModel::TicketColumn));
    updateActions();
}

void QueuePanel::focusQueue()
{
    m_table->setFocus(Qt::ShortcutFocusReason);
    if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, QueueModel::TicketColumn));
}

void QueuePanel::reload()
{
    const std::optional<Visit> kept = currentVisit();
    // The day moves on at midnight for a desk left open.
    if (!m_fixedDay.isValid() && m_model->day() != QDate::currentDate())
        m_model->setQueue(currentDoctorId(), day());
    else
        m_model->reload();
    if (kept)
        selectVisit(kept->localId);
    updateActions();
}

void QueuePanel::updateActions()
{
    const int waiting = m_model->waitingCount();
    m_summary->setText(tr("Waiting: %1").arg(QLocale().toString(waiting)));
    const std::optional<Visit> visit = currentVisit();
    const bool editable = !m_readOnly;
    m_add->setEnabled(editable && m_patient.has_value() && !currentDoctorId().isEmpty());
    m_up->setEnabled(editable && visit && m_queue.canMove(visit->localId, -1));
    m_down->setEnabled(editable && visit && m_queue.canMove(visit->localId, 1));
    m_urgentButton->setEnabled(editable && visit && QueueService::isActive(visit->status));
    m_urgentButton->setText(visit && visit->priority == VisitPriority::Urgent ? tr("Not ur&gent")
                                                                              : tr("Ur&gent"));
    m_urgentButton->setAccessibleName(visit && visit->priority == VisitPriority::Urgent
                                          ? tr("Make the visit not urgent")
                                          : tr("Make the visit urgent"));
    m_cancel->setEnabled(editable && visit &&
                         QueueService::canChange(visit->status, VisitStatus::Cancelled) &&
                         visit->status != VisitStatus::Cancelled);
    m_noShow->setEnabled(editable && visit && QueueService::canChange(visit->status, VisitStatus::NoShow) &&
                         visit->status != VisitStatus::NoShow);
    m_requeue->setEnabled(editable && visit && visit->status != VisitStatus::Waiting &&
                          QueueService::canChange(visit->status, VisitStatus::Waiting));
    m_reprint->setEnabled(visit.has_value() && !m_readOnly);
    m_reprint->setVisible(!m_readOnly);
}

QString QueuePanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void QueuePanel::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setAccessibleName(text);
    m_error->show();
}

void QueuePanel::clearError()
{
    m_error->clear();
    m_error->hide();
}

bool QueuePanel::addToQueue()
{
    clearError();
    if (m_readOnly)
        return false;
    FieldErrors errors;
    const VisitPriority priority = m_urgent->isChecked() ? VisitPriority::Urgent : VisitPriority::Normal;
    const std::optional<Visit> visit =
        m_queue.enqueue(m_patient ? m_patient->id : QUuid(), currentDoctorId(), day(), priority,
                        m_note->text().trimmed(), m_me.id, &errors);
    if (!visit) {
        const QHash<QString, QString> labels = {
            {QueueService::patientField(), tr("Patient")},
            {QueueService::doctorField(), tr("Doctor")},
            {QueueService::dayField(), tr("Day")},
            {QueueService::noteField(), tr("Note")},
        };
        QStringList lines;
        for (const FieldError &error : errors)
            lines << tr("%1: %2").arg(labels.value(error.field, error.field), error.message);
        showError(lines.isEmpty() ? tr("The patient was not queued: %1").arg(m_queue.lastError().message)
                                  : lines.join(QLatin1Char('\n')));
        if (!errors.isEmpty() && errors.first().field == QueueService::noteField())
            m_note->setFocus(Qt::OtherFocusReason);
        else if (!errors.isEmpty() && errors.first().field == QueueService::doctorField())
            m_doctor->setFocus(Qt::OtherFocusReason);
        return false;
    }
    m_note->clear();
    m_urgent->setChecked(false);
    m_model->reload();
    selectVisit(visit->localId);
    emit visitsChanged();
    if (m_printTicket->isChecked())
        printTicket();
    return true;
}

bool QueuePanel::apply(bool ok, qint64 keepSelected)
{
    if (!ok) {
        showError(m_queue.lastError().message);
        return false;
    }
    clearError();
    m_model->reload();
    selectVisit(keepSelected);
    emit visitsChanged();
    return true;
}

bool QueuePanel::moveUp()
{
    const std::optional<Visit> visit = currentVisit();
    return visit && !m_readOnly && apply(m_queue.move(visit->localId, -1), visit->localId);
}

bool QueuePanel::moveDown()
{
    const std::optional<Visit> visit = currentVisit();
    return visit && !m_readOnly && apply(m_queue.move(visit->localId, 1), visit->localId);
}

bool QueuePanel::cancelVisit()
{
    const std::optional<Visit> visit = currentVisit();
    return visit && !m_readOnly && apply(m_queue.cancel(visit->localId), visit->localId);
}

bool QueuePanel::markNoShow()
{
    const std::optional<Visit> visit = currentVisit();
    return visit && !m_readOnly && apply(m_queue.markNoShow(visit->localId), visit->localId);
}

bool QueuePanel::requeue()
{
    const std::optional<Visit> visit = currentVisit();
    return visit && !m_readOnly && apply(m_queue.requeue(visit->localId), visit->localId);
}

bool QueuePanel::setUrgent(bool urgent)
{
    const std::optional<Visit> visit = currentVisit();
    return visit && !m_readOnly &&
           apply(m_queue.setPriority(visit->localId, urgent ? VisitPriority::Urgent : VisitPriority::Normal),
                 visit->localId);
}

bool QueuePanel::printTicket()
{
    const std::optional<Visit> visit = currentVisit();
    if (!visit || m_readOnly)
        return false;
    const TicketHtmlBuilder builder(*visit, m_clinic.nameOf(visit->doctorId));
    if (m_printer.print(builder.title(), builder.bodyHtml(), PrintDocument::PageSize::Receipt80mm,
                        QStringLiteral("ticket-%1").arg(TicketNumber::text(visit->ticket))))
        return true;
    if (!m_printer.lastError().isEmpty())
        showError(tr("The ticket was not printed: %1").arg(m_printer.lastError()));
    return false;
}

} // namespace medora
