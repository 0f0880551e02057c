#pragma once

#include <QColor>
#include <QIconEngine>

namespace medora {

// Paints a sync badge (a coloured disc with a white glyph) at whatever size and device pixel
// ratio the view asks for, so badges stay crisp on high-DPI screens without bitmap assets.
// The glyph differs per meaning, so the badge never relies on colour alone.
class SyncBadgeIconEngine : public QIconEngine
{
public:
    enum class Glyph
    {
        Plus,        // new, never sent
        Pencil,      // changed here
        ArrowUp,     // being sent
        Check,       // on the server
        Exclamation, // refused by the server
        Question,    // needs a human decision
        Clock,       // waiting
        Dash,        // offline or paused
    };

    SyncBadgeIconEngine(const QColor &color, Glyph glyph);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;

    QColor color() const { return m_color; }
    Glyph glyph() const { return m_glyph; }

private:
    QColor m_color;
    Glyph m_glyph;
};

} // namespace medora
