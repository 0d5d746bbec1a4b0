#pragma once
// Styles after the cascade: plain values the layout stage reads. Lengths are
// fixed-point; colours sRGB.
#include <string>

#include "common/color.hpp"
#include "common/units.hpp"
#include "text/text_style.hpp"

namespace emnpub::style {

struct FontSpec {
  std::string family = "Noto Serif";
  int weight = 400;
  bool italic = false;
  Fixed size = 10 * kPt;
  std::string features;
};

struct BlockStyle {
  FontSpec font;
  Fixed leading = 14 * kPt;          // baseline to baseline
  Color color{0x1A, 0x1A, 0x1A};
  text::Align align = text::Align::Justify;
  bool hyphenate = true;
  Fixed space_before = 0, space_after = 0;
  Fixed indent_start = 0, indent_end = 0, first_indent = 0;
  bool keep_with_next = false;
  bool keep_together = false;
  bool page_break_before = false;
  bool recto = false;                // with page_break_before: start on a right-hand page
  bool uppercase = false;
  bool balance = false;              // wrapped ragged lines of about equal length (text/balanced_breaks.hpp)
  bool hang_number = false;          // headings: wrapped lines start under the title, not the number
  // Boxes, table cells, headings with a band.
  bool has_background = false;
  Color background{0xFF, 0xFF, 0xFF};
  bool has_border = false;
  Color border_color{0, 0, 0};
  Fixed border_width = kPt / 2;
  bool rule_start = false;           // a vertical rule on the start side (boxes, quotes)
  Fixed padding = 0;
  // Rule below (headings) and above (footnote separator).
  bool rule_below = false;
  Color rule_color{0, 0, 0};
  Fixed rule_width = kPt / 2;
  // Lists and numbered headings.
  std::string marker = "\u2022";     // bullet for <ul>
  Color marker_color{0, 0, 0};
  Fixed marker_width = 14 * kPt;     // space for markers / heading numbers
  std::string numbering;             // "1.1" style for sections, "" = none
  // Table specifics.
  bool zebra = false;
  bool span_all = false;             // tables and figures: across every column
  Color zebra_color{0xF2, 0xF4, 0xF8};
};

// Inline modifications (em, strong, sup, code, a ...), applied on top of
// the enclosing block's font.
struct InlineStyle {
  std::string family;                // empty = inherit
  int weight = 0;                    // 0 = inherit
  int italic = -1;                   // -1 inherit, 0 upright, 1 italic
  int size_percent = 100;
  int shift_percent = 0;             // baseline shift, % of the inherited size
  bool has_color = false;
  Color color;
  std::string features;
  bool uppercase = false;
};

}  // namespace emnpub::style
