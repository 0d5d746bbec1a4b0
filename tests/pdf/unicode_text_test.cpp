#include "pdf/unicode_text.hpp"

#include <gtest/gtest.h>

namespace emnpub::pdf {
namespace {

TEST(UnicodeText, DecodesUtf8) { EXPECT_EQ(utf8_to_utf32("aé€\U0001F600"), U"aé€\U0001F600"); }

TEST(UnicodeText, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(utf8_to_utf32("a\xFF"
                          "b"),
            U"a\uFFFDb");
  EXPECT_EQ(utf8_to_utf32("\xC3"), U"\uFFFD");          // truncated
  EXPECT_EQ(utf8_to_utf32("\xC0\xAF"), U"\uFFFD");      // overlong '/', never a slash
  EXPECT_EQ(utf8_to_utf32("\xED\xA0\x80"), U"\uFFFD");  // encoded surrogate
}

TEST(UnicodeText, Utf16WithSurrogatePairs) {
  EXPECT_EQ(utf16be_hex(U"A\u00E9"), "004100E9");
  EXPECT_EQ(utf16be_hex(U"\U0001D56B"), "D835DD6B");
  EXPECT_EQ(utf16be_with_bom("Ω"), (std::vector<uint8_t>{0xFE, 0xFF, 0x03, 0xA9}));
}

TEST(UnicodeText, PrintableAscii) {
  EXPECT_TRUE(is_printable_ascii("Hello (world)"));
  EXPECT_FALSE(is_printable_ascii("café"));
  EXPECT_FALSE(is_printable_ascii("tab\there"));
}

}  // namespace
}  // namespace emnpub::pdf
