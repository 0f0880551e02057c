#include "registry/PatientDialog.h"

#include "domain/PatientValidator.h"
#include "domain/PhoneNumber.h"
#include "registry/PatientRegistry.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace medora {

namespace {

const QString kDateFormat = QStringLiteral("dd.MM.yyyy");

// Form order: the first field in this list that has an error receives focus.
const QStringList kFieldOrder = {
    QStringLiteral("lastName"), QStringLiteral("firstName"), QStringLiteral("fatherName"),
    QStringLiteral("sex"),      QStringLiteral("birthDate"), QStringLiteral("phone"),
    QStringLiteral("address"),  QStringLiteral("allergies"), QStringLiteral("medications"),
    QStringLiteral("history"),  QStringLiteral("notes")};

QString withoutMnemonic(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text;
}

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

QString birthDateText(const Patient &patient)
{
    if (!patient.birthDate.isValid())
        return {};
    const QString date = patient.birthDate.toString(kDateFormat);
    return patient.birthDateEstimated ? QStringLiteral("≈ ") + date : date;
}

} // namespace

PatientDialog::PatientDialog(PatientRegistry &registry, QWidget *parent)
    : PatientDialog(registry, Patient(), parent)
{}

PatientDialog::PatientDialog(PatientRegistry &registry, const Patient &patient, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_patient(patient)
{
    setObjectName(QStringLiteral("patientDialog"));
    buildUi();
    retranslateUi();
    loadPatient();
    // Text boxes ask for far more height than a laptop screen has; they grow when the user
    // enlarges the dialog.
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 110),
           minimumSizeHint().height() + fontMetrics().lineSpacing() * 8);
}

