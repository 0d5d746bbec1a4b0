#pragma once
// Cuts a font down to the glyphs a document uses, once per font after all
// pages are written (hb-subset). Glyph ids are retained so the ids already
// written in content streams stay valid with /CIDToGIDMap /Identity.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_face.hpp"

namespace emnpub::pdf {

// TrueType bytes holding `gids` (plus .notdef and composite components),
// without hinting, OpenType layout tables or 'cmap'. Throws std::runtime_error.
std::vector<uint8_t> subset_font(const text::FontFace& face, const std::vector<uint32_t>& gids);

// Six uppercase letters derived from the glyph set and font name, so the
// same subset gets the same tag in every run and different subsets differ.
std::string subset_tag(const std::vector<uint32_t>& gids, std::string_view postscript_name);

// A PostScript name usable as a PDF name (printable ASCII, no delimiters).
std::string pdf_font_name(std::string_view postscript_name);

}  // namespace emnpub::pdf
