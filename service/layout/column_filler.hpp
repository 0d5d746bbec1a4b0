#pragma once
// Decides what one column takes from a vertical list: a pure simulation
// (nothing is moved), so the page builder can try several heights when it
// balances columns. Footnotes referenced in the column are counted against
// its space; the last one may be split, and a split note's remaining lines
// carry into the next column.
#include <cstddef>
#include <vector>

#include "layout/page_builder.hpp"

namespace emnpub::layout {

// Lines [line, end) of footnote `note` still to be set.
struct NoteCarry {
  int note = -1;
  size_t line = 0;
  bool active() const { return note >= 0; }
};

struct ColumnFill {
  size_t first = 0;               // first item considered (after discarded ones)
  size_t next = 0;                // first item left for the next column
  std::vector<size_t> placed;     // boxes, glue and penalties, ending with a box
  Fixed used = 0;                 // content height, repeated table header included
  Fixed squeeze = 0;              // taken from the column's spaces (glue), in proportion
  int header = -1;                // table header repeated on top, or -1
  // Footnotes: a carried-in part, whole notes, and a split-off first part.
  NoteCarry carried_in;
  size_t carried_end = 0;         // carried lines [carried_in.line, carried_end) set here
  std::vector<int> notes;         // whole notes, in reference order
  int split_note = -1;            // a note whose first lines are set here
  size_t split_end = 0;           // its lines [0, split_end)
  NoteCarry carry_out;            // what continues in the next column
  Fixed notes_h = 0;              // footnote area height, separator gap included
  // Why the column ended.
  bool forced = false, recto = false;  // at a forced break
  bool at_wide = false;           // before an item spanning all columns
  bool at_narrow = false;         // (wide band) before an item that does not span
  bool at_end = false;            // the list is exhausted
  bool stopped() const { return forced || at_wide || at_narrow || at_end; }
};

enum class FillMode {
  Single,   // a single-column page: spanning items are ordinary items
  Columns,  // a column of a multi-column band: stops before spanning items
  Wide,     // a band across all columns: stops before non-spanning items
};

// Fills a column starting at item i. Content may take up to `content_h`;
// content and footnotes together up to `total_h`. At least one box is
// taken when `must_place` (a column at the top of a page never stays empty).
ColumnFill fill_column(const std::vector<VItem>& items, size_t i, Fixed content_h, Fixed total_h,
                       NoteCarry carry, FillMode mode, bool must_place, const PageBuilderConfig& cfg);

// Height of footnote lines [from, to), and the number of lines of a note.
Fixed note_lines_height(const Footnote& f, size_t from, size_t to);

}  // namespace emnpub::layout
