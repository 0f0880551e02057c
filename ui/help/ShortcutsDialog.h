#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QTreeWidget;

namespace medora {

// The keyboard help (F1): every action that has a shortcut, read from the live widgets, so
// the list cannot drift from what the keys really do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Section
    {
        QString title;
        QPointer<QWidget> root;
        bool ownActionsOnly = false; // the window's own actions, not those of its pages
    };

    explicit ShortcutsDialog(QWidget *parent = nullptr);
    void setSections(const QList<Section> &sections);
    QTreeWidget *list() const { return m_list; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QList<Section> m_sections;
    QLabel *m_intro = nullptr;
    QTreeWidget *m_list = nullptr;
};

} // namespace medora
