#include "pdf/font_subsetter.hpp"

#include <hb-subset.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "pdf/digest.hpp"

namespace emnpub::pdf {

namespace {

struct SubsetInputDeleter {
  void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};
struct FaceDeleter {
  void operator()(hb_face_t* p) const { hb_face_destroy(p); }
};
struct PlanDeleter {
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
struct BlobDeleter {
  void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};

// Tables a PDF viewer never reads from an embedded CIDFontType2 program.
// Dropping GSUB/GPOS also stops hb-subset from pulling in every glyph the
// used ones could be substituted by (layout closure): shaping is done.
// No 'cmap' either: a CIDFont reaches glyphs through /CIDToGIDMap, and ISO
// 32000-1 §9.9 says a TrueType program used by a CIDFont needs none.
constexpr hb_tag_t kDroppedTables[] = {
    HB_TAG('c', 'm', 'a', 'p'),
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'), HB_TAG('g', 'a', 's', 'p'),
    HB_TAG('h', 'd', 'm', 'x'), HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'),
    HB_TAG('P', 'C', 'L', 'T'), HB_TAG('m', 'o', 'r', 'x'), HB_TAG('m', 'o', 'r', 't'),
    HB_TAG('f', 'e', 'a', 't'), HB_TAG('S', 'T', 'A', 'T'), HB_TAG('m', 'e', 't', 'a'),
};

bool dropped(hb_tag_t tag) {
  for (hb_tag_t t : kDroppedTables)
    if (t == tag) return true;
  return false;
}

// The font as hb-subset should see it: the dropped tables are absent, not
// just left out of the result. The subset plan reads the whole 'cmap' into
// a hash map to keep the used glyphs' code points, even when 'cmap' is in
// the drop set: two thirds of the work of a short document's subset.
hb_blob_t* reference_kept_table(hb_face_t*, hb_tag_t tag, void* source) {
  if (dropped(tag)) return hb_blob_get_empty();
  return hb_face_reference_table(static_cast<hb_face_t*>(source), tag);
}

}  // namespace

Subset subset_font(const text::FontFace& face, const std::vector<uint32_t>& gids) {
  std::unique_ptr<hb_subset_input_t, SubsetInputDeleter> input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error("PDF writer: out of memory subsetting " + face.path());
  hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
  for (uint32_t g : gids) hb_set_add(glyphs, g);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : kDroppedTables) hb_set_add(drop, t);
  // No code points: the embedded program is addressed by glyph id only.
  hb_set_clear(hb_subset_input_unicode_set(input.get()));
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

  // The view borrows the shared face, which is immutable and outlives it.
  std::unique_ptr<hb_face_t, FaceDeleter> view(
      hb_face_create_for_tables(reference_kept_table, face.hb_face(), nullptr));
  std::unique_ptr<hb_subset_plan_t, PlanDeleter> plan(hb_subset_plan_create_or_fail(view.get(), input.get()));
  if (!plan) throw std::runtime_error("PDF writer: cannot subset font " + face.path());
  std::unique_ptr<hb_face_t, FaceDeleter> result(hb_subset_plan_execute_or_fail(plan.get()));
  if (!result) throw std::runtime_error("PDF writer: cannot subset font " + face.path());
  Subset out;
  out.new_gid.assign(gids.empty() ? 1 : gids.back() + 1, 0);
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (uint32_t g : gids) {
    const hb_codepoint_t n = hb_map_get(old_to_new, g);
    if (n == HB_MAP_VALUE_INVALID || n > 0xFFFF)
      throw std::runtime_error("PDF writer: glyph " + std::to_string(g) + " missing from the subset of " + face.path());
    out.new_gid[g] = static_cast<uint16_t>(n);
  }
  std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_face_reference_blob(result.get()));
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  if (!data || len == 0)
    throw std::runtime_error("PDF writer: empty subset of font " + face.path());
  out.program.assign(data, data + len);
  return out;
}

std::string cid_to_gid_map(const std::vector<uint16_t>& new_gid) {
  std::string out(new_gid.size() * 2, '\0');
  for (size_t i = 0; i < new_gid.size(); ++i) {
    out[2 * i] = static_cast<char>(new_gid[i] >> 8);
    out[2 * i + 1] = static_cast<char>(new_gid[i] & 0xFF);
  }
  return out;
}

std::string subset_tag(const std::vector<uint32_t>& gids, std::string_view postscript_name) {
  Md5 md5;
  md5.update(postscript_name);
  for (uint32_t g : gids) {
    const uint8_t b[4] = {static_cast<uint8_t>(g >> 24), static_cast<uint8_t>(g >> 16),
                          static_cast<uint8_t>(g >> 8), static_cast<uint8_t>(g)};
    md5.update(b, sizeof b);
  }
  const auto digest = md5.finish();
  std::string tag(6, 'A');
  for (int i = 0; i < 6; ++i) tag[i] = static_cast<char>('A' + digest[i] % 26);
  return tag;
}

std::string pdf_font_name(std::string_view postscript_name) {
  std::string out;
  for (char c : postscript_name) {
    const bool delimiter = c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
                           c == '{' || c == '}' || c == '/' || c == '%' || c == '#';
    if (c > 0x20 && c < 0x7F && !delimiter) out.push_back(c);
  }
  if (out.empty()) out = "EmnpubFont";
  // Room for the "ABCDEF+" prefix within libharu's 127-byte name limit.
  if (out.size() > 100) out.resize(100);
  return out;
}

}  // namespace emnpub::pdf
