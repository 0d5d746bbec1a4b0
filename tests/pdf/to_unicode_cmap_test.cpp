#include "pdf/to_unicode_cmap.hpp"

#include <gtest/gtest.h>

namespace emnpub::pdf {
namespace {

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

TEST(ToUnicodeCmap, ConsecutiveGlyphsAndCodePointsBecomeRanges) {
  std::map<uint32_t, std::u32string> m;
  for (uint32_t g = 36; g < 62; ++g) m[g] = std::u32string(1, U'A' + (g - 36));  // A..Z
  const std::string cmap = build_to_unicode_cmap(m);
  EXPECT_NE(cmap.find("1 beginbfrange\n<0024> <003D> <0041>\nendbfrange"), std::string::npos)
      << cmap;
  EXPECT_EQ(cmap.find("beginbfchar"), std::string::npos);
  EXPECT_NE(cmap.find("/CMapName /Adobe-Identity-UCS def"), std::string::npos);
  EXPECT_NE(cmap.find("<0000> <FFFF>"), std::string::npos);
}

TEST(ToUnicodeCmap, LigaturesAndSupplementaryCodePointsAreSingles) {
  std::map<uint32_t, std::u32string> m;
  m[1969] = U"ffi";
  m[3] = U" ";
  m[500] = U"\U0001D56B";
  m[501] = U"";  // nothing to say: left out
  const std::string cmap = build_to_unicode_cmap(m);
  EXPECT_NE(
      cmap.find(
          "3 beginbfchar\n<0003> <0020>\n<01F4> <D835DD6B>\n<07B1> <006600660069>\nendbfchar"),
      std::string::npos)
      << cmap;
  EXPECT_EQ(cmap.find("<01F5>"), std::string::npos);
}

TEST(ToUnicodeCmap, RangesStayWithinOneHighByte) {
  std::map<uint32_t, std::u32string> m;
  // Glyph ids cross 0x00FF -> 0x0100; code points cross U+04FF -> U+0500.
  for (uint32_t g = 0xFE; g <= 0x101; ++g) m[g] = std::u32string(1, char32_t(0x3000 + g));
  for (uint32_t g = 0x2000; g < 0x2004; ++g)
    m[g] = std::u32string(1, char32_t(0x4FE + (g - 0x2000)));
  const std::string cmap = build_to_unicode_cmap(m);
  EXPECT_NE(cmap.find("<00FE> <00FF> <30FE>"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("<0100> <0101> <3100>"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("<2000> <2001> <04FE>"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("<2002> <2003> <0500>"), std::string::npos) << cmap;
}

TEST(ToUnicodeCmap, AtMostOneHundredEntriesPerBlock) {
  std::map<uint32_t, std::u32string> m;
  for (uint32_t g = 0; g < 250; ++g) m[g * 2] = std::u32string(1, char32_t(0x41 + g));  // no runs
  const std::string cmap = build_to_unicode_cmap(m);
  EXPECT_EQ(count(cmap, "100 beginbfchar"), 2u);
  EXPECT_EQ(count(cmap, "50 beginbfchar"), 1u);
  EXPECT_EQ(count(cmap, "endbfchar"), 3u);
}

}  // namespace
}  // namespace emnpub::pdf
