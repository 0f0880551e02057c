#include "cabinet/PhrasePicker.h"

#include "charting/ReportVocabulary.h"

#include <QComboBox>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace medora {

PhrasePicker::PhrasePicker(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("phrasePicker"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_specialty = new QComboBox(this);
    m_specialty->setObjectName(QStringLiteral("specialtyBox"));
    m_title->setBuddy(m_specialty);
    m_sectionLabel = new QLabel(this);
    m_sectionLabel->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("phraseList"));
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("templateErrors"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(palette);
    m_error->hide();
    m_insert = new QPushButton(this);
    m_insert->setObjectName(QStringLiteral("insertPhraseButton"));
    m_insert->setAutoDefault(false);
    layout->addWidget(m_title);
    layout->addWidget(m_specialty);
    layout->addWidget(m_sectionLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_insert);
    connect(m_specialty, &QComboBox::currentIndexChanged, this, &PhrasePicker::fillPhrases);
    connect(m_list, &QListWidget::itemActivated, this, &PhrasePicker::insertCurrent);
    connect(m_insert, &QPushButton::clicked, this, &PhrasePicker::insertCurrent);
    setTabOrder(m_specialty, m_list);
    setTabOrder(m_list, m_insert);
    retranslateUi();
}

void PhrasePicker::loadLanguage(const QString &language, const QString &folder)
{
    const QString keep = specialty();
    m_library.load(language, folder);
    {
        const QSignalBlocker blocker(m_specialty);
        m_specialty->clear();
        for (const ReportTemplate &item : m_library.templates())
            m_specialty->addItem(item.title, item.specialty);
    }
    if (keep.isEmpty() || !selectSpecialty(keep))
        m_specialty->setCurrentIndex(m_specialty->count() > 0 ? 0 : -1);
    // A broken template file is named for whoever maintains the clinic's templates; the
    // others keep working.
    m_error->setText(m_library.errors().join(QLatin1Char('\n')));
    m_error->setVisible(!m_library.errors().isEmpty());
    fillPhrases();
}

void PhrasePicker::setSection(const QString &sectionKey)
{
    if (m_section == sectionKey)
        return;
    m_section = sectionKey;
    retranslateUi();
    fillPhrases();
}

bool PhrasePicker::selectSpecialty(const QString &specialty)
{
    const int index = m_specialty->findData(specialty);
    if (index < 0)
        return false;
    m_specialty->setCurrentIndex(index);
    fillPhrases();
    return true;
}

QString PhrasePicker::specialty() const
{
    return m_specialty->currentData().toString();
}

QStringList PhrasePicker::phrases() const
{
    const std::optional<ReportTemplate> chosen = m_library.find(specialty());
    return chosen ? chosen->phrases.value(m_section) : QStringList();
}

void PhrasePicker::insertCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    emit phraseChosen(item->text());
}

void PhrasePicker::fillPhrases()
{
    m_list->clear();
    const QStringList list = phrases();
    for (const QString &phrase : list)
        m_list->addItem(phrase);
    if (list.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No phrases for this section in this template."), m_list);
        none->setFlags(Qt::NoItemFlags);
    } else {
        m_list->setCurrentRow(0);
    }
}

void PhrasePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PhrasePicker::retranslateUi()
{
    m_title->setText(tr("Sp&ecialty template:"));
    m_specialty->setAccessibleName(tr("Specialty template"));
    m_sectionLabel->setText(tr("Phrases for: %1").arg(ReportVocabulary::sectionTitle(m_section)));
    m_list->setAccessibleName(tr("Template phrases for %1").arg(ReportVocabulary::sectionTitle(m_section)));
    m_insert->setText(tr("&Insert phrase"));
    m_insert->setToolTip(tr("Inserts the chosen phrase at the cursor of the section being written"));
}

} // namespace medora
