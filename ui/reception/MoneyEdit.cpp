#include "reception/MoneyEdit.h"

#include "cash/MoneyText.h"

#include <QEvent>
#include <QLocale>
#include <QTimer>

namespace medora {

MoneyEdit::MoneyEdit(QWidget *parent) : QLineEdit(parent)
{
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setInputMethodHints(Qt::ImhDigitsOnly);
    connect(this, &QLineEdit::textEdited, this, &MoneyEdit::regroup);
}

void MoneyEdit::regroup()
{
    m_shownLocale = QLocale();
    int cursor = cursorPosition();
    const QString grouped = MoneyText::regroup(text(), QLocale(), &cursor);
    if (grouped == text())
        return;
    setText(grouped);
    setCursorPosition(cursor);
}

void MoneyEdit::changeEvent(QEvent *event)
{
    // A language switch changes the separator. LanguageManager sets the default locale only
    // after the translators (which send LanguageChange), so the new one is read a moment later.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange)
        QTimer::singleShot(0, this, &MoneyEdit::relocalise);
    QLineEdit::changeEvent(event);
}

void MoneyEdit::relocalise()
{
    if (m_shownLocale == QLocale())
        return;
    // Read with the separators it was typed with: "150,000" is 150 thousand in English but
    // one hundred and fifty in Russian.
    const MoneyText::Parsed parsed = MoneyText::parse(text(), m_shownLocale);
    m_shownLocale = QLocale();
    if (parsed.ok())
        setText(MoneyText::format(parsed.amount, m_shownLocale));
}

} // namespace medora
