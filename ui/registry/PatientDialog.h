#pragma once

#include "domain/FieldError.h"
#include "domain/Patient.h"

#include <QDialog>
#include <QMap>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QFrame;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QVBoxLayout;

namespace medora {

class PatientRegistry;

// Registers a new patient or edits one. Validation errors appear under the field they
// concern; a new patient that looks like one already registered is saved only after a
// second, deliberate press. When the store refuses a write (disk full, read-only), the
// dialog stays open with everything typed intact.
class PatientDialog : public QDialog
{
    Q_OBJECT

public:
    // finished() result when the user chose to open an already registered patient instead.
    static constexpr int OpenExistingResult = QDialog::Accepted + 1;

    explicit PatientDialog(PatientRegistry &registry, QWidget *parent = nullptr);
    PatientDialog(PatientRegistry &registry, const Patient &patient, QWidget *parent = nullptr);

    bool isNewPatient() const { return m_patient.localId == 0; }
    qint64 savedLocalId() const { return m_savedLocalId; }
    qint64 chosenExistingLocalId() const { return m_chosenExistingLocalId; }

    // Fills the name or phone from what was typed into the registry search.
    void prefillFromSearch(const QString &searchText);

    // The error shown under the field with key `field` ("lastName", "phone", ...), or empty.
    QString errorText(const QString &field) const;
    bool isDuplicateWarningShown() const;

    static QDate parseBirthDate(const QString &text);

    bool hasUnsavedInput() const { return m_modified; }

public slots:
    void save();
    // Asks before throwing away anything typed.
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct FieldRow
    {
        QWidget *input = nullptr; // receives focus when the field has an error
        QLabel *label = nullptr;
        QLabel *error = nullptr;
    };

    void buildUi();
    void retranslateUi();
    void addRow(QGridLayout *grid, int &row, const QString &field, QWidget *input,
                QWidget *inputRow = nullptr);
    QPlainTextEdit *addTextBlock(QVBoxLayout *column, const QString &field);
    void loadPatient();
    Patient patientFromInputs() const;
    FieldErrors collectErrors(const Patient &patient) const;
    void clearErrors();
    void showErrors(const FieldErrors &errors);
    void showDuplicates(const QList<Patient> &duplicates);
    void showSaveError(const QString &message);
    void updateSaveErrorText();
    bool confirmDiscard();
    void updateBirthDateMode();
    void onInputEdited();
    void openChosenExisting();

    PatientRegistry &m_registry;
    Patient m_patient; // the stored version when editing; carries id, number, sync fields
    qint64 m_savedLocalId = 0;
    qint64 m_chosenExistingLocalId = 0;
    bool m_duplicatesAcknowledged = false;
    bool m_showingErrors = false;
    bool m_modified = false;
    // The store's reason for the last refused save, kept to word the banner again after a
    // language switch; empty when the registry was not open.
    QString m_saveErrorReason;

    QMap<QString, FieldRow> m_rows;
    QLabel *m_numberLabel = nullptr;
    QLabel *m_generalError = nullptr;
    QLabel *m_saveError = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_fatherName = nullptr;
    QWidget *m_sexBox = nullptr;
    QButtonGroup *m_sexGroup = nullptr;
    QRadioButton *m_male = nullptr;
    QRadioButton *m_female = nullptr;
    QLineEdit *m_birthDate = nullptr;
    QCheckBox *m_ageOnly = nullptr;
    QLabel *m_ageLabel = nullptr;
    QSpinBox *m_age = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_address = nullptr;
    QPlainTextEdit *m_allergies = nullptr;
    QPlainTextEdit *m_medications = nullptr;
    QPlainTextEdit *m_history = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QFrame *m_duplicatePanel = nullptr;
    QLabel *m_duplicateTitle = nullptr;
    QListWidget *m_duplicateList = nullptr;
    QLabel *m_duplicateHint = nullptr;
    QPushButton *m_openExisting = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace medora
