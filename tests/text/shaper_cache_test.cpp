// The shaping cache: one entry per word and setting (face, script,
// direction, language, features); anything that changes the shaping is a
// different entry.
#include <gtest/gtest.h>

#include "text/shaper.hpp"

namespace emnpub::text {
namespace {

TEST(ShaperCache, SameWordAndSettingIsShapedOnce) {
  const FontRef regular = FontFace::load("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf");
  const FontRef bold = FontFace::load("/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf");
  Shaper shaper;
  ShapeRequest r;
  r.face = regular.get();
  r.text = "official";
  r.lang = "en";
  r.script = HB_SCRIPT_LATIN;
  const ShapedText& first = shaper.shape(r);
  EXPECT_LT(first.glyphs.size(), 8u);  // the ffi ligature
  EXPECT_EQ(&shaper.shape(r), &first);
  EXPECT_EQ(shaper.cache_hits(), 1u);

  // Each of these shapes anew.
  ShapeRequest no_liga = r;
  no_liga.features = "-liga";
  EXPECT_EQ(shaper.shape(no_liga).glyphs.size(), 8u);
  ShapeRequest turkish = r;
  turkish.lang = "tr";
  EXPECT_EQ(shaper.shape(turkish).glyphs.size(), 8u);  // no fi ligature in Turkish
  ShapeRequest heavier = r;
  heavier.face = bold.get();
  EXPECT_NE(&shaper.shape(heavier), &first);
  ShapeRequest other_word = r;
  other_word.text = "offices";
  EXPECT_NE(&shaper.shape(other_word), &first);
  EXPECT_EQ(shaper.cache_misses(), 5u);

  // Back to the first setting and word: still cached, same result.
  EXPECT_EQ(&shaper.shape(r), &first);
  EXPECT_EQ(&shaper.shape(no_liga), &shaper.shape(no_liga));
  EXPECT_EQ(shaper.cache_misses(), 5u);
}

}  // namespace
}  // namespace emnpub::text
