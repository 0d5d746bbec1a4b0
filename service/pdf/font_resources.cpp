#include "pdf/font_resources.hpp"

#include <hb-ot.h>

#include <exception>
#include <stdexcept>
#include <vector>

#include "common/two_threads.hpp"
#include "pdf/cid_font_writer.hpp"
#include "pdf/font_subsetter.hpp"

namespace emnpub::pdf {

PdfFont::PdfFont(text::FontRef face, std::string resource_name, HPDF_Dict type0)
    : face_(std::move(face)),
      resource_name_(std::move(resource_name)),
      type0_(type0),
      glyph_count_(hb_face_get_glyph_count(face_->hb_face())) {}

double PdfFont::use(uint32_t gid) {
  if (gid < by_gid_.size() && by_gid_[gid])
    return static_cast<double>(by_gid_[gid]->width_centi) / 100.0;
  if (gid >= glyph_count_ || gid > 0xFFFF)
    throw std::runtime_error("PDF writer: glyph id " + std::to_string(gid) + " is not in font " +
                             face_->path());
  UsedGlyph g;
  // Shapers give combining marks no advance; a PDF width of zero matches
  // that, so marks need no TJ correction and text extractors do not see
  // them as wide characters overlapping the next letter.
  const int64_t adv = is_mark_glyph(gid) ? 0 : face_->advance(gid);
  const int64_t upem = face_->upem();
  // Round half away from zero to hundredths of a thousandth of an em.
  const int64_t num = adv * 100000;
  g.width_centi = num >= 0 ? (num + upem / 2) / upem : -((-num + upem / 2) / upem);
  if (by_gid_.empty()) by_gid_.resize(glyph_count_);  // one pointer per glyph of the font
  UsedGlyph& used = glyphs_.emplace(gid, std::move(g)).first->second;
  by_gid_[gid] = &used;
  return static_cast<double>(used.width_centi) / 100.0;
}

bool PdfFont::assign(uint32_t gid, std::u32string_view text) {
  UsedGlyph& g = gid < by_gid_.size() && by_gid_[gid] ? *by_gid_[gid] : glyphs_.at(gid);
  if (!g.has_text) {
    g.has_text = true;
    g.text = text;
  }
  return g.text == text;
}

bool PdfFont::is_mark_glyph(uint32_t gid) const {
  return hb_ot_layout_get_glyph_class(face_->hb_face(), gid) == HB_OT_LAYOUT_GLYPH_CLASS_MARK;
}

bool PdfFont::map_cluster(std::span<const uint32_t> gids, std::u32string_view text) {
  if (gids.empty()) return true;
  // No text (e.g. an inserted glyph): leave the glyph unmapped; the caller
  // wraps it in an empty ActualText so it copies as nothing.
  if (text.empty()) return false;
  if (gids.size() == 1) return assign(gids[0], text);

  // Base + combining marks ("e" + U+0301, Arabic letters with harakat): one
  // code point per glyph, in order. Only when the font says the trailing
  // glyphs are marks and the trailing code points are non-spacing marks, so
  // reordered clusters (Indic pre-base vowels) never get a wrong 1:1 map.
  if (gids.size() == text.size() && !is_mark_glyph(gids[0])) {
    hb_unicode_funcs_t* ucd = hb_unicode_funcs_get_default();
    bool marks = true;
    for (size_t k = 1; k < gids.size() && marks; ++k) {
      const auto cat = hb_unicode_general_category(ucd, text[k]);
      marks = is_mark_glyph(gids[k]) && (cat == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
                                         cat == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK);
    }
    if (marks) {
      bool exact = true;
      for (size_t k = 0; k < gids.size(); ++k) exact = assign(gids[k], text.substr(k, 1)) && exact;
      if (exact) return true;
    }
  }
  // Otherwise the first glyph carries the whole text, and ActualText covers
  // the cluster because the other glyphs would add their own text or none.
  assign(gids[0], text);
  return false;
}

std::string FontRegistry::key_of(const text::FontRef& face) {
  return face->path() + '\n' + std::to_string(face->index());
}

void FontRegistry::provide_program(const text::FontRef& face, FontProgram program) {
  if (face) ready_[key_of(face)] = std::move(program);
}

PdfFont& FontRegistry::get(const text::FontRef& face) {
  if (!face) throw std::runtime_error("PDF writer: glyph run without a font");
  const std::string key = key_of(face);
  if (auto it = by_key_.find(key); it != by_key_.end()) return *fonts_[it->second];
  // Appended, not "F" + ...: GCC 12 -O2 warns falsely (-Wrestrict) on that.
  std::string name = "F";
  name += std::to_string(fonts_.size() + 1);
  // The Type0 dictionary exists from the first use so pages can reference
  // it; its contents are written by write_all once all glyphs are known.
  fonts_.push_back(std::make_unique<PdfFont>(face, name, objs_.new_dict()));
  by_key_.emplace(key, fonts_.size() - 1);
  return *fonts_.back();
}

void FontRegistry::write_all() {
  // Subsetting and compressing are most of a short document's writing time
  // and independent per font: unless the programs were made ahead
  // (provide_program), a helper thread takes fonts from the same queue as
  // this one. The objects are then created in font order, so the
  // file is the same whoever prepared what.
  const size_t n = fonts_.size();
  std::vector<FontProgram*> ready(n, nullptr);
  size_t to_subset = 0;
  for (size_t i = 0; i < n; ++i) {
    auto it = ready_.find(key_of(fonts_[i]->face_ref()));
    if (it != ready_.end()) ready[i] = &it->second;
    to_subset += it == ready_.end() || it->second.gids.size() != fonts_[i]->glyphs().size();
  }
  std::vector<PreparedFont> prepared(n);
  std::vector<std::exception_ptr> failed(n);
  const bool compress = objs_.compress();
  run_on_two_threads(n, to_subset > 1, [&](size_t i) {
    try {
      prepared[i] = prepare_cid_font(*fonts_[i], compress, ready[i]);
    } catch (...) {
      failed[i] = std::current_exception();
    }
  });
  for (size_t i = 0; i < n; ++i) {
    if (failed[i]) std::rethrow_exception(failed[i]);
    commit_cid_font(objs_, *fonts_[i], prepared[i]);
  }
}

}  // namespace emnpub::pdf