void PatientDialog::buildUi()
{
    auto *outer = new QVBoxLayout(this);

    m_numberLabel = new QLabel(this);
    m_numberLabel->setObjectName(QStringLiteral("patientNumberLabel"));
    m_numberLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_numberLabel);

    m_saveError = new QLabel(this);
    m_saveError->setObjectName(QStringLiteral("saveErrorLabel"));
    m_saveError->setFrameShape(QFrame::StyledPanel);
    m_saveError->setMargin(m_saveError->fontMetrics().height() / 3);
    makeAlertLabel(m_saveError);
    outer->addWidget(m_saveError);

    m_generalError = new QLabel(this);
    m_generalError->setObjectName(QStringLiteral("generalErrorLabel"));
    makeAlertLabel(m_generalError);
    outer->addWidget(m_generalError);

    auto *columns = new QHBoxLayout;
    outer->addLayout(columns, 1);

    // Left column: who the patient is.
    auto *identity = new QGridLayout;
    identity->setColumnStretch(1, 1);
    columns->addLayout(identity, 1);
    int row = 0;

    m_lastName = new QLineEdit(this);
    m_lastName->setObjectName(QStringLiteral("lastNameEdit"));
    addRow(identity, row, QStringLiteral("lastName"), m_lastName);

    m_firstName = new QLineEdit(this);
    m_firstName->setObjectName(QStringLiteral("firstNameEdit"));
    addRow(identity, row, QStringLiteral("firstName"), m_firstName);

    m_fatherName = new QLineEdit(this);
    m_fatherName->setObjectName(QStringLiteral("fatherNameEdit"));
    addRow(identity, row, QStringLiteral("fatherName"), m_fatherName);

    m_sexBox = new QWidget(this);
    m_sexBox->setObjectName(QStringLiteral("sexBox"));
    auto *sexLayout = new QHBoxLayout(m_sexBox);
    sexLayout->setContentsMargins(0, 0, 0, 0);
    m_male = new QRadioButton(m_sexBox);
    m_male->setObjectName(QStringLiteral("maleRadio"));
    m_female = new QRadioButton(m_sexBox);
    m_female->setObjectName(QStringLiteral("femaleRadio"));
    m_sexGroup = new QButtonGroup(this);
    m_sexGroup->addButton(m_male, int(Sex::Male));
    m_sexGroup->addButton(m_female, int(Sex::Female));
    sexLayout->addWidget(m_male);
    sexLayout->addWidget(m_female);
    sexLayout->addStretch(1);
    addRow(identity, row, QStringLiteral("sex"), m_male, m_sexBox);

    auto *birthBox = new QWidget(this);
    auto *birthLayout = new QVBoxLayout(birthBox);
    birthLayout->setContentsMargins(0, 0, 0, 0);
    m_birthDate = new QLineEdit(birthBox);
    m_birthDate->setObjectName(QStringLiteral("birthDateEdit"));
    birthLayout->addWidget(m_birthDate);
    m_ageOnly = new QCheckBox(birthBox);
    m_ageOnly->setObjectName(QStringLiteral("ageOnlyCheck"));
    birthLayout->addWidget(m_ageOnly);
    auto *ageLayout = new QHBoxLayout;
    m_ageLabel = new QLabel(birthBox);
    m_age = new QSpinBox(birthBox);
    m_age->setObjectName(QStringLiteral("ageSpin"));
    m_age->setRange(-1, 130); // -1: not entered yet, shown as "—"
    m_age->setValue(-1);
    m_age->setSpecialValueText(QStringLiteral("—"));
    m_ageLabel->setBuddy(m_age);
    ageLayout->addWidget(m_ageLabel);
    ageLayout->addWidget(m_age);
    ageLayout->addStretch(1);
    birthLayout->addLayout(ageLayout);
    addRow(identity, row, QStringLiteral("birthDate"), m_birthDate, birthBox);

    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    addRow(identity, row, QStringLiteral("phone"), m_phone);

    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("addressEdit"));
    addRow(identity, row, QStringLiteral("address"), m_address);
    identity->setRowStretch(row, 1);

    // Right column: what a doctor must know before treating.
    auto *clinical = new QVBoxLayout;
    columns->addLayout(clinical, 1);
    m_allergies = addTextBlock(clinical, QStringLiteral("allergies"));
    m_medications = addTextBlock(clinical, QStringLiteral("medications"));
    m_history = addTextBlock(clinical, QStringLiteral("history"));
    m_notes = addTextBlock(clinical, QStringLiteral("notes"));

    m_duplicatePanel = new QFrame(this);
    m_duplicatePanel->setObjectName(QStringLiteral("duplicateWarning"));
    m_duplicatePanel->setFrameShape(QFrame::StyledPanel);
    auto *duplicateLayout = new QVBoxLayout(m_duplicatePanel);
    m_duplicateTitle = new QLabel(m_duplicatePanel);
    m_duplicateTitle->setWordWrap(true);
    QFont bold = m_duplicateTitle->font();
    bold.setBold(true);
    m_duplicateTitle->setFont(bold);
    duplicateLayout->addWidget(m_duplicateTitle);
    m_duplicateList = new QListWidget(m_duplicatePanel);
    m_duplicateList->setObjectName(QStringLiteral("duplicateList"));
    m_duplicateList->setMaximumHeight(m_duplicateList->fontMetrics().lineSpacing() * 5);
    duplicateLayout->addWidget(m_duplicateList);
    auto *duplicateButtons = new QHBoxLayout;
    m_duplicateHint = new QLabel(m_duplicatePanel);
    m_duplicateHint->setWordWrap(true);
    duplicateButtons->addWidget(m_duplicateHint, 1);
    m_openExisting = new QPushButton(m_duplicatePanel);
    m_openExisting->setObjectName(QStringLiteral("openExistingButton"));
    m_openExisting->setAutoDefault(false);
    duplicateButtons->addWidget(m_openExisting);
    duplicateLayout->addLayout(duplicateButtons);
    m_duplicatePanel->hide();
    outer->addWidget(m_duplicatePanel);
    connect(m_openExisting, &QPushButton::clicked, this, &PatientDialog::openChosenExisting);
    connect(m_duplicateList, &QListWidget::itemActivated, this, &PatientDialog::openChosenExisting);

    m_buttons = new QDialogButtonBox(this);
    m_saveButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    QPushButton *cancel = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    outer->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PatientDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_ageOnly, &QCheckBox::toggled, this, &PatientDialog::updateBirthDateMode);
    for (QLineEdit *edit : {m_lastName, m_firstName, m_fatherName, m_birthDate, m_phone, m_address})
        connect(edit, &QLineEdit::textEdited, this, &PatientDialog::onInputEdited);
    for (QPlainTextEdit *edit : {m_allergies, m_medications, m_history, m_notes})
        connect(edit, &QPlainTextEdit::textChanged, this, &PatientDialog::onInputEdited);
    connect(m_sexGroup, &QButtonGroup::idClicked, this, &PatientDialog::onInputEdited);
    connect(m_ageOnly, &QCheckBox::clicked, this, &PatientDialog::onInputEdited);
    connect(m_age, &QSpinBox::valueChanged, this, &PatientDialog::onInputEdited);

    // What was typed is shown back in the canonical form as soon as it is understood.
    connect(m_birthDate, &QLineEdit::editingFinished, this, [this] {
        const QDate date = parseBirthDate(m_birthDate->text());
        if (date.isValid())
            m_birthDate->setText(date.toString(kDateFormat));
    });
    connect(m_phone, &QLineEdit::editingFinished, this, [this] {
        const QString e164 = PhoneNumber::toE164(m_phone->text());
        if (!e164.isEmpty())
            m_phone->setText(PhoneNumber::format(e164));
    });

    setTabOrder(m_lastName, m_firstName);
    setTabOrder(m_firstName, m_fatherName);
    setTabOrder(m_fatherName, m_male);
    setTabOrder(m_male, m_female);
    setTabOrder(m_female, m_birthDate);
    setTabOrder(m_birthDate, m_ageOnly);
    setTabOrder(m_ageOnly, m_age);
    setTabOrder(m_age, m_phone);
    setTabOrder(m_phone, m_address);
    setTabOrder(m_address, m_allergies);
    setTabOrder(m_allergies, m_medications);
    setTabOrder(m_medications, m_history);
    setTabOrder(m_history, m_notes);
    setTabOrder(m_notes, m_saveButton);
    setTabOrder(m_saveButton, cancel);

    setSizeGripEnabled(true);
    updateBirthDateMode();
}

