#pragma once
// What the layout stage hands to the PDF writer: pages of positioned items,
// already broken, ordered and placed. The writer only draws them. All
// coordinates are fixed-point (common/units.hpp) from the page's bottom-left
// corner, y up, as in PDF. Every item carries a structure tag so tagged PDF
// can be added without changing this contract.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/units.hpp"
#include "common/color.hpp"
#include "common/tag.hpp"
#include "text/glyph_run.hpp"

namespace emnpub::layout {

using emnpub::Color;
using emnpub::Tag;
using text::GlyphCluster;
using text::GlyphRun;
using text::PlacedGlyph;

struct Rect {
  Fixed x = 0, y = 0, w = 0, h = 0;  // (x, y) bottom-left
  bool fill = true;
  Color fill_color;
  bool stroke = false;
  Color stroke_color;
  Fixed line_width = 0;
  Tag tag;                   // usually an artifact
};

struct Line {
  Fixed x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  Color color;
  Fixed width = kPt / 2;
  bool dotted = false;
  Tag tag;
};

// A path of straight segments (vector logos, stars of the EU flag).
struct Polygon {
  std::vector<std::pair<Fixed, Fixed>> points;
  Color fill_color;
  Tag tag;
};

struct Link {
  Fixed x = 0, y = 0, w = 0, h = 0;   // active area
  std::string uri;                     // external link, or empty
  // Internal link: the target element's id, placed by the writer where the
  // final pages put it (PagedDocument::destinations); without an id, at
  // dest_page (0-based) and dest_y (from the bottom).
  std::string dest_id;
  int dest_page = -1;
  Fixed dest_y = 0;
};

struct Image {
  std::vector<uint8_t> data;           // encoded PNG or JPEG bytes
  bool jpeg = false;
  Fixed x = 0, y = 0, w = 0, h = 0;
  std::string alt;
  Tag tag;
};

struct Page {
  Fixed width = 0, height = 0;         // trimmed size
  Fixed bleed = 0;                     // drawn area beyond the trim on every side
  std::string label;                   // page label as printed ("iii", "14")
  std::vector<Rect> rects;             // drawn first (backgrounds)
  std::vector<Polygon> polygons;
  std::vector<Image> images;
  std::vector<Line> lines;
  std::vector<GlyphRun> runs;          // drawn last
  std::vector<Link> links;
};

struct OutlineEntry {
  std::string title;                   // UTF-8
  int level = 1;                       // 1 = top
  int page = 0;                        // 0-based
  Fixed y = 0;                         // top of the heading on that page
};

// Page-label ranges for the PDF /PageLabels tree.
struct PageLabelRange {
  int first_page = 0;                  // 0-based
  enum class Style { Decimal, LowerRoman, UpperRoman, LowerAlpha, UpperAlpha, None } style =
      Style::Decimal;
  int start = 1;
  std::string prefix;
};

struct DocumentInfo {
  std::string title, author, subject, keywords, creator = "emnpub";
  std::string date;                    // ISO 8601 YYYY-MM-DD from the document, never the clock
  std::string lang;                    // catalog /Lang
};

// Where an element with an id landed: page (0-based) and the top of its
// first line, from the top of the page.
struct Destination {
  int page = 0;
  Fixed y_from_top = 0;
};

struct PagedDocument {
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;   // document order
  std::vector<PageLabelRange> labels;  // empty = plain 1, 2, 3
  std::map<std::string, Destination> destinations;  // by element id, for Link::dest_id
};

}  // namespace emnpub::layout
