#pragma once
// One PDF font per font face per document, shared by all pages: records
// which glyphs are used, their widths and the text each glyph stands for,
// then subsets and writes every font once at the end.
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "pdf/font_program.hpp"
#include "pdf/pdf_objects.hpp"
#include "text/font_face.hpp"

namespace emnpub::pdf {

struct UsedGlyph {
  int64_t width_centi = 0;  // /W width in hundredths of a thousandth of an em
  bool has_text = false;    // ToUnicode entry decided (first use wins)
  std::u32string text;
};

class PdfFont {
 public:
  PdfFont(text::FontRef face, std::string resource_name, HPDF_Dict type0);

  const text::FontFace& face() const { return *face_; }
  const text::FontRef& face_ref() const { return face_; }
  const std::string& resource_name() const { return resource_name_; }
  HPDF_Dict type0() const { return type0_; }
  const std::map<uint32_t, UsedGlyph>& glyphs() const { return glyphs_; }

  // Marks gid as used; returns its /W width in thousandths of an em, exactly
  // as written to the PDF. Throws for ids the font does not have.
  double use(uint32_t gid);

  // Records that the glyphs (logical order, already passed to use()) stand
  // for `text`. Returns true when their ToUnicode entries reproduce exactly
  // `text`; false means the caller must wrap them in ActualText.
  bool map_cluster(std::span<const uint32_t> logical_gids, std::u32string_view text);

  // True when the font's GDEF classes gid as a combining mark.
  bool is_mark_glyph(uint32_t gid) const;

 private:
  bool assign(uint32_t gid, std::u32string_view text);  // true if gid maps to text

  text::FontRef face_;
  std::string resource_name_;
  HPDF_Dict type0_;
  unsigned glyph_count_;
  std::map<uint32_t, UsedGlyph> glyphs_;
  // glyphs_ by glyph id (map nodes do not move), sized to the font on first
  // use: each glyph drawn is looked up twice (width, text), a tree walk
  // apiece otherwise.
  std::vector<UsedGlyph*> by_gid_;
};

class FontRegistry {
 public:
  explicit FontRegistry(PdfObjects& objs) : objs_(objs) {}

  // The document's font for this face; faces loaded from the same file and
  // index share one PDF font.
  PdfFont& get(const text::FontRef& face);

  // Subset programs made ahead for a face (keyed like get()); write_all
  // uses one if it was made for exactly the glyphs the pages used.
  void provide_program(const text::FontRef& face, FontProgram program);

  // Subsets and writes every font. Call once, after the last page.
  void write_all();

 private:
  static std::string key_of(const text::FontRef& face);
  std::map<std::string, FontProgram> ready_;
  PdfObjects& objs_;
  std::vector<std::unique_ptr<PdfFont>> fonts_;  // creation order = resource names
  std::map<std::string, size_t> by_key_;
};

}  // namespace emnpub::pdf