void PatientDialog::addRow(QGridLayout *grid, int &row, const QString &field, QWidget *input,
                           QWidget *inputRow)
{
    FieldRow fieldRow;
    fieldRow.input = input;
    fieldRow.label = new QLabel(this);
    fieldRow.label->setObjectName(field + QStringLiteral("Label"));
    fieldRow.label->setBuddy(input);
    fieldRow.error = new QLabel(this);
    fieldRow.error->setObjectName(field + QStringLiteral("Error"));
    makeAlertLabel(fieldRow.error);
    QWidget *shown = inputRow ? inputRow : input;
    grid->addWidget(fieldRow.label, row, 0, Qt::AlignTop | Qt::AlignLeft);
    grid->addWidget(shown, row, 1);
    grid->addWidget(fieldRow.error, row + 1, 1);
    row += 2;
    m_rows.insert(field, fieldRow);
}

QPlainTextEdit *PatientDialog::addTextBlock(QVBoxLayout *column, const QString &field)
{
    FieldRow fieldRow;
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(field + QStringLiteral("Edit"));
    edit->setTabChangesFocus(true);
    const int lines = field == QLatin1String("notes") ? 3 : 2;
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 2 * edit->frameWidth() +
                           int(edit->document()->documentMargin() * 2));
    fieldRow.input = edit;
    fieldRow.label = new QLabel(this);
    fieldRow.label->setObjectName(field + QStringLiteral("Label"));
    fieldRow.label->setBuddy(edit);
    fieldRow.error = new QLabel(this);
    fieldRow.error->setObjectName(field + QStringLiteral("Error"));
    makeAlertLabel(fieldRow.error);
    column->addWidget(fieldRow.label);
    column->addWidget(edit, 1);
    column->addWidget(fieldRow.error);
    m_rows.insert(field, fieldRow);
    return edit;
}

