#include "sync/SyncBadgeIconEngine.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>

namespace medora {

SyncBadgeIconEngine::SyncBadgeIconEngine(const QColor &color, Glyph glyph) : m_color(color), m_glyph(glyph) {}

void SyncBadgeIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const qreal side = std::min(rect.width(), rect.height());
    if (side <= 0)
        return;
    const QRectF box(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0, side,
                     side);
    const auto at = [&box](qreal x, qreal y) {
        return QPointF(box.left() + x * box.width(), box.top() + y * box.height());
    };

    QColor disc = m_color;
    if (mode == QIcon::Disabled) {
        const int grey = qGray(disc.rgb());
        disc = QColor(grey, grey, grey);
    }

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(Qt::NoPen);
    painter->setBrush(disc);
    // A hair inside the box, so antialiasing never clips at the edge.
    const qreal inset = side * 0.04;
    painter->drawEllipse(box.adjusted(inset, inset, -inset, -inset));

    QPen pen(Qt::white);
    pen.setWidthF(std::max<qreal>(1.0, side * 0.12));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);

    switch (m_glyph) {
    case Glyph::Plus:
        painter->drawLine(at(0.3, 0.5), at(0.7, 0.5));
        painter->drawLine(at(0.5, 0.3), at(0.5, 0.7));
        break;
    case Glyph::Pencil:
        painter->drawLine(at(0.36, 0.64), at(0.66, 0.34));
        painter->drawLine(at(0.3, 0.72), at(0.44, 0.72));
        break;
    case Glyph::ArrowUp:
        painter->drawLine(at(0.5, 0.72), at(0.5, 0.3));
        painter->drawPolyline(QPolygonF({at(0.33, 0.46), at(0.5, 0.29), at(0.67, 0.46)}));
        break;
    case Glyph::Check:
        painter->drawPolyline(QPolygonF({at(0.3, 0.52), at(0.44, 0.66), at(0.7, 0.36)}));
        break;
    case Glyph::Exclamation:
        painter->drawLine(at(0.5, 0.27), at(0.5, 0.55));
        painter->drawPoint(at(0.5, 0.72));
        break;
    case Glyph::Question: {
        QPainterPath path(at(0.37, 0.38));
        path.cubicTo(at(0.37, 0.2), at(0.63, 0.2), at(0.63, 0.38));
        path.cubicTo(at(0.63, 0.5), at(0.5, 0.48), at(0.5, 0.58));
        painter->drawPath(path);
        painter->drawPoint(at(0.5, 0.74));
        break;
    }
    case Glyph::Clock:
        painter->drawLine(at(0.5, 0.5), at(0.5, 0.28));
        painter->drawLine(at(0.5, 0.5), at(0.67, 0.6));
        break;
    case Glyph::Dash:
        painter->drawLine(at(0.3, 0.5), at(0.7, 0.5));
        break;
    }
    painter->restore();
}

QPixmap SyncBadgeIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap SyncBadgeIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                          qreal scale)
{
    // QIcon::pixmap(size, ratio) asks for `size` in device pixels already (size * ratio); the
    // badge is painted at that resolution and tagged with the ratio.
    if (size.isEmpty())
        return QPixmap();
    const qreal ratio = scale > 0 ? scale : 1.0;
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    pixmap.setDevicePixelRatio(ratio);
    QPainter painter(&pixmap);
    paint(&painter, QRect(QPoint(0, 0), (QSizeF(size) / ratio).toSize()), mode, state);
    return pixmap;
}

QIconEngine *SyncBadgeIconEngine::clone() const
{
    return new SyncBadgeIconEngine(m_color, m_glyph);
}

QString SyncBadgeIconEngine::key() const
{
    return QStringLiteral("medora-sync-badge");
}

} // namespace medora
