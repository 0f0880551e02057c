#pragma once

#include "domain/LegalDocument.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace medora {

// The terms of use and the privacy policy, one tab each, as Markdown. To accept, the person
// ticks that they read and accept both (ConsentDialog::Accept); for reading during sign-up
// the dialog only shows them (ConsentDialog::Read). The texts stay in the language they were
// fetched in; the versions shown are the versions accepted.
class ConsentDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Accept,
        Read
    };

    ConsentDialog(const LegalDocument &terms, const LegalDocument &privacy, Mode mode,
                  QWidget *parent = nullptr);

    QString termsVersion() const { return m_terms.version; }
    QString privacyVersion() const { return m_privacy.version; }
    QString language() const { return m_terms.language; }
    QCheckBox *acceptBox() const { return m_acceptBox; }
    QPushButton *acceptButton() const { return m_acceptButton; }
    QTextBrowser *termsView() const { return m_termsView; }
    QTextBrowser *privacyView() const { return m_privacyView; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    LegalDocument m_terms;
    LegalDocument m_privacy;
    Mode m_mode;
    QLabel *m_intro = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTextBrowser *m_termsView = nullptr;
    QTextBrowser *m_privacyView = nullptr;
    QCheckBox *m_acceptBox = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_acceptButton = nullptr;
    QPushButton *m_declineButton = nullptr;
};

} // namespace medora
