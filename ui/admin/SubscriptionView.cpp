#include "admin/SubscriptionView.h"

#include "session/SessionManager.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>

namespace medora {

SubscriptionView::SubscriptionView(SessionManager &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_client(new SubscriptionClient(session, this))
{
    m_planTitle = new QLabel(this);
    m_plan = new QLabel(this);
    m_plan->setObjectName(QStringLiteral("subscriptionPlan"));
    m_statusTitle = new QLabel(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("subscriptionStatus"));
    m_paidUntilTitle = new QLabel(this);
    m_paidUntil = new QLabel(this);
    m_paidUntil->setObjectName(QStringLiteral("subscriptionPaidUntil"));
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("subscriptionExplanation"));
    m_explanation->setWordWrap(true);
    m_amountTitle = new QLabel(this);
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("receiptAmount"));
    m_amount->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{1,16}")), m_amount));
    m_amountTitle->setBuddy(m_amount);
    m_choose = new QPushButton(this);
    m_choose->setObjectName(QStringLiteral("chooseReceipt"));
    m_file = new QLabel(this);
    m_file->setObjectName(QStringLiteral("receiptFile"));
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendReceipt"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("subscriptionMessage"));
    m_message->setWordWrap(true);
    m_receipts = new QTableWidget(0, 3, this);
    m_receipts->setObjectName(QStringLiteral("receiptTable"));
    m_receipts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_receipts->verticalHeader()->hide();
    m_receipts->horizontalHeader()->setStretchLastSection(true);

    auto *form = new QFormLayout;
    form->addRow(m_planTitle, m_plan);
    form->addRow(m_statusTitle, m_status);
    form->addRow(m_paidUntilTitle, m_paidUntil);
    auto *upload = new QHBoxLayout;
    upload->addWidget(m_amountTitle);
    upload->addWidget(m_amount);
    upload->addWidget(m_choose);
    upload->addWidget(m_file, 1);
    upload->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_explanation);
    layout->addLayout(upload);
    layout->addWidget(m_message);
    layout->addWidget(m_receipts, 1);

    connect(m_choose, &QPushButton::clicked, this, &SubscriptionView::chooseReceipt);
    connect(m_send, &QPushButton::clicked, this, &SubscriptionView::sendReceipt);
    connect(m_amount, &QLineEdit::textChanged, this, &SubscriptionView::updateButtons);
    connect(m_client, &SubscriptionClient::statusChanged, this, &SubscriptionView::showStatus);
    connect(m_client, &SubscriptionClient::failed, this, [this](const ApiError &error) {
        m_message->setText(errorText(error));
        updateButtons();
    });
    connect(m_client, &SubscriptionClient::receiptUploaded, this, [this] {
        m_receipt.clear();
        m_receiptName.clear();
        m_amount->clear();
        m_file->clear();
        m_message->setText(
            tr("The receipt was sent. The subscription is renewed as soon as it is approved."));
        updateButtons();
    });
    retranslateUi();
}

void SubscriptionView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SubscriptionView::retranslateUi()
{
    m_planTitle->setText(tr("Plan:"));
    m_statusTitle->setText(tr("Status:"));
    m_paidUntilTitle->setText(tr("Paid until:"));
    m_amountTitle->setText(tr("Amount paid (so‘m):"));
    m_choose->setText(tr("Choose rece&ipt…"));
    m_send->setText(tr("Send receipt"));
    m_receipts->setHorizontalHeaderLabels({tr("Sent"), tr("Amount (so‘m)"), tr("State")});
    m_receipts->setAccessibleName(tr("Receipts sent"));
    if (m_client->status())
        showStatus(*m_client->status());
    updateButtons();
}

void SubscriptionView::reload()
{
    if (m_session.isSignedIn())
        m_client->refresh();
}

void SubscriptionView::showStatus(const SubscriptionStatus &status)
{
    m_plan->setText(status.planText());
    m_status->setText(status.statusText());
    m_paidUntil->setText(QLocale().toString(status.paidUntil.toLocalTime(), QLocale::ShortFormat));
    m_explanation->setText(status.explanation(QDateTime::currentDateTimeUtc()));
    m_receipts->setRowCount(int(status.receipts.size()));
    for (int row = 0; row < status.receipts.size(); ++row) {
        const SubscriptionReceiptInfo &receipt = status.receipts.at(row);
        m_receipts->setItem(
            row, 0,
            new QTableWidgetItem(QLocale().toString(receipt.createdAt.toLocalTime(), QLocale::ShortFormat)));
        m_receipts->setItem(row, 1, new QTableWidgetItem(QLocale().toString(receipt.amount)));
        m_receipts->setItem(row, 2,
                            new QTableWidgetItem(SubscriptionStatus::receiptStateText(receipt.state)));
    }
    if (!status.receiptsAvailable)
        m_message->setText(tr("This server cannot take receipts yet; ask the Medora operator how to pay."));
    updateButtons();
}

void SubscriptionView::updateButtons()
{
    const bool available = m_client->status() && m_client->status()->receiptsAvailable;
    const qint64 amount = QString(m_amount->text()).remove(QLatin1Char(' ')).toLongLong();
    m_choose->setEnabled(available);
    m_send->setEnabled(available && m_session.isSignedIn() && !m_client->isBusy() && !m_receipt.isEmpty() &&
                       amount > 0);
}

bool SubscriptionView::setReceiptFile(const QString &path)
{
    QString error;
    const QByteArray content = SubscriptionClient::readReceipt(path, &error);
    if (content.isEmpty()) {
        m_message->setText(error);
        m_receipt.clear();
        m_file->clear();
        updateButtons();
        return false;
    }
    m_receipt = content;
    m_receiptName = QFileInfo(path).fileName();
    m_file->setText(m_receiptName);
    m_message->clear();
    updateButtons();
    return true;
}

void SubscriptionView::chooseReceipt()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Payment receipt"), QString(), tr("Receipts (*.jpg *.jpeg *.png *.pdf);;All files (*)"));
    if (!path.isEmpty())
        setReceiptFile(path);
}

void SubscriptionView::sendReceipt()
{
    const qint64 amount = QString(m_amount->text()).remove(QLatin1Char(' ')).toLongLong();
    if (amount <= 0 || m_receipt.isEmpty())
        return;
    m_message->setText(tr("Sending the receipt…"));
    m_client->uploadReceipt(amount, m_receipt);
    updateButtons();
}

QString SubscriptionView::errorText(const ApiError &error) const
{
    if (error.isNetworkFailure() || error.code == ApiError::offlineCode())
        return tr("The server cannot be reached; try again when online.");
    if (error.code == QLatin1String("invalid_receipt"))
        return tr("The receipt must be a photo (JPEG or PNG) or a PDF.");
    if (error.code == QLatin1String("receipt_too_large"))
        return tr("The receipt file is too large.");
    if (error.code == QLatin1String("invalid_amount"))
        return tr("Enter the amount paid in so‘m.");
    if (error.code == QLatin1String("too_many_pending_receipts"))
        return tr("Earlier receipts are still waiting for approval.");
    if (error.code == QLatin1String("receipts_unavailable"))
        return tr("This server cannot take receipts yet; ask the Medora operator how to pay.");
    return tr("The server refused the request (%1).").arg(error.code);
}

} // namespace medora
