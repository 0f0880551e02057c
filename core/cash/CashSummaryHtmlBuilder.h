#pragma once

#include "cash/CashSummary.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace medora {

// The printable day's cash summary (A4): totals per method and per receptionist, each with
// payments, reversals and net, and the day's total.
class CashSummaryHtmlBuilder
{
    Q_DECLARE_TR_FUNCTIONS(CashSummaryHtmlBuilder)

public:
    // `nameOf` turns a user id into the staff member's name (empty when unknown).
    CashSummaryHtmlBuilder(const CashSummary &summary, std::function<QString(const QString &)> nameOf);

    QString title() const;
    QString bodyHtml() const; // every user text escaped
    // The receptionist's name, or a recognisable stand-in when the directory lacks them.
    static QString staffName(const QString &userId, const std::function<QString(const QString &)> &nameOf);

private:
    CashSummary m_summary;
    std::function<QString(const QString &)> m_nameOf;
};

} // namespace medora
