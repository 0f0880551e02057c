#pragma once

#include "subscription/SubscriptionClient.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace medora {

class SessionManager;

// The clinic admin's subscription tab: plan, status and paid-until as the server enforces
// them (and, when expired, why new visits and AI are refused), the receipts sent so far, and
// sending a payment receipt (a photo or PDF of it, with the amount) for the operators to
// approve. Read again when the page is reloaded, so an approval shows after the next sync.
class SubscriptionView : public QWidget
{
    Q_OBJECT

public:
    explicit SubscriptionView(SessionManager &session, QWidget *parent = nullptr);

    SubscriptionClient &client() { return *m_client; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *explanationLabel() const { return m_explanation; }
    QLineEdit *amountEdit() const { return m_amount; }
    QPushButton *chooseButton() const { return m_choose; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *messageLabel() const { return m_message; }
    QTableWidget *receiptTable() const { return m_receipts; }

    // A file as if chosen in the dialog (tests); false with the reason shown when unusable.
    bool setReceiptFile(const QString &path);

public slots:
    void reload();
    void chooseReceipt();
    void sendReceipt();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showStatus(const SubscriptionStatus &status);
    void updateButtons();
    QString errorText(const ApiError &error) const;

    SessionManager &m_session;
    SubscriptionClient *m_client = nullptr;
    QLabel *m_planTitle = nullptr;
    QLabel *m_plan = nullptr;
    QLabel *m_statusTitle = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_paidUntilTitle = nullptr;
    QLabel *m_paidUntil = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_amountTitle = nullptr;
    QLineEdit *m_amount = nullptr;
    QPushButton *m_choose = nullptr;
    QLabel *m_file = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_message = nullptr;
    QTableWidget *m_receipts = nullptr;
    QByteArray m_receipt;
    QString m_receiptName;
};

} // namespace medora
