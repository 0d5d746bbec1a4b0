#include "pdf/cid_font_writer.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <gtest/gtest.h>

#include "pdf/font_subsetter.hpp"
#include "pdf_test_support.hpp"

namespace emnpub::pdf {
namespace {

std::map<uint32_t, UsedGlyph> widths(std::initializer_list<std::pair<uint32_t, double>> list) {
  std::map<uint32_t, UsedGlyph> m;
  for (auto [gid, w] : list) m[gid].width_centi = static_cast<int64_t>(w * 100 + 0.5);
  return m;
}

TEST(CidWidths, MostCommonWholeWidthBecomesDefault) {
  const std::string w = build_width_entries(
      widths({{3, 260}, {10, 600}, {11, 600}, {12, 600}, {13, 572}, {20, 600}, {40, 317.87}}));
  EXPECT_EQ(w, "/DW 600\n/W [3 [260] 13 [572] 40 [317.87]]\n");
}

TEST(CidWidths, ConsecutiveIdsShareAnArrayAndRepeatsUseRanges) {
  const std::string w = build_width_entries(widths({{1, 250},
                                                    {5, 500},
                                                    {6, 510},
                                                    {7, 520},
                                                    {8, 700},
                                                    {9, 700},
                                                    {10, 700},
                                                    {11, 700},
                                                    {12, 530},
                                                    {13, 540}}));
  // 700 is the most common width: it becomes /DW and its run disappears.
  EXPECT_EQ(w, "/DW 700\n/W [1 [250] 5 [500 510 520] 12 [530 540]]\n");
  const std::string w2 = build_width_entries(
      widths({{1, 250}, {2, 250}, {5, 300}, {6, 700}, {7, 700}, {8, 700}, {9, 310}}));
  EXPECT_EQ(w2, "/DW 700\n/W [1 [250 250] 5 [300] 9 [310]]\n");
  const std::string w3 =
      build_width_entries(widths({{1, 100}, {2, 100}, {3, 200}, {4, 200}, {5, 200}, {6, 300}}));
  EXPECT_EQ(w3, "/DW 200\n/W [1 [100 100] 6 [300]]\n");
  const std::string w4 = build_width_entries(
      widths({{1, 100}, {2, 100}, {3, 100}, {4, 200}, {5, 200}, {6, 200}, {7, 200}}));
  EXPECT_EQ(w4, "/DW 200\n/W [1 3 100]\n");
}

TEST(CidWidths, FractionalWidthsAreNeverTheDefault) {
  // poppler reads /DW as an integer; a fractional one would misplace text.
  const std::string w = build_width_entries(widths({{1, 633.79}, {2, 633.79}, {3, 500}}));
  EXPECT_EQ(w, "/DW 500\n/W [1 [633.79 633.79]]\n");
}

TEST(FontSubsetter, TagIsSixLettersStableAndSetDependent) {
  const std::string a = subset_tag({3, 36, 70}, "NotoSans-Regular");
  EXPECT_EQ(a.size(), 6u);
  for (char c : a) EXPECT_TRUE(c >= 'A' && c <= 'Z');
  EXPECT_EQ(a, subset_tag({3, 36, 70}, "NotoSans-Regular"));
  EXPECT_NE(a, subset_tag({3, 36, 71}, "NotoSans-Regular"));
  EXPECT_NE(a, subset_tag({3, 36, 70}, "NotoSans-Bold"));
}

TEST(FontSubsetter, PdfNamesDropDelimiters) {
  EXPECT_EQ(pdf_font_name("Noto Sans (Bold)/x"), "NotoSansBoldx");
  EXPECT_EQ(pdf_font_name(""), "EmnpubFont");
}

TEST(FontSubsetter, SubsetKeepsGlyphIdsAndDropsTheRest) {
  const text::FontRef face = test::font(test::kNotoRegular);
  const uint32_t a = face->glyph_for('a'), z = face->glyph_for(0x17E);  // ž is a composite
  const std::vector<uint8_t> sub = subset_font(*face, {a, z});
  unsigned full_len = 0;
  hb_blob_get_data(face->blob(), &full_len);
  EXPECT_LT(sub.size(), full_len / 20);

  hb_blob_t* blob =
      hb_blob_create(reinterpret_cast<const char*>(sub.data()), static_cast<unsigned>(sub.size()),
                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* f = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(f);
  // Retained ids: the glyph count reaches at least the highest used id (a
  // composite's components may lie beyond), and the used glyphs keep their
  // outlines and advances.
  EXPECT_GE(hb_face_get_glyph_count(f), std::max(a, z) + 1);
  hb_glyph_extents_t ext{};
  EXPECT_TRUE(hb_font_get_glyph_extents(font, a, &ext));
  EXPECT_GT(ext.width, 0);
  EXPECT_EQ(hb_font_get_glyph_h_advance(font, a), face->advance(a));
  EXPECT_TRUE(hb_font_get_glyph_extents(font, z, &ext));
  // Unused glyphs are empty; no layout, hinting or cmap tables remain.
  EXPECT_TRUE(hb_font_get_glyph_extents(font, face->glyph_for('b'), &ext));
  EXPECT_EQ(ext.width, 0);
  for (hb_tag_t t :
       {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('f', 'p', 'g', 'm'), HB_TAG('c', 'm', 'a', 'p')}) {
    hb_blob_t* table = hb_face_reference_table(f, t);
    EXPECT_EQ(hb_blob_get_length(table), 0u);
    hb_blob_destroy(table);
  }
  hb_font_destroy(font);
  hb_face_destroy(f);
  hb_blob_destroy(blob);
}

// The renderer poppler uses (FreeType) reads the program as a PDF viewer
// would: by glyph id, with no cmap, getting the outlines of the original.
TEST(FontSubsetter, SubsetOutlinesLoadInFreeTypeByGlyphId) {
  const text::FontRef face = test::font(test::kNotoRegular);
  const uint32_t a = face->glyph_for('a'), z = face->glyph_for(0x17E);  // ž is a composite
  const std::vector<uint8_t> sub = subset_font(*face, {a, z});
  unsigned full_len = 0;
  const char* full = hb_blob_get_data(face->blob(), &full_len);

  FT_Library lib = nullptr;
  ASSERT_EQ(FT_Init_FreeType(&lib), 0);
  FT_Face original = nullptr, subset = nullptr;
  ASSERT_EQ(FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(full), full_len, 0, &original), 0);
  ASSERT_EQ(FT_New_Memory_Face(lib, sub.data(), static_cast<FT_Long>(sub.size()), 0, &subset), 0);
  EXPECT_EQ(subset->num_charmaps, 0);
  for (uint32_t gid : {a, z}) {
    ASSERT_EQ(FT_Load_Glyph(original, gid, FT_LOAD_NO_SCALE), 0);
    const short points = original->glyph->outline.n_points;
    const FT_Pos advance = original->glyph->advance.x;
    ASSERT_EQ(FT_Load_Glyph(subset, gid, FT_LOAD_NO_SCALE), 0) << gid;
    EXPECT_GT(points, 0);
    EXPECT_EQ(subset->glyph->outline.n_points, points) << gid;
    EXPECT_EQ(subset->glyph->advance.x, advance) << gid;
  }
  FT_Done_Face(subset);
  FT_Done_Face(original);
  FT_Done_FreeType(lib);
}

}  // namespace
}  // namespace emnpub::pdf
