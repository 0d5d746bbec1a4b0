#pragma once
// A font's subset program, made apart from the rest of the PDF: from the
// glyph ids the layout placed, it can be made while the last pages are
// still being written (see PageStreamWriter::provide_program).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "text/font_face.hpp"

namespace emnpub::pdf {

struct FontProgram {
  std::vector<uint32_t> gids;  // ascending: the glyphs it was made for
  size_t length = 0;           // /Length1: the program before compression
  std::string stored;          // FontFile2 stream data (deflated when compressing)
  std::string cid_to_gid;      // CIDToGIDMap stream data (deflated when compressing)
};

// Subsets `face` to `gids` (ascending) with hb-subset and stores it as
// FontFile2 data. Pure: safe on any thread for any face.
FontProgram make_font_program(const text::FontFace& face, std::vector<uint32_t> gids, bool compress);

}  // namespace emnpub::pdf
