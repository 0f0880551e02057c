#pragma once

#include "domain/Report.h"

#include <QMap>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;

namespace medora {

// The vital signs of a report: one field per measure with its unit beside it. A value
// outside the plausible range is flagged in words under the field and still saved as typed;
// a value that is not a number (yet) is flagged and left out of the saved draft until
// corrected, while it stays in the field.
class VitalsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit VitalsEditor(QWidget *parent = nullptr);

    void setVitals(const QList<Vital> &vitals);
    // The vitals that can be stored: well-formed values with the sync format's units.
    QList<Vital> vitals() const;
    void setReadOnly(bool readOnly);

    QLineEdit *field(const QString &code) const { return m_fields.value(code); }
    QString warningText(const QString &code) const;
    QString pressureWarningText() const;
    QList<QWidget *> focusChain() const;

signals:
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateWarning(const QString &code);
    void updatePressureWarning();

    QMap<QString, QLineEdit *> m_fields;
    QMap<QString, QLabel *> m_names;
    QMap<QString, QLabel *> m_warnings;
    QLabel *m_pressureWarning = nullptr;
    QStringList m_codes;
};

} // namespace medora
