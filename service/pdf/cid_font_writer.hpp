#pragma once
// Writes one used font as a Type0 font with Identity-H encoding: a
// CIDFontType2 descendant over the subset TrueType program (FontFile2),
// /W widths for the used glyphs only, and a ToUnicode CMap.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "pdf/font_resources.hpp"
#include "pdf/pdf_objects.hpp"

namespace emnpub::pdf {

// The heavy, libharu-free half of writing a font: subset program, ToUnicode
// CMap (both deflated when `compress`), widths. Depends only on the font's
// used glyphs and its immutable face, so fonts are prepared in parallel.
struct PreparedFont {
  std::string base_name;     // "ABCDEF+NotoSerif"
  std::string program;       // FontFile2 stream data, as stored
  size_t program_length = 0; // /Length1: the program before compression
  std::string cid_to_gid;    // CIDToGIDMap stream data, as stored
  std::string to_unicode;    // ToUnicode stream data, as stored
  std::string widths;        // "/DW ... /W [...]" entries
};
// `ready`, when given and made for exactly the font's glyphs, is used (and
// moved from) instead of subsetting again.
PreparedFont prepare_cid_font(const PdfFont& font, bool compress, FontProgram* ready = nullptr);

// Creates the font's objects from a prepared font (in a fixed order, so the
// file does not depend on which thread prepared what).
void commit_cid_font(PdfObjects& objs, const PdfFont& font, const PreparedFont& prepared);

void write_cid_font(PdfObjects& objs, const PdfFont& font);

// The /DW and /W entries for the used glyphs: the most common width becomes
// /DW and is left out of /W; consecutive ids share one array, runs of three
// or more equal widths use the "first last width" form.
std::string build_width_entries(const std::map<uint32_t, UsedGlyph>& glyphs);

}  // namespace emnpub::pdf
