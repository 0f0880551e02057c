#include "auth/ConsentGate.h"

#include "auth/ConsentDialog.h"
#include "session/ConsentCheck.h"
#include "session/SessionManager.h"

#include <QLocale>
#include <QWidget>

namespace medora {

ConsentGate::ConsentGate(SessionManager &session, QWidget *window)
    : QObject(window), m_session(session), m_window(window), m_check(new ConsentCheck(session, this))
{
    connect(&m_session, &SessionManager::signedIn, this, [this] {
        m_check->check(QLocale().language() == QLocale::Russian ? QStringLiteral("ru")
                                                                : QStringLiteral("uz"));
    });
    connect(&m_session, &SessionManager::signedOut, this, [this] {
        if (m_dialog)
            m_dialog->close();
    });
    connect(m_check, &ConsentCheck::consentRequired, this, &ConsentGate::show);
    connect(m_check, &ConsentCheck::accepted, this, &ConsentGate::consentRecorded);
    connect(m_check, &ConsentCheck::upToDate, this, &ConsentGate::upToDate);
}

void ConsentGate::show(const LegalDocument &terms, const LegalDocument &privacy)
{
    if (m_dialog)
        return;
    m_dialog = new ConsentDialog(terms, privacy, ConsentDialog::Mode::Accept, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    connect(m_dialog.data(), &QDialog::finished, this, [this, terms, privacy](int result) {
        if (result == QDialog::Accepted) {
            m_check->accept(terms.version, privacy.version, terms.language);
            return;
        }
        if (m_session.hasSession()) {
            emit consentDeclined();
            m_session.signOut();
        }
    });
    m_dialog->open();
}

} // namespace medora
