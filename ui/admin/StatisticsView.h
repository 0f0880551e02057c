#pragma once

#include "admin/VisitStatistics.h"

#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace medora {

class ClinicDirectory;
class Database;

// Visits and payments of a period from this PC's local store (VisitStatistics): a bar chart
// of visits per day, visits per doctor and status, and payments per method with reversals
// netted, in integer so'm with the language's thousands separators.
class StatisticsView : public QWidget
{
    Q_OBJECT

public:
    StatisticsView(Database &database, ClinicDirectory &clinic, QWidget *parent = nullptr);

    void setPeriod(const QDate &from, const QDate &to);
    VisitStatistics statistics() const { return m_statistics; }
    QString totalsText() const;
    QString errorText() const;
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QComboBox *presetCombo() const { return m_preset; }
    QChartView *chartView() const { return m_chartView; }
    QBarSet *visitBars() const { return m_bars; }
    QTableWidget *methodTable() const { return m_methods; }
    QTableWidget *doctorTable() const { return m_doctors; }
    QTableWidget *statusTable() const { return m_statuses; }

public slots:
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyPreset(int index);
    void fill();
    void fillChart();

    Database &m_database;
    ClinicDirectory &m_clinic;
    VisitStatistics m_statistics;
    QString m_error;

    QLabel *m_presetLabel = nullptr;
    QComboBox *m_preset = nullptr;
    QLabel *m_periodLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_show = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QBarSet *m_bars = nullptr;
    QLabel *m_methodTitle = nullptr;
    QTableWidget *m_methods = nullptr;
    QLabel *m_doctorTitle = nullptr;
    QTableWidget *m_doctors = nullptr;
    QTableWidget *m_statuses = nullptr;
    QLabel *m_totals = nullptr;
};

} // namespace medora
