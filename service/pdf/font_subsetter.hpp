#pragma once
// Cuts a font down to the glyphs a document uses, once per font after all
// pages are written (hb-subset). The content streams were written with the
// original glyph ids as CIDs; the subset numbers its glyphs densely, and a
// /CIDToGIDMap maps one to the other. (Retaining the original ids instead
// made 'loca' and 'hmtx' as long as the highest id: over half of a short
// document's font bytes, and of the time spent compressing them.)
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_face.hpp"

namespace emnpub::pdf {

struct Subset {
  std::vector<uint8_t> program;  // TrueType bytes
  // new_gid[g] is the subset's id for the original glyph g, for g up to the
  // highest of `gids`; 0 (.notdef) for glyphs the subset does not hold.
  std::vector<uint16_t> new_gid;
};

// The glyphs `gids` (ascending; plus .notdef and composite components) as
// TrueType, without hinting, OpenType layout tables or 'cmap'. Throws
// std::runtime_error.
Subset subset_font(const text::FontFace& face, const std::vector<uint32_t>& gids);

// A /CIDToGIDMap stream's bytes: two bytes (big-endian) per CID from 0.
std::string cid_to_gid_map(const std::vector<uint16_t>& new_gid);

// Six uppercase letters derived from the glyph set and font name, so the
// same subset gets the same tag in every run and different subsets differ.
std::string subset_tag(const std::vector<uint32_t>& gids, std::string_view postscript_name);

// A PostScript name usable as a PDF name (printable ASCII, no delimiters).
std::string pdf_font_name(std::string_view postscript_name);

}  // namespace emnpub::pdf