void PatientDialog::retranslateUi()
{
    setWindowTitle(isNewPatient() ? tr("New patient") : tr("Edit patient — %1").arg(m_patient.displayName()));
    m_numberLabel->setText(tr("Patient number: %1").arg(m_patient.number));
    m_numberLabel->setVisible(!isNewPatient());

    const QMap<QString, QString> labels = {
        {QStringLiteral("lastName"), tr("&Last name")},
        {QStringLiteral("firstName"), tr("&First name")},
        {QStringLiteral("fatherName"), tr("F&ather's name")},
        {QStringLiteral("sex"), tr("Sex")},
        {QStringLiteral("birthDate"), tr("&Date of birth")},
        {QStringLiteral("phone"), tr("&Phone")},
        {QStringLiteral("address"), tr("Add&ress")},
        {QStringLiteral("allergies"), tr("All&ergies")},
        {QStringLiteral("medications"), tr("Current &medications")},
        {QStringLiteral("history"), tr("&Chronic conditions and history")},
        {QStringLiteral("notes"), tr("&Notes")},
    };
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        const FieldRow &fieldRow = m_rows[it.key()];
        fieldRow.label->setText(it.value());
        fieldRow.input->setAccessibleName(withoutMnemonic(it.value()));
    }
    // The date row's input switches to the age box in age-only mode; both keep their names.
    m_birthDate->setAccessibleName(withoutMnemonic(labels.value(QStringLiteral("birthDate"))));
    m_male->setText(tr("Male"));
    m_female->setText(tr("Female"));
    m_male->setAccessibleName(tr("Sex: male"));
    m_female->setAccessibleName(tr("Sex: female"));
    m_fatherName->setPlaceholderText(tr("Optional"));
    m_birthDate->setPlaceholderText(tr("dd.mm.yyyy"));
    m_ageOnly->setText(tr("Date of birth &unknown — enter the age in years"));
    m_ageLabel->setText(tr("A&ge in years:"));
    m_age->setAccessibleName(tr("Age in years"));
    m_phone->setPlaceholderText(QStringLiteral("+998 90 123 45 67"));
    m_allergies->setPlaceholderText(tr("Drugs, foods or materials, and the reaction"));
    m_medications->setPlaceholderText(tr("Name, dose and how often"));
    m_duplicateTitle->setText(tr("This patient may already be registered:"));
    m_duplicateHint->setText(
        tr("Open the existing patient, or press “Save anyway” if this is a different person."));
    m_openExisting->setText(tr("&Open existing patient"));
    m_duplicateList->setAccessibleName(tr("Patients already registered"));
    m_saveButton->setText(m_duplicatesAcknowledged ? tr("&Save anyway") : tr("&Save"));
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::RejectRole)
            button->setText(tr("Cancel"));
    }
}

void PatientDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Messages already on screen came from the old catalogue; ask again in the new one.
        if (m_showingErrors)
            showErrors(collectErrors(patientFromInputs()));
        else if (!m_saveError->isHidden())
            updateSaveErrorText();
    }
    QDialog::changeEvent(event);
}

void PatientDialog::loadPatient()
{
    const QSignalBlocker blockAge(m_age);
    m_lastName->setText(m_patient.lastName);
    m_firstName->setText(m_patient.firstName);
    m_fatherName->setText(m_patient.fatherName);
    if (m_patient.sex == Sex::Male)
        m_male->setChecked(true);
    else if (m_patient.sex == Sex::Female)
        m_female->setChecked(true);
    if (m_patient.birthDate.isValid() && m_patient.birthDateEstimated) {
        m_ageOnly->setChecked(true);
        m_age->setValue(PatientValidator::ageInYears(m_patient.birthDate));
    } else if (m_patient.birthDate.isValid()) {
        m_birthDate->setText(m_patient.birthDate.toString(kDateFormat));
    }
    m_phone->setText(m_patient.phone.isEmpty() ? QString() : PhoneNumber::format(m_patient.phone));
    m_address->setText(m_patient.address);
    // Long texts are read from their beginning.
    for (QLineEdit *edit : {m_lastName, m_firstName, m_fatherName, m_phone, m_address})
        edit->setCursorPosition(0);
    {
        const QSignalBlocker a(m_allergies), b(m_medications), c(m_history), d(m_notes);
        m_allergies->setPlainText(m_patient.allergies);
        m_medications->setPlainText(m_patient.medications);
        m_history->setPlainText(m_patient.history);
        m_notes->setPlainText(m_patient.notes);
    }
    updateBirthDateMode();
}

void PatientDialog::prefillFromSearch(const QString &searchText)
{
    const QString text = searchText.simplified();
    if (text.isEmpty())
        return;
    if (PhoneNumber::isValid(text)) {
        m_phone->setText(PhoneNumber::format(PhoneNumber::toE164(text)));
        return;
    }
    // Only words made of letters (and the letter marks and hyphens names contain) are names.
    static const QRegularExpression nameWords(QStringLiteral("^[\\p{L}ʻʼ'‘’`\\- ]+$"));
    if (!nameWords.match(text).hasMatch())
        return;
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &word : words)
        word[0] = word[0].toUpper();
    QLineEdit *targets[] = {m_lastName, m_firstName, m_fatherName};
    for (int i = 0; i < words.size() && i < 3; ++i)
        targets[i]->setText(words[i]);
    if (words.size() > 3)
        m_fatherName->setText(QStringList(words.mid(2)).join(QLatin1Char(' ')));
}

void PatientDialog::updateBirthDateMode()
{
    const bool ageOnly = m_ageOnly->isChecked();
    m_birthDate->setEnabled(!ageOnly);
    m_age->setEnabled(ageOnly);
    m_ageLabel->setEnabled(ageOnly);
    m_rows[QStringLiteral("birthDate")].input = ageOnly ? static_cast<QWidget *>(m_age) : m_birthDate;
}

