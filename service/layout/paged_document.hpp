#pragma once
// What the layout stage hands to the PDF writer: pages of positioned items,
// already broken, ordered and placed. The writer only draws them. All
// coordinates are fixed-point (common/units.hpp) from the page's bottom-left
// corner, y up, as in PDF. Every item carries a structure tag so tagged PDF
// can be added without changing this contract.
#include <cstdint>
#include <string>
#include <vector>

#include "common/units.hpp"
#include "text/font_face.hpp"

namespace emnpub::layout {

struct Color {
  // sRGB, 0..255 each; CMYK colours are converted by the style stage for now.
  uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

// Structure role of a piece of content, for tagged PDF (P, H1, LI, TD, ...).
// Items of one logical element share a struct_id (0 = artifact: page furniture).
struct Tag {
  std::string role;      // PDF standard structure type name, e.g. "P", "H2"
  int struct_id = 0;     // identifies the element; 0 for artifacts
  std::string lang;      // BCP 47, empty = inherit document language
};

struct PlacedGlyph {
  uint32_t gid = 0;
  Fixed x = 0;           // pen position of this glyph's origin, relative to run origin
  Fixed y = 0;           // vertical offset from the baseline (HarfBuzz y_offset)
  Fixed advance = 0;     // the advance layout used (may include justification)
};

// A span of glyphs that together stand for some text: what copy/paste and
// ToUnicode must give back. Usually one HarfBuzz cluster.
struct GlyphCluster {
  uint32_t first_glyph = 0;  // index into GlyphRun::glyphs
  uint32_t glyph_count = 0;
  std::string text;          // UTF-8, logical order
};

// One font, size and colour, glyphs in visual (left-to-right) order.
struct GlyphRun {
  text::FontRef font;
  Fixed size = 0;            // em size
  Color color;
  Fixed x = 0, y = 0;        // baseline origin of the first glyph
  bool rtl = false;          // run's text is right-to-left (clusters are visual order too)
  std::vector<PlacedGlyph> glyphs;
  std::vector<GlyphCluster> clusters;  // cover glyphs in order, no gaps
  Tag tag;
};

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
  int dest_page = -1;                  // internal link: 0-based page index
  Fixed dest_y = 0;                    // top of the target on that page
};

struct Image {
  std::vector<uint8_t> data;           // encoded PNG or JPEG bytes
  bool jpeg = false;
  Fixed x = 0, y = 0, w = 0, h = 0;
  std::string alt;
  Tag tag;
};

struct Page {
  Fixed width = 0, height = 0;
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

struct PagedDocument {
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;   // document order
  std::vector<PageLabelRange> labels;  // empty = plain 1, 2, 3
};

}  // namespace emnpub::layout
