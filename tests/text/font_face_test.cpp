// FontFace's code point tables against HarfBuzz asked one code point at a
// time, independently of how the tables are filled.
#include "text/font_face.hpp"

#include <gtest/gtest.h>
#include <hb-ot.h>

#include <string>

namespace emnpub::text {
namespace {

TEST(FontFace, GlyphForMatchesTheCmapForEveryCodePoint) {
  // Latin serif and sans, Arabic (most of 0-0x7FF unmapped: many gaps), and
  // DejaVu (wide coverage).
  for (const std::string path : {"/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
                                 "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                                 "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
                                 "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}) {
    SCOPED_TRACE(path);
    const FontRef face = FontFace::load(path);
    HbBlob blob(hb_blob_create_from_file_or_fail(path.c_str()));
    ASSERT_TRUE(blob);
    HbFace hf(hb_face_create(blob.get(), 0));
    HbFont font(hb_font_create(hf.get()));
    hb_ot_font_set_funcs(font.get());
    int mapped = 0, unmapped = 0;
    for (uint32_t cp = 0; cp < 0x2200; ++cp) {
      hb_codepoint_t g = 0;
      const uint32_t want = hb_font_get_nominal_glyph(font.get(), cp, &g) ? g : 0;
      ASSERT_EQ(face->glyph_for(cp), want) << "U+" << std::hex << cp;
      EXPECT_EQ(face->has_codepoint(cp), want != 0);
      (want ? mapped : unmapped)++;
    }
    EXPECT_GT(mapped, 100);
    EXPECT_GT(unmapped, 30);  // at least the C0 and C1 controls
  }
}

}  // namespace
}  // namespace emnpub::text
