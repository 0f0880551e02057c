#include "cabinet/ChartHeader.h"

#include "domain/PatientValidator.h"
#include "domain/PhoneNumber.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace medora {

namespace {

QLabel *textLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ChartHeader::ChartHeader(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chartHeader"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_name = textLabel(this, QStringLiteral("chartPatientName"));
    QFont big = m_name->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_name->setFont(big);
    m_details = textLabel(this, QStringLiteral("chartPatientDetails"));
    m_allergiesTitle = textLabel(this, QStringLiteral("chartAllergiesTitle"));
    m_allergies = textLabel(this, QStringLiteral("chartAllergies"));
    m_medicationsTitle = textLabel(this, QStringLiteral("chartMedicationsTitle"));
    m_medications = textLabel(this, QStringLiteral("chartMedications"));
    QFont bold = m_allergiesTitle->font();
    bold.setBold(true);
    m_allergiesTitle->setFont(bold);
    m_medicationsTitle->setFont(bold);
    grid->addWidget(m_name, 0, 0, 1, 2);
    grid->addWidget(m_details, 1, 0, 1, 2);
    grid->addWidget(m_allergiesTitle, 2, 0, Qt::AlignTop);
    grid->addWidget(m_allergies, 2, 1);
    grid->addWidget(m_medicationsTitle, 3, 0, Qt::AlignTop);
    grid->addWidget(m_medications, 3, 1);
    grid->setColumnStretch(1, 1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    retranslateUi();
}

void ChartHeader::setPatient(const Patient &patient)
{
    m_patient = patient;
    retranslateUi();
}

void ChartHeader::clear()
{
    setPatient(Patient());
}

QString ChartHeader::nameText() const
{
    return m_name->text();
}

QString ChartHeader::detailsText() const
{
    return m_details->text();
}

QString ChartHeader::allergiesText() const
{
    return m_allergies->text();
}

QString ChartHeader::medicationsText() const
{
    return m_medications->text();
}

void ChartHeader::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ChartHeader::retranslateUi()
{
    const bool open = hasPatient();
    m_name->setText(open ? tr("%1 · %2").arg(m_patient.displayName(), m_patient.number)
                         : tr("No patient open. Call the next patient (F6) or choose one in your queue."));
    QStringList details;
    if (open) {
        if (m_patient.sex == Sex::Male)
            details << tr("male");
        else if (m_patient.sex == Sex::Female)
            details << tr("female");
        if (m_patient.birthDate.isValid()) {
            const QString date = QLocale().toString(m_patient.birthDate, QLocale::ShortFormat);
            const int age = PatientValidator::ageInYears(m_patient.birthDate);
            details << tr("born %1%2 (age %n)", nullptr, age)
                           .arg(m_patient.birthDateEstimated ? QStringLiteral("≈ ") : QString(), date);
        }
        if (!m_patient.phone.isEmpty())
            details << PhoneNumber::format(m_patient.phone);
    }
    m_details->setText(details.join(QStringLiteral(" · ")));
    m_details->setVisible(open);

    m_allergiesTitle->setText(tr("Allergies:"));
    m_medicationsTitle->setText(tr("Current medications:"));
    const QString allergies = m_patient.allergies.trimmed();
    m_allergies->setText(allergies.isEmpty() ? tr("none recorded") : allergies);
    QPalette palette = m_allergies->palette();
    palette.setColor(QPalette::WindowText, allergies.isEmpty() ? this->palette().color(QPalette::WindowText)
                                                               : QColor(0xc6, 0x28, 0x28));
    m_allergies->setPalette(palette);
    const QString medications = m_patient.medications.trimmed();
    m_medications->setText(medications.isEmpty() ? tr("none recorded") : medications);
    for (QLabel *label : {m_allergiesTitle, m_allergies, m_medicationsTitle, m_medications})
        label->setVisible(open);
    m_allergies->setAccessibleName(tr("Allergies"));
    m_medications->setAccessibleName(tr("Current medications"));
    setAccessibleName(tr("Patient summary"));
}

} // namespace medora
