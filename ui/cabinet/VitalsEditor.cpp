#include "cabinet/VitalsEditor.h"

#include "charting/ReportVocabulary.h"
#include "charting/VitalRanges.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace medora {

namespace {

void makeWarningLabel(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb2, 0x5e, 0x00));
    label->setPalette(palette);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
}

} // namespace

VitalsEditor::VitalsEditor(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("vitalsEditor"));
    m_codes = ReportVocabulary::vitalCodes();
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    // Two columns of measures, each: name, field, unit; the warning spans the row under it.
    const int perColumn = int((m_codes.size() + 1) / 2);
    const int fieldWidth = fontMetrics().horizontalAdvance(QStringLiteral("00000.00")) + 16;
    QWidget *previous = nullptr;
    for (int i = 0; i < m_codes.size(); ++i) {
        const QString &code = m_codes[i];
        const int row = (i % perColumn) * 2;
        const int column = (i / perColumn) * 4;
        auto *name = new QLabel(this);
        auto *edit = new QLineEdit(this);
        edit->setObjectName(code + QStringLiteral("Edit"));
        edit->setMaximumWidth(fieldWidth);
        edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        name->setBuddy(edit);
        auto *unit = new QLabel(ReportVocabulary::vitalUnit(code), this);
        auto *warning = new QLabel(this);
        warning->setObjectName(code + QStringLiteral("Warning"));
        makeWarningLabel(warning);
        grid->addWidget(name, row, column);
        grid->addWidget(edit, row, column + 1);
        grid->addWidget(unit, row, column + 2);
        grid->addWidget(warning, row + 1, column, 1, 3);
        m_fields.insert(code, edit);
        m_names.insert(code, name);
        m_warnings.insert(code, warning);
        connect(edit, &QLineEdit::textChanged, this, [this, code] {
            updateWarning(code);
            if (code.startsWith(QLatin1String("bp_")))
                updatePressureWarning();
        });
        connect(edit, &QLineEdit::textEdited, this, &VitalsEditor::edited);
        if (previous)
            setTabOrder(previous, edit);
        previous = edit;
    }
    grid->setColumnStretch(3, 1);
    grid->setColumnMinimumWidth(3, fontMetrics().averageCharWidth() * 3);
    m_pressureWarning = new QLabel(this);
    m_pressureWarning->setObjectName(QStringLiteral("pressureWarning"));
    makeWarningLabel(m_pressureWarning);
    grid->addWidget(m_pressureWarning, perColumn * 2, 0, 1, 8);
    retranslateUi();
}

void VitalsEditor::setVitals(const QList<Vital> &vitals)
{
    for (QLineEdit *edit : std::as_const(m_fields)) {
        const QSignalBlocker blocker(edit);
        edit->clear();
    }
    for (const Vital &vital : vitals) {
        if (QLineEdit *edit = m_fields.value(vital.code)) {
            const QSignalBlocker blocker(edit);
            edit->setText(vital.value);
        }
    }
    for (const QString &code : std::as_const(m_codes))
        updateWarning(code);
    updatePressureWarning();
}

QList<Vital> VitalsEditor::vitals() const
{
    QList<Vital> result;
    for (const QString &code : m_codes) {
        const QString typed = m_fields.value(code)->text();
        const VitalRanges::Verdict verdict = VitalRanges::check(code, typed);
        if (verdict == VitalRanges::Verdict::Plausible || verdict == VitalRanges::Verdict::Implausible)
            result.append(Vital{code, VitalRanges::normalized(typed), ReportVocabulary::vitalUnit(code)});
    }
    return result;
}

void VitalsEditor::setReadOnly(bool readOnly)
{
    for (QLineEdit *edit : std::as_const(m_fields))
        edit->setReadOnly(readOnly);
}

QString VitalsEditor::warningText(const QString &code) const
{
    const QLabel *label = m_warnings.value(code);
    return label && !label->isHidden() ? label->text() : QString();
}

QString VitalsEditor::pressureWarningText() const
{
    return m_pressureWarning->isHidden() ? QString() : m_pressureWarning->text();
}

QList<QWidget *> VitalsEditor::focusChain() const
{
    QList<QWidget *> chain;
    for (const QString &code : m_codes)
        chain << m_fields.value(code);
    return chain;
}

void VitalsEditor::updateWarning(const QString &code)
{
    QLabel *warning = m_warnings.value(code);
    QLineEdit *edit = m_fields.value(code);
    const VitalRanges::Verdict verdict = VitalRanges::check(code, edit->text());
    const QLocale locale;
    QString text;
    if (verdict == VitalRanges::Verdict::Malformed) {
        text = tr("Type a number such as %1. Until then this value is not saved.")
                   .arg(locale.toString(36.6, 'f', 1));
    } else if (verdict == VitalRanges::Verdict::Implausible) {
        const VitalRanges::Range range = VitalRanges::range(code);
        text = tr("%1 %2 is outside the plausible range (%3–%4 %2). Check it; it is saved as typed.")
                   .arg(VitalRanges::normalized(edit->text()), ReportVocabulary::vitalUnit(code),
                        locale.toString(range.low), locale.toString(range.high));
    }
    warning->setText(text);
    warning->setVisible(!text.isEmpty());
    edit->setAccessibleDescription(text);
}

void VitalsEditor::updatePressureWarning()
{
    const bool swapped = VitalRanges::pressuresSwapped(vitals());
    m_pressureWarning->setText(swapped ? tr("The systolic pressure is not above the diastolic one. Are the "
                                            "two values swapped?")
                                       : QString());
    m_pressureWarning->setVisible(swapped);
}

void VitalsEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void VitalsEditor::retranslateUi()
{
    for (const QString &code : std::as_const(m_codes)) {
        m_names.value(code)->setText(ReportVocabulary::vitalName(code));
        m_fields.value(code)->setAccessibleName(
            tr("%1, %2").arg(ReportVocabulary::vitalName(code), ReportVocabulary::vitalUnit(code)));
        updateWarning(code);
    }
    updatePressureWarning();
    setAccessibleName(ReportVocabulary::sectionTitle(QStringLiteral("vitals")));
}

} // namespace medora
