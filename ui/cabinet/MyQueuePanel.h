#pragma once

#include "domain/Patient.h"
#include "domain/Visit.h"

#include <QDate>
#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace medora {

class CabinetQueue;
class ChartLoader;

// "My queue": the signed-in doctor's patients of the day in calling order, and the three
// steps the doctor takes with them (call next, start, finish). The steps write through
// CabinetQueue, so the desk and the wall display see them once synced or reloaded.
class MyQueuePanel : public QWidget
{
    Q_OBJECT

public:
    MyQueuePanel(CabinetQueue &queue, ChartLoader &loader, QWidget *parent = nullptr);

    void setDay(const QDate &day);
    QDate day() const { return m_day; }
    QList<Visit> visits() const { return m_visits; }
    std::optional<Visit> currentVisit() const;
    bool selectVisit(qint64 localId);
    QString patientName(const QUuid &patientId) const;

    QTableWidget *table() const { return m_table; }
    QString errorText() const;
    QPushButton *callNextButton() const { return m_callNext; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *finishButton() const { return m_finish; }

public slots:
    void reload();
    bool callNext();
    bool startCurrent();
    bool finishCurrent();
    bool markNoShowCurrent();

signals:
    // The chosen row changed to another visit (also after call next).
    void visitChosen(const medora::Visit &visit);
    void visitStarted(const medora::Visit &visit);
    void visitFinished(const medora::Visit &visit);
    void localChange();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillTable();
    void updateButtons();
    void showError(const QString &message);
    void afterWrite(qint64 localId);
    void onCurrentRowChanged();

    CabinetQueue &m_queue;
    ChartLoader &m_loader;
    QDate m_day;
    QList<Visit> m_visits;
    QHash<QUuid, Patient> m_patients;
    qint64 m_chosen = 0;
    QLabel *m_title = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_callNext = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_finish = nullptr;
    QPushButton *m_noShow = nullptr;
};

} // namespace medora
