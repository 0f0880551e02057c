#pragma once

#include "cash/MoneyText.h"

#include <QLineEdit>
#include <QLocale>

namespace medora {

// An amount of so'm, grouped by thousands as it is typed ("150000" shows as "150 000" in
// Uzbek and Russian). Anything that is not a whole number (letters, a decimal part) stays
// as typed, for the form to name the problem; nothing typed is thrown away.
class MoneyEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit MoneyEdit(QWidget *parent = nullptr);

    // The amount typed, read with the separators of the language it is shown in.
    MoneyText::Parsed value() const { return MoneyText::parse(text(), m_shownLocale); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void regroup();
    void relocalise();

    QLocale m_shownLocale; // the language whose separators the text is written with
};

} // namespace medora
