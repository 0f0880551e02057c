#pragma once

#include "cash/CashSummary.h"

#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace medora {

class ClinicDirectory;
class PaymentService;
class ReceptionPrinter;

// A day's cash summary: totals per payment method and per receptionist, reversals netted,
// for the day chosen (today by default); printable.
class CashSummaryView : public QWidget
{
    Q_OBJECT

public:
    CashSummaryView(PaymentService &payments, ClinicDirectory &clinic, ReceptionPrinter &printer,
                    QWidget *parent = nullptr);

    QDateEdit *dayEdit() const { return m_day; }
    QTableWidget *methodTable() const { return m_byMethod; }
    QTableWidget *receptionistTable() const { return m_byPerson; }
    QPushButton *printButton() const { return m_print; }
    CashSummary summary() const { return m_summary; }
    QString totalText() const;
    void setDay(const QDate &day);

public slots:
    void reload();
    bool print();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fill(QTableWidget *table, const QList<QPair<QString, CashTotals>> &rows);
    QString nameOf(const QString &userId) const;

    PaymentService &m_payments;
    ClinicDirectory &m_clinic;
    ReceptionPrinter &m_printer;
    CashSummary m_summary;
    QLabel *m_dayLabel = nullptr;
    QDateEdit *m_day = nullptr;
    QPushButton *m_print = nullptr;
    QLabel *m_methodTitle = nullptr;
    QTableWidget *m_byMethod = nullptr;
    QLabel *m_personTitle = nullptr;
    QTableWidget *m_byPerson = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace medora
