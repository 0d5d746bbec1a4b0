// Subset programs made ahead (make_font_program + provide_program): used
// when made for exactly the glyphs written, ignored otherwise; either way
// the file is the one the writer makes alone.
#include <gtest/gtest.h>

#include <set>

#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

namespace emnpub::pdf {
namespace {

using namespace test;

layout::Page sample_page() {
  layout::Page page = a4_page();
  page.runs.push_back(shape("Key points", font(kNotoBold), 14, 72, 780));
  page.runs.push_back(shape("Asylum applications rose by a fifth.", font(kNotoRegular), 10, 72, 750));
  return page;
}

std::vector<uint32_t> gids_of(const layout::Page& page, const text::FontRef& face) {
  std::set<uint32_t> s;
  for (const auto& r : page.runs)
    if (r.font == face)
      for (const auto& g : r.glyphs) s.insert(g.gid);
  return {s.begin(), s.end()};
}

std::vector<uint8_t> write(const std::vector<std::pair<text::FontRef, FontProgram>>& ahead) {
  PageStreamWriter w;
  w.add_page(sample_page());
  for (const auto& [face, program] : ahead) w.provide_program(face, program);
  layout::DocumentInfo info;
  info.title = "t";
  info.date = "2026-11-29";
  return w.finish(info, {}, {});
}

TEST(FontProgram, MadeAheadGivesTheSameFile) {
  const layout::Page page = sample_page();
  const auto alone = write({});
  std::vector<std::pair<text::FontRef, FontProgram>> ahead;
  for (const char* path : {kNotoBold, kNotoRegular})
    ahead.emplace_back(font(path), make_font_program(*font(path), gids_of(page, font(path)), true));
  EXPECT_EQ(write(ahead), alone);
}

TEST(FontProgram, OneMadeForOtherGlyphsIsNotUsed) {
  const auto alone = write({});
  // A program for a glyph set the pages do not use (the regular face's
  // glyphs minus one): it must not end up in the file.
  const layout::Page page = sample_page();
  std::vector<uint32_t> fewer = gids_of(page, font(kNotoRegular));
  fewer.pop_back();
  FontProgram wrong = make_font_program(*font(kNotoRegular), fewer, true);
  EXPECT_EQ(write({{font(kNotoRegular), wrong}}), alone);
  // Same size, other glyphs.
  std::vector<uint32_t> other = gids_of(page, font(kNotoRegular));
  other.back() += 1;
  EXPECT_EQ(write({{font(kNotoRegular), make_font_program(*font(kNotoRegular), other, true)}}), alone);
}

}  // namespace
}  // namespace emnpub::pdf
