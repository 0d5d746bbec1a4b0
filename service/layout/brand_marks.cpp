#include "layout/brand_marks.hpp"

#include <cmath>

namespace emnpub::layout {

void draw_eu_flag(Drawing& d, Fixed x, Fixed y, Fixed height, Color blue, Color yellow) {
  const Fixed width = height * 3 / 2;
  Rect bg;
  bg.x = x;
  bg.y = y;
  bg.w = width;
  bg.h = height;
  bg.fill_color = blue;
  d.rects.push_back(bg);
  // Twelve five-pointed stars on a circle of radius h/3, each star in a
  // circle of radius h/18, one point up (Council of Europe specification).
  const double h = to_pt(height);
  const double cx = to_pt(x) + to_pt(width) / 2, cy = to_pt(y) + h / 2;
  const double ring = h / 3, outer = h / 18;
  const double inner = outer * 0.381966;  // golden-ratio pentagram
  for (int s = 0; s < 12; ++s) {
    const double a = s * M_PI / 6;
    const double sx = cx + ring * std::sin(a), sy = cy - ring * std::cos(a);
    Polygon star;
    star.fill_color = yellow;
    for (int k = 0; k < 10; ++k) {
      const double r = (k % 2 == 0) ? outer : inner;
      const double b = k * M_PI / 5;
      star.points.emplace_back(from_pt(sx + r * std::sin(b)), from_pt(sy - r * std::cos(b)));
    }
    d.polygons.push_back(std::move(star));
  }
}

}  // namespace emnpub::layout
