#pragma once
// The page builder's input: a vertical list of boxes (unbreakable blocks:
// a line of text, a table row, a box), glue (space, discarded at the top of a
// column) and penalties (where a page may or must not break), as TeX's
// vertical lists.
#include <string>
#include <vector>

#include "layout/drawing.hpp"

namespace emnpub::layout {

constexpr int kInf = 10000;

struct OutlineMark {
  std::string title;
  int level = 1;
};

struct VItem {
  enum class Kind { Box, Glue, Penalty } kind = Kind::Box;
  Fixed height = 0;                 // Box height or Glue size
  int penalty = 0;                  // Penalty: kInf forbids, -kInf forces a break
  bool recto = false;               // forced break: continue on a right-hand page
  Drawing drawing;                  // Box content, local coordinates
  std::vector<int> footnotes;       // footnotes referenced from this box
  std::vector<std::string> ids;     // element ids that start here
  std::vector<OutlineMark> outline; // bookmarks that start here
  std::string running_title;        // a chapter starts here (running headers)
  int repeat_header = -1;           // table: index of the header box to repeat
  bool wide = false;                // spans all columns (reserved)
};

// Footnote bodies, set at the footnote measure; placed at the bottom of the
// column that references them.
struct Footnote {
  std::vector<VItem> lines;         // boxes and glue
  Fixed height = 0;
};

}  // namespace emnpub::layout