QDate PatientDialog::parseBirthDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression digitsOnly(QStringLiteral("^(\\d{2})(\\d{2})(\\d{4})$"));
    static const QRegularExpression separated(
        QStringLiteral("^(\\d{1,2})\\s*[./\\-]\\s*(\\d{1,2})\\s*[./\\-]\\s*(\\d{4})$"));
    QRegularExpressionMatch match = digitsOnly.match(trimmed);
    if (!match.hasMatch())
        match = separated.match(trimmed);
    if (!match.hasMatch())
        return {};
    return QDate(match.captured(3).toInt(), match.captured(2).toInt(), match.captured(1).toInt());
}

Patient PatientDialog::patientFromInputs() const
{
    Patient patient = m_patient;
    patient.lastName = m_lastName->text();
    patient.firstName = m_firstName->text();
    patient.fatherName = m_fatherName->text();
    patient.sex = m_male->isChecked() ? Sex::Male : m_female->isChecked() ? Sex::Female : Sex::Unknown;
    if (m_ageOnly->isChecked()) {
        const int years = m_age->value();
        const bool unchangedEstimate = m_patient.birthDateEstimated && m_patient.birthDate.isValid() &&
                                       PatientValidator::ageInYears(m_patient.birthDate) == years;
        // Re-deriving an unchanged age would move the stored estimate on every save.
        patient.birthDate = unchangedEstimate ? m_patient.birthDate
                            : years >= 0      ? PatientValidator::birthDateFromAge(years)
                                              : QDate();
        patient.birthDateEstimated = patient.birthDate.isValid();
    } else {
        patient.birthDate = parseBirthDate(m_birthDate->text());
        patient.birthDateEstimated = false;
    }
    const QString phone = m_phone->text().trimmed();
    const QString e164 = PhoneNumber::toE164(phone);
    patient.phone = e164.isEmpty() ? phone : e164; // an unreadable number goes to the validator as typed
    patient.address = m_address->text();
    patient.allergies = m_allergies->toPlainText();
    patient.medications = m_medications->toPlainText();
    patient.history = m_history->toPlainText();
    patient.notes = m_notes->toPlainText();
    return patient;
}

FieldErrors PatientDialog::collectErrors(const Patient &patient) const
{
    FieldErrors errors = PatientValidator::validate(patient);
    const QString birthField = QStringLiteral("birthDate");
    // The store accepts an unknown birth date (imports, old cards), but at the front desk
    // either the date or at least the age is always asked. The validator also never sees a
    // date typed in a form that could not be read.
    const QString typedDate = m_birthDate->text().trimmed();
    QString birthProblem;
    if (m_ageOnly->isChecked() && m_age->value() < 0)
        birthProblem = tr("Enter the age in whole years.");
    else if (!m_ageOnly->isChecked() && typedDate.isEmpty())
        birthProblem = tr("Enter the date of birth, or tick “Date of birth unknown” and enter the age.");
    else if (!m_ageOnly->isChecked() && !patient.birthDate.isValid())
        birthProblem = tr("Enter the date as dd.mm.yyyy, for example 25.03.1984.");
    if (!birthProblem.isEmpty()) {
        errors.erase(std::remove_if(errors.begin(), errors.end(),
                                    [&](const FieldError &error) { return error.field == birthField; }),
                     errors.end());
        errors.append({birthField, birthProblem});
    }
    return errors;
}

void PatientDialog::clearErrors()
{
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        it->error->clear();
        it->error->hide();
        it->input->setAccessibleDescription(QString());
    }
    m_birthDate->setAccessibleDescription(QString());
    m_age->setAccessibleDescription(QString());
    m_generalError->clear();
    m_generalError->hide();
    m_saveError->hide();
    m_showingErrors = false;
}

