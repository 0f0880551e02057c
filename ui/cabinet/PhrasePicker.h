#pragma once

#include "charting/TemplateLibrary.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace medora {

// The specialty templates beside the report: a specialty, and the phrases it has for the
// section being written. Enter or double click inserts the chosen phrase (the editor puts it
// at the cursor of that section). The phrases are in the UI's language.
class PhrasePicker : public QWidget
{
    Q_OBJECT

public:
    explicit PhrasePicker(QWidget *parent = nullptr);

    // Loads the templates of `language` ("uz" or "ru"); the specialty chosen is kept.
    void loadLanguage(const QString &language, const QString &folder = TemplateLibrary::resourceFolder());
    QString language() const { return m_library.language(); }
    QStringList loadErrors() const { return m_library.errors(); }

    void setSection(const QString &sectionKey);
    QString section() const { return m_section; }
    bool selectSpecialty(const QString &specialty);
    QString specialty() const;
    QStringList phrases() const; // of the current specialty and section

    QListWidget *phraseList() const { return m_list; }
    QComboBox *specialtyBox() const { return m_specialty; }

public slots:
    // Emits phraseChosen() for the current phrase, if any.
    void insertCurrent();

signals:
    void phraseChosen(const QString &phrase);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillPhrases();
    void retranslateUi();

    TemplateLibrary m_library;
    QString m_section = QStringLiteral("complaints");
    QLabel *m_title = nullptr;
    QComboBox *m_specialty = nullptr;
    QLabel *m_sectionLabel = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_insert = nullptr;
};

} // namespace medora
