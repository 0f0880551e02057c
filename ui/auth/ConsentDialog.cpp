#include "auth/ConsentDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace medora {

ConsentDialog::ConsentDialog(const LegalDocument &terms, const LegalDocument &privacy, Mode mode,
                             QWidget *parent)
    : QDialog(parent), m_terms(terms), m_privacy(privacy), m_mode(mode)
{
    setObjectName(QStringLiteral("consentDialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_tabs = new QTabWidget(this);
    m_termsView = new QTextBrowser(m_tabs);
    m_termsView->setObjectName(QStringLiteral("termsView"));
    m_termsView->setOpenExternalLinks(false);
    m_termsView->setMarkdown(terms.markdown);
    m_privacyView = new QTextBrowser(m_tabs);
    m_privacyView->setObjectName(QStringLiteral("privacyView"));
    m_privacyView->setOpenExternalLinks(false);
    m_privacyView->setMarkdown(privacy.markdown);
    m_tabs->addTab(m_termsView, QString());
    m_tabs->addTab(m_privacyView, QString());
    layout->addWidget(m_tabs, 1);
    m_acceptBox = new QCheckBox(this);
    m_acceptBox->setObjectName(QStringLiteral("acceptBox"));
    m_acceptBox->setVisible(mode == Mode::Accept);
    layout->addWidget(m_acceptBox);
    m_buttons = new QDialogButtonBox(this);
    if (mode == Mode::Accept) {
        m_acceptButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
        m_acceptButton->setObjectName(QStringLiteral("acceptButton"));
        m_acceptButton->setEnabled(false);
        m_declineButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
        connect(m_acceptBox, &QCheckBox::toggled, m_acceptButton, &QPushButton::setEnabled);
    } else {
        m_declineButton = m_buttons->addButton(QDialogButtonBox::Close);
    }
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    const QFontMetrics metrics = fontMetrics();
    resize(metrics.averageCharWidth() * 90, metrics.lineSpacing() * 32);
}

void ConsentDialog::retranslateUi()
{
    setWindowTitle(m_mode == Mode::Accept ? tr("Terms of use and privacy policy") : tr("Read the terms"));
    m_intro->setText(
        m_mode == Mode::Accept
            ? tr("The terms of use or the privacy policy have changed (terms version %1, privacy "
                 "policy version %2). Please read them and accept them to continue working.")
                  .arg(m_terms.version, m_privacy.version)
            : tr("Terms of use version %1 and privacy policy version %2.")
                  .arg(m_terms.version, m_privacy.version));
    m_tabs->setTabText(0, tr("Terms of use"));
    m_tabs->setTabText(1, tr("Privacy policy"));
    // A screen reader names each text by its tab.
    m_termsView->setAccessibleName(m_tabs->tabText(0));
    m_privacyView->setAccessibleName(m_tabs->tabText(1));
    m_acceptBox->setText(tr("I have read and accept the terms of use and the privacy policy"));
    if (m_acceptButton)
        m_acceptButton->setText(tr("&Accept and continue"));
    if (m_declineButton && m_mode == Mode::Accept)
        m_declineButton->setText(tr("Decline and sign out"));
}

void ConsentDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace medora
