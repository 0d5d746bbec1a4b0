#include "common/base64.hpp"

#include <gtest/gtest.h>

namespace emnpub {
namespace {

std::string text(const Base64Decoded& d) { return std::string(d.bytes.begin(), d.bytes.end()); }

TEST(Base64, DecodesRfc4648Vectors) {
  // RFC 4648 section 10, with and without padding.
  const char* vectors[][2] = {{"", ""},         {"Zg==", "f"},         {"Zm8=", "fo"},
                              {"Zm9v", "foo"},  {"Zm9vYg==", "foob"},  {"Zm9vYmE=", "fooba"},
                              {"Zm9vYmFy", "foobar"}, {"Zg", "f"},     {"Zm9vYmE", "fooba"}};
  for (const auto& v : vectors) {
    const auto d = base64_decode(v[0]);
    EXPECT_EQ(d.error, "") << v[0];
    EXPECT_EQ(text(d), v[1]) << v[0];
  }
}

TEST(Base64, DecodesEveryByteValue) {
  // "+/" and the high bytes: 0xFB 0xFF 0xBF encodes as "+/+/".
  const auto d = base64_decode("+/+/AAEC");
  ASSERT_EQ(d.error, "");
  const std::vector<std::uint8_t> want = {0xFB, 0xFF, 0xBF, 0x00, 0x01, 0x02};
  EXPECT_EQ(d.bytes, want);
}

TEST(Base64, RefusesWhatIsNotBase64) {
  EXPECT_EQ(base64_decode("Zm9v!").error, "has a character that is not base64 in its data");
  EXPECT_EQ(base64_decode("Zm 9v").error, "has a character that is not base64 in its data");
  EXPECT_EQ(base64_decode("Zg==Zg").error, "has base64 data with characters after the '=' padding");
  EXPECT_EQ(base64_decode("Zm9vY").error, "has truncated base64 data");
  EXPECT_EQ(base64_decode("Zg=").error, "has truncated base64 data");
  EXPECT_EQ(base64_decode("Zg===").error, "has truncated base64 data");
}

TEST(Base64, KeepsOnlyTheBytesAskedForButChecksAll) {
  const auto head = base64_decode("Zm9vYmFy", 2);
  EXPECT_EQ(head.error, "");
  EXPECT_EQ(text(head), "fo");
  EXPECT_EQ(base64_decode("Zm9vYmF$", 2).error, "has a character that is not base64 in its data");
}

}  // namespace
}  // namespace emnpub
