#include "layout/drawing.hpp"

namespace emnpub::layout {

void Drawing::append(Drawing&& o, Fixed dx, Fixed dy) {
  for (auto& r : o.runs) { r.x += dx; r.y += dy; runs.push_back(std::move(r)); }
  for (auto& r : o.rects) { r.x += dx; r.y += dy; rects.push_back(std::move(r)); }
  for (auto& l : o.lines) { l.x1 += dx; l.x2 += dx; l.y1 += dy; l.y2 += dy; lines.push_back(std::move(l)); }
  for (auto& p : o.polygons) {
    for (auto& pt : p.points) { pt.first += dx; pt.second += dy; }
    polygons.push_back(std::move(p));
  }
  for (auto& l : o.links) { l.x += dx; l.y += dy; links.push_back(std::move(l)); }
  for (auto& l : o.internal) { l.x += dx; l.y += dy; internal.push_back(std::move(l)); }
  for (auto& i : o.images) { i.x += dx; i.y += dy; images.push_back(std::move(i)); }
}

}  // namespace emnpub::layout
