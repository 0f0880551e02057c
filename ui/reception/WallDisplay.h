#pragma once

#include <QDate>
#include <QWidget>

class QGridLayout;
class QLabel;
class QScreen;
class QTimer;

namespace medora {

class ClinicDirectory;
class Database;
class QueueService;

// The waiting room's screen: the tickets called right now and where to go, in large
// high-contrast type readable across the room. Tickets only, never a patient's name: the
// screen is public. A top-level window meant for a second screen (showOn()), full screen
// there; Escape or a double click leaves full screen.
class WallDisplay : public QWidget
{
    Q_OBJECT

public:
    // How many called tickets the screen lists, newest call first.
    static constexpr int kMaxRows = 8;

    WallDisplay(Database &database, ClinicDirectory &clinic, QWidget *parent = nullptr);
    ~WallDisplay() override;

    // Moves the window to `screen` and shows it full screen there.
    void showOn(QScreen *screen);

    struct Row
    {
        int ticket = 0;
        QString doctorName;
        bool inProgress = false; // already with the doctor (shown dimmed)
    };
    // What the screen shows now, top row first (for tests and screenshots).
    QList<Row> rows() const { return m_rows; }
    void setDay(const QDate &day); // default: today, following the clock

public slots:
    void reload();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslateUi();
    void rebuildRows();
    void applyFonts();

    QueueService *m_queue = nullptr;
    ClinicDirectory &m_clinic;
    QDate m_fixedDay;
    QList<Row> m_rows;
    QLabel *m_title = nullptr;
    QLabel *m_ticketHeader = nullptr;
    QLabel *m_doctorHeader = nullptr;
    QLabel *m_empty = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<QLabel *> m_cells;
    QTimer *m_timer = nullptr;
};

} // namespace medora
