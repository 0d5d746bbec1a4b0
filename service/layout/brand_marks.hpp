#pragma once
// Brand graphics drawn from shapes (no bitmaps): the European flag.
#include "layout/drawing.hpp"

namespace emnpub::layout {

// The flag of Europe, `height` tall (3:2), top-left at (x, y), y down.
void draw_eu_flag(Drawing& d, Fixed x, Fixed y, Fixed height, Color blue, Color yellow);

}  // namespace emnpub::layout
