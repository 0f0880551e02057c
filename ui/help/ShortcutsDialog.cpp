#include "help/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace medora {

namespace {

QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text.trimmed();
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setColumnCount(2);
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 520);
    rebuild();
}

void ShortcutsDialog::setSections(const QList<Section> &sections)
{
    m_sections = sections;
    rebuild();
}

void ShortcutsDialog::changeEvent(QEvent *event)
{
    // The actions' texts are retranslated by their owners first; this reads them again.
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QDialog::changeEvent(event);
}

void ShortcutsDialog::rebuild()
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_intro->setText(tr("Everything in Medora can be done from the keyboard. Tab moves between fields; "
                        "these keys do the rest."));
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->clear();
    for (const Section &section : std::as_const(m_sections)) {
        if (!section.root)
            continue;
        const Qt::FindChildOptions depth =
            section.ownActionsOnly ? Qt::FindDirectChildrenOnly : Qt::FindChildrenRecursively;
        QList<QTreeWidgetItem *> rows;
        QStringList seen;
        for (const QAction *action : section.root->findChildren<QAction *>(QString(), depth)) {
            const QList<QKeySequence> keys = action->shortcuts();
            const QString text = plainText(action);
            if (keys.isEmpty() || text.isEmpty() || action->isSeparator())
                continue;
            QStringList keyTexts;
            for (const QKeySequence &key : keys)
                keyTexts << key.toString(QKeySequence::NativeText);
            const QString line = text + QLatin1Char('\t') + keyTexts.join(QStringLiteral(", "));
            if (seen.contains(line))
                continue;
            seen << line;
            rows << new QTreeWidgetItem({text, keyTexts.join(QStringLiteral(", "))});
        }
        if (rows.isEmpty())
            continue;
        auto *heading = new QTreeWidgetItem(m_list, {section.title});
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        heading->setFirstColumnSpanned(true);
        m_list->addTopLevelItems(rows);
    }
}

} // namespace medora
