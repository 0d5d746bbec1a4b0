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

TEST(FontSubsetter, SubsetRenumbersGlyphsAndDropsTheRest) {
  const text::FontRef face = test::font(test::kNotoRegular);
  const uint32_t a = face->glyph_for('a'), z = face->glyph_for(0x17E);  // ž is a composite
  ASSERT_LT(a, z);
  const Subset sub = subset_font(*face, {a, z});
  unsigned full_len = 0;
  hb_blob_get_data(face->blob(), &full_len);
  EXPECT_LT(sub.program.size(), full_len / 20);

  // The map covers every id up to the highest used one; the used glyphs
  // get distinct new ids in their original order, every other id .notdef.
  ASSERT_EQ(sub.new_gid.size(), z + 1);
  EXPECT_GT(sub.new_gid[a], 0);
  EXPECT_GT(sub.new_gid[z], sub.new_gid[a]);
  for (uint32_t g = 0; g <= z; ++g) {
    if (g == a || g == z) continue;
    EXPECT_EQ(sub.new_gid[g], 0) << g;
  }

  hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(sub.program.data()),
                                   static_cast<unsigned>(sub.program.size()), HB_MEMORY_MODE_READONLY,
                                   nullptr, nullptr);
  hb_face_t* f = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(f);
  // Dense ids: .notdef, the two glyphs and ž's components, nothing up to
  // the original ids (whose 'loca' and 'hmtx' would be mostly padding).
  EXPECT_LE(hb_face_get_glyph_count(f), 6u);
  hb_glyph_extents_t ext{}, orig{};
  hb_font_t* original = hb_font_create(face->hb_face());
  for (uint32_t g : {a, z}) {
    EXPECT_TRUE(hb_font_get_glyph_extents(font, sub.new_gid[g], &ext)) << g;
    EXPECT_TRUE(hb_font_get_glyph_extents(original, g, &orig)) << g;
    EXPECT_EQ(ext.width, orig.width) << g;
    EXPECT_EQ(ext.height, orig.height) << g;
    EXPECT_EQ(hb_font_get_glyph_h_advance(font, sub.new_gid[g]), face->advance(g)) << g;
  }
  hb_font_destroy(original);
  // No layout, hinting or cmap tables remain.
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

TEST(FontSubsetter, CidToGidMapIsTwoBigEndianBytesPerCid) {
  EXPECT_EQ(cid_to_gid_map({0, 3, 0, 258}), std::string("\0\0\0\3\0\0\1\2", 8));
  EXPECT_EQ(cid_to_gid_map({}), "");
}

// The renderer poppler uses (FreeType) reads the program as a PDF viewer
// would: by the glyph id the map gives, with no cmap, getting the outlines
// of the original.
TEST(FontSubsetter, SubsetOutlinesLoadInFreeTypeByGlyphId) {
  const text::FontRef face = test::font(test::kNotoRegular);
  const uint32_t a = face->glyph_for('a'), z = face->glyph_for(0x17E);  // ž is a composite
  const Subset sub = subset_font(*face, {a, z});
  unsigned full_len = 0;
  const char* full = hb_blob_get_data(face->blob(), &full_len);

  FT_Library lib = nullptr;
  ASSERT_EQ(FT_Init_FreeType(&lib), 0);
  FT_Face original = nullptr, subset = nullptr;
  ASSERT_EQ(FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(full), full_len, 0, &original), 0);
  ASSERT_EQ(FT_New_Memory_Face(lib, sub.program.data(), static_cast<FT_Long>(sub.program.size()), 0, &subset), 0);
  EXPECT_EQ(subset->num_charmaps, 0);
  for (uint32_t gid : {a, z}) {
    ASSERT_EQ(FT_Load_Glyph(original, gid, FT_LOAD_NO_SCALE), 0);
    const short points = original->glyph->outline.n_points;
    const FT_Pos advance = original->glyph->advance.x;
    ASSERT_EQ(FT_Load_Glyph(subset, sub.new_gid[gid], FT_LOAD_NO_SCALE), 0) << gid;
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
