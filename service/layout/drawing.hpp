#pragma once
// Drawing ops in a block's local frame: x from the block's left edge, y DOWN
// from its top (baselines for runs, top edges for rects). Converted to PDF
// page coordinates (y up) only when a block is placed on a page.
#include <string>
#include <vector>

#include "layout/paged_document.hpp"

namespace emnpub::layout {

// A link whose target is an element id, resolved once pages are known.
struct PendingLink {
  Fixed x = 0, y = 0, w = 0, h = 0;  // y = top
  std::string target;
};

struct Drawing {
  std::vector<GlyphRun> runs;   // y = baseline
  std::vector<Rect> rects;      // y = top edge
  std::vector<Line> lines;      // y1/y2 down
  std::vector<Polygon> polygons;
  std::vector<Link> links;      // external links; y = top
  std::vector<PendingLink> internal;
  std::vector<Image> images;    // y = top

  void append(Drawing&& other, Fixed dx, Fixed dy);
  bool empty() const {
    return runs.empty() && rects.empty() && lines.empty() && polygons.empty() && links.empty() &&
           internal.empty() && images.empty();
  }
};

}  // namespace emnpub::layout
