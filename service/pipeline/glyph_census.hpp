#pragma once
// Which glyphs of which faces the laid-out pages use, gathered on the
// layout thread as pages go to the writer. When layout ends, the fonts'
// subset programs are made from it on this thread and a helper while the
// writer thread still writes the last pages (for a short document all of
// them: nothing is final before the end). The writer checks each program
// against the glyphs it actually wrote.
#include <cstdint>
#include <utility>
#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/font_program.hpp"

namespace emnpub {

class GlyphCensus {
 public:
  void add(const layout::Page& page);
  void clear() { faces_.clear(); }
  // Each face used, with its glyph ids in ascending order.
  std::vector<std::pair<text::FontRef, std::vector<uint32_t>>> take();

 private:
  struct Face {
    text::FontRef face;
    std::vector<uint64_t> bits;  // glyph id -> used
  };
  std::vector<Face> faces_;  // a handful: found by pointer
};

// make_font_program for every face, on this thread and one helper.
std::vector<std::pair<text::FontRef, pdf::FontProgram>> make_font_programs(
    std::vector<std::pair<text::FontRef, std::vector<uint32_t>>> used, bool compress);

}  // namespace emnpub