void PatientDialog::showErrors(const FieldErrors &errors)
{
    clearErrors();
    QStringList general;
    for (const FieldError &error : errors) {
        const auto row = m_rows.find(error.field);
        if (row == m_rows.end()) {
            general << error.message;
            continue;
        }
        const QString text = row->error->text().isEmpty()
                                 ? error.message
                                 : row->error->text() + QLatin1Char('\n') + error.message;
        row->error->setText(text);
        row->error->setAccessibleName(text);
        row->error->show();
        row->input->setAccessibleDescription(text);
    }
    if (!general.isEmpty()) {
        m_generalError->setText(general.join(QLatin1Char('\n')));
        m_generalError->show();
    }
    m_showingErrors = !errors.isEmpty();
    for (const QString &field : kFieldOrder) {
        const FieldRow &row = m_rows[field];
        if (!row.error->text().isEmpty()) {
            row.input->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
}

void PatientDialog::showDuplicates(const QList<Patient> &duplicates)
{
    m_duplicateList->clear();
    for (const Patient &duplicate : duplicates) {
        QStringList parts = {duplicate.number, duplicate.displayName()};
        if (duplicate.birthDate.isValid())
            parts << birthDateText(duplicate);
        if (!duplicate.phone.isEmpty())
            parts << PhoneNumber::format(duplicate.phone);
        auto *item = new QListWidgetItem(parts.join(QStringLiteral(" · ")), m_duplicateList);
        item->setData(Qt::UserRole, duplicate.localId);
    }
    m_duplicateList->setCurrentRow(0);
    m_duplicatePanel->show();
}

void PatientDialog::showSaveError(const QString &message)
{
    m_saveErrorReason = message;
    updateSaveErrorText();
    m_saveError->show();
    m_saveButton->setFocus(Qt::OtherFocusReason);
}

void PatientDialog::updateSaveErrorText()
{
    // The store's own reason was translated when the write failed and cannot be rebuilt;
    // everything around it follows the current language.
    const QString reason =
        m_saveErrorReason.isEmpty() ? tr("The patient registry is not open.") : m_saveErrorReason;
    m_saveError->setText(tr("The patient was not saved: %1\nEverything you typed is still here; "
                            "correct the problem and press Save again.")
                             .arg(reason));
    m_saveError->setAccessibleName(m_saveError->text());
}

QString PatientDialog::errorText(const QString &field) const
{
    const auto row = m_rows.constFind(field);
    if (row == m_rows.constEnd() || row->error->isHidden())
        return {};
    return row->error->text();
}

bool PatientDialog::isDuplicateWarningShown() const
{
    return !m_duplicatePanel->isHidden();
}

void PatientDialog::onInputEdited()
{
    m_modified = true;
    // Whatever the user changes after the warning must be checked for duplicates again.
    if (m_duplicatesAcknowledged) {
        m_duplicatesAcknowledged = false;
        m_saveButton->setText(tr("&Save"));
    }
}

bool PatientDialog::confirmDiscard()
{
    if (!m_modified)
        return true;
    QMessageBox question(QMessageBox::Question, windowTitle(), tr("Discard what you typed?"),
                         QMessageBox::NoButton, this);
    question.setObjectName(QStringLiteral("discardQuestion"));
    QPushButton *discard = question.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    QPushButton *keep = question.addButton(tr("&Keep editing"), QMessageBox::RejectRole);
    question.setDefaultButton(keep);
    question.exec();
    return question.clickedButton() == discard;
}

void PatientDialog::reject()
{
    // Escape is easily pressed by accident; typed data is only dropped on purpose.
    if (!confirmDiscard())
        return;
    QDialog::reject();
}

void PatientDialog::openChosenExisting()
{
    const QListWidgetItem *item = m_duplicateList->currentItem();
    if (!item && m_duplicateList->count() > 0)
        item = m_duplicateList->item(0);
    if (!item)
        return;
    const qint64 chosen = item->data(Qt::UserRole).toLongLong();
    // Opening the existing card closes this form and everything typed into it.
    if (!confirmDiscard())
        return;
    m_chosenExistingLocalId = chosen;
    done(OpenExistingResult);
}

void PatientDialog::save()
{
    Patient patient = patientFromInputs();
    const FieldErrors errors = collectErrors(patient);
    if (!errors.isEmpty()) {
        showErrors(errors);
        return;
    }
    clearErrors();

    if (isNewPatient() && !m_duplicatesAcknowledged) {
        const QList<Patient> duplicates = m_registry.findDuplicates(patient);
        if (!duplicates.isEmpty()) {
            showDuplicates(duplicates);
            m_duplicatesAcknowledged = true;
            m_saveButton->setText(tr("&Save anyway"));
            m_duplicateList->setFocus(Qt::OtherFocusReason);
            return;
        }
        m_duplicatePanel->hide();
    }

    FieldErrors refused;
    const bool saved = isNewPatient() ? m_registry.registerPatient(patient, &refused)
                                      : m_registry.updatePatient(patient, &refused);
    if (!saved) {
        if (!refused.isEmpty())
            showErrors(refused);
        else
            showSaveError(m_registry.lastError().message);
        return;
    }
    m_savedLocalId = patient.localId;
    accept();
}

} // namespace medora
