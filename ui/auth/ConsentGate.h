#pragma once

#include "auth/ConsentDialog.h"
#include "domain/LegalDocument.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace medora {

class ConsentCheck;
class SessionManager;

// After every online sign-in: when the server has published terms of use or a privacy policy
// newer than this account accepted, the texts are shown window-modal and work continues only
// after they are accepted (recorded on the server with their versions); declining signs out.
// A check that cannot reach the server is asked again at the next sign-in.
class ConsentGate : public QObject
{
    Q_OBJECT

public:
    ConsentGate(SessionManager &session, QWidget *window);

    ConsentDialog *dialog() const { return m_dialog; }

signals:
    void upToDate(); // the account had accepted the current versions
    void consentRecorded();
    void consentDeclined();

private:
    void show(const LegalDocument &terms, const LegalDocument &privacy);

    SessionManager &m_session;
    QPointer<QWidget> m_window;
    ConsentCheck *m_check = nullptr;
    QPointer<ConsentDialog> m_dialog;
};

} // namespace medora
