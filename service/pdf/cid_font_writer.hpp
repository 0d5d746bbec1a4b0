#pragma once
// Writes one used font as a Type0 font with Identity-H encoding: a
// CIDFontType2 descendant over the subset TrueType program (FontFile2),
// /W widths for the used glyphs only, and a ToUnicode CMap.
#include <cstdint>
#include <map>
#include <string>

#include "pdf/font_resources.hpp"
#include "pdf/pdf_objects.hpp"

namespace emnpub::pdf {

void write_cid_font(PdfObjects& objs, const PdfFont& font);

// The /DW and /W entries for the used glyphs: the most common width becomes
// /DW and is left out of /W; consecutive ids share one array, runs of three
// or more equal widths use the "first last width" form.
std::string build_width_entries(const std::map<uint32_t, UsedGlyph>& glyphs);

}  // namespace emnpub::pdf
