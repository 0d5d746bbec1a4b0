// Dictionary images (text/hyphen_dict_image.hpp) must give back exactly
// the dictionary they were saved from, be used only for the file they were
// made from, and be refused, never followed, when damaged.
#include "text/hyphen_dict_image.hpp"

#include <gtest/gtest.h>
#include <hyphen.h>

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "hyphen_dict_support.hpp"
#include "support/temp_dir.hpp"
#include "text/hyphenator.hpp"

namespace emnpub::text {
namespace {

namespace fs = std::filesystem;
using namespace dict_test;  // NOLINT(google-build-using-namespace): the shared helpers

using test_support::TempDir;

std::string saved_image(const std::string& dic, const TempDir& dir, DictSource& source) {
  std::string error;
  EXPECT_TRUE(dict_source_of(dic, source));
  auto dict = load_hyphen_dict(dic, error);
  EXPECT_NE(dict, nullptr) << error;
  const std::string image = (dir.path() / hyphen_image_name(dic)).string();
  EXPECT_TRUE(save_hyphen_image(*dict, source, image, error)) << error;
  return image;
}

class InstalledImage : public ::testing::TestWithParam<std::string> {};

TEST_P(InstalledImage, GivesBackTheSameDictionary) {
  const std::string& dic = GetParam();
  TempDir dir;
  DictSource source;
  const std::string image = saved_image(dic, dir, source);
  std::string error;
  const Ours parsed = load_ours(dic);
  auto loaded = load_hyphen_image(image, source, error);
  ASSERT_NE(loaded, nullptr) << error;
  const std::vector<std::string> diff = differences(parsed.get(), loaded->get());
  EXPECT_TRUE(diff.empty()) << dic << join(diff);
  const std::vector<std::string> words = word_list(file_bytes(dic), parsed.get()->utf8 != 0);
  const std::vector<std::string> hdiff = hyphenation_differences(parsed.get(), loaded->get(), words);
  EXPECT_TRUE(hdiff.empty()) << dic << join(hdiff);
  std::cout << "[          ] " << fs::path(dic).filename().string() << ": " << fs::file_size(image) / 1024
            << " KiB image, " << words.size() << " words identical\n";
}

INSTANTIATE_TEST_SUITE_P(Installed, InstalledImage, ::testing::ValuesIn(installed_dictionaries()),
                         dictionary_test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(InstalledImage);

const std::string kDutch = "/usr/share/hyphen/hyph_nl_NL.dic";

// The Dutch dictionary saved as an image in a temporary folder.
class HyphenDictImage : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kDutch)) GTEST_SKIP() << "no Dutch dictionary";
    image = saved_image(kDutch, dir, source);
  }
  TempDir dir;
  DictSource source;
  std::string image;
};

TEST_F(HyphenDictImage, OnlyForTheFileItWasMadeFrom) {
  std::string error;
  DictSource other = source;
  other.mtime_ns += 1;
  EXPECT_EQ(load_hyphen_image(image, other, error), nullptr);
  EXPECT_NE(error.find("another version"), std::string::npos) << error;
  other = source;
  other.size += 1;
  EXPECT_EQ(load_hyphen_image(image, other, error), nullptr);
  EXPECT_NE(load_hyphen_image(image, source, error), nullptr) << error;
  EXPECT_EQ(hyphen_image_name("/usr/share/hyphen/hyph_nl.dic"), "hyph_nl_NL.dic.img");  // by the real file
}

// A truncated image, and a byte changed anywhere (the checksum), are refused.
TEST_F(HyphenDictImage, DamagedImagesAreRefused) {
  const std::string good = file_bytes(image);
  const std::string bad = (dir.path() / "bad.img").string();
  auto write = [&bad](const std::string& bytes) { std::ofstream(bad, std::ios::binary) << bytes; };
  std::string error;
  for (size_t len : {size_t{0}, size_t{10}, size_t{47}, size_t{56}, size_t{200}, good.size() / 2, good.size() - 1}) {
    write(good.substr(0, len));
    EXPECT_EQ(load_hyphen_image(bad, source, error), nullptr) << "truncated to " << len;
  }
  for (size_t at = 0; at < good.size(); at += good.size() / 997 + 1) {
    std::string b = good;
    b[at] = static_cast<char>(b[at] ^ 0x01);
    write(b);
    EXPECT_EQ(load_hyphen_image(bad, source, error), nullptr) << "byte " << at << " changed";
  }
}

// A large image (German, 15 MB) is summed on a helper while its structure
// is checked: a changed byte is still refused, mapped in place or read.
TEST(HyphenDictImageLarge, ADamagedLargeImageIsRefused) {
  const std::string german = "/usr/share/hyphen/hyph_de_DE.dic";
  if (!fs::exists(german)) GTEST_SKIP() << "no German dictionary";
  TempDir dir;
  DictSource source;
  const std::string image = saved_image(german, dir, source);
  std::string good = file_bytes(image);
  ASSERT_GT(good.size(), size_t{4} << 20) << "no longer large enough to be summed apart";
  std::string error;
  {
    auto loaded = load_hyphen_image(image, source, error);
    ASSERT_NE(loaded, nullptr) << error;
  }
  const std::string bad = (dir.path() / "bad.img").string();
  for (size_t at : {good.size() / 3, good.size() - 3}) {
    std::string b = good;
    b[at] = static_cast<char>(b[at] ^ 0x20);
    std::ofstream(bad, std::ios::binary) << b;
    EXPECT_EQ(load_hyphen_image(bad, source, error), nullptr) << "byte " << at << " changed";
    EXPECT_NE(error.find("damaged"), std::string::npos) << error;
  }
}

// Past the checksum (as if a bug had written it), what would send
// libhyphen out of the block is refused too: offsets past the end or
// misaligned, strings without their end, state numbers out of range.
TEST_F(HyphenDictImage, InconsistentImagesAreRefused) {
  const std::string good = file_bytes(image);
  constexpr size_t kHeader = 64;  // sizeof the file header
  const size_t payload = good.size() - kHeader;
  auto resealed = [&](std::string b) {  // a valid checksum over a changed payload
    const uint64_t sum = image_checksum(b.data(), b.data() + kHeader, payload);
    std::memcpy(b.data() + kHeader - 8, &sum, 8);
    return b;
  };
  const std::string bad = (dir.path() / "bad.img").string();
  std::string error;
  // Refused both ways: mapped in place, and read and relocated (its place
  // taken by the good image, loaded meanwhile).
  auto refused = [&](const std::string& b) {
    std::ofstream(bad, std::ios::binary) << resealed(b);
    const bool in_place = load_hyphen_image(bad, source, error) == nullptr;
    const auto holder = load_hyphen_image(image, source, error);
    EXPECT_NE(holder, nullptr) << error;
    const bool relocated = load_hyphen_image(bad, source, error) == nullptr;
    EXPECT_EQ(in_place, relocated) << "mapped and relocated images checked differently";
    return in_place && relocated;
  };
  EXPECT_FALSE(refused(good)) << error;  // resealing alone changes nothing
  // The level's states pointer (HyphenDict.states), then the first states'
  // match, repl, fallback, transition count and transitions.
  const size_t dict_at = kHeader;
  const size_t states_field = dict_at + offsetof(HyphenDict, states);
  // Pointers are stored as they are with the file mapped at its base
  // (the header's field at byte 48): payload offset = pointer - base - 64.
  uint64_t base = 0;
  std::memcpy(&base, good.data() + 48, 8);
  const uint64_t stored = base + kHeader;
  auto offset_of = [&](size_t field) {
    uint64_t p = 0;
    std::memcpy(&p, good.data() + field, 8);
    EXPECT_GE(p, stored) << "a pointer below the payload";
    return static_cast<size_t>(p - stored);
  };
  const size_t states_off = offset_of(states_field);
  auto with_u64 = [&](size_t at, uint64_t v) {
    std::string b = good;
    std::memcpy(b.data() + at, &v, 8);
    return b;
  };
  auto with_i32 = [&](size_t at, int32_t v) {
    std::string b = good;
    std::memcpy(b.data() + at, &v, 4);
    return b;
  };
  EXPECT_TRUE(refused(with_u64(states_field, stored + payload + 1))) << "states past the end";
  EXPECT_TRUE(refused(with_u64(states_field, stored + states_off + 2))) << "states misaligned";
  EXPECT_TRUE(refused(with_i32(dict_at + offsetof(HyphenDict, num_states), 1 << 30))) << "too many states";
  const size_t state1 = kHeader + states_off + sizeof(HyphenState);
  EXPECT_TRUE(refused(with_u64(state1 + offsetof(HyphenState, match), stored + payload + 5))) << "match past the end";
  EXPECT_TRUE(refused(with_i32(state1 + offsetof(HyphenState, fallback_state), 1 << 29))) << "fallback";
  EXPECT_TRUE(refused(with_i32(state1 + offsetof(HyphenState, num_trans), 1 << 29))) << "transitions";
  // A transition to a state that does not exist.
  const size_t state0 = kHeader + states_off;
  const size_t trans_off = offset_of(state0 + offsetof(HyphenState, trans));
  EXPECT_TRUE(refused(with_i32(kHeader + trans_off + offsetof(HyphenTrans, new_state), 1 << 29)));
  // The last string's end cut off: its NUL replaced at the very end.
  std::string b = good;
  b.back() = 'x';
  EXPECT_TRUE(refused(b)) << "unterminated string";
}

// An image is used in place, mapped read-only where its pointers point;
// with that place taken (here by the same image, loaded first) it is read
// and relocated. Both give the dictionary back as it was saved.
TEST_F(HyphenDictImage, MappedInPlaceOrReadAndRelocated) {
  std::string error;
  const Ours parsed = load_ours(kDutch);
  auto first = load_hyphen_image(image, source, error);
  ASSERT_NE(first, nullptr) << error;
  EXPECT_TRUE(first->mapped());
  auto second = load_hyphen_image(image, source, error);
  ASSERT_NE(second, nullptr) << error;
  EXPECT_FALSE(second->mapped());
  EXPECT_NE(first->get(), second->get());
  const std::vector<std::string> words = word_list(file_bytes(kDutch), parsed.get()->utf8 != 0);
  for (const auto* loaded : {first.get(), second.get()}) {
    EXPECT_TRUE(differences(parsed.get(), loaded->get()).empty());
    const std::vector<std::string> hdiff = hyphenation_differences(parsed.get(), loaded->get(), words);
    EXPECT_TRUE(hdiff.empty()) << join(hdiff);
  }
  // Unmapped with the first, its place is free again.
  first.reset();
  auto third = load_hyphen_image(image, source, error);
  ASSERT_NE(third, nullptr) << error;
  EXPECT_TRUE(third->mapped());
}

// The header's fields are sealed with the payload: a changed base (where
// the pointers point) is refused, not followed.
TEST_F(HyphenDictImage, AChangedBaseIsRefused) {
  const std::string good = file_bytes(image);
  const std::string bad = (dir.path() / "bad.img").string();
  std::string error;
  for (uint64_t delta : {uint64_t{8}, uint64_t{4096}, uint64_t{1} << 20, uint64_t{1} << 28}) {
    std::string b = good;
    uint64_t base = 0;
    std::memcpy(&base, b.data() + 48, 8);
    base += delta;
    std::memcpy(b.data() + 48, &base, 8);
    std::ofstream(bad, std::ios::binary) << b;
    EXPECT_EQ(load_hyphen_image(bad, source, error), nullptr) << "base moved by " << delta;
    EXPECT_NE(error.find("checksum"), std::string::npos) << error;
  }
}

TEST_F(HyphenDictImage, HyphenatorUsesAnImageOnlyWhenCurrent) {
  const auto parsed = Hyphenator::load(kDutch, 2, 2);
  const auto imaged = Hyphenator::load(kDutch, 2, 2, dir.path().string());
  const auto none = Hyphenator::load(kDutch, 2, 2, (dir.path() / "missing").string());
  HyphenationRules rules;
  for (const char* w : {"voorbeeld", "hyphenatiepatronen", "werkgelegenheid", "asielaanvragen"}) {
    EXPECT_EQ(parsed->hyphenate(w, rules), imaged->hyphenate(w, rules)) << w;
    EXPECT_EQ(parsed->hyphenate(w, rules), none->hyphenate(w, rules)) << w;
  }
}

}  // namespace
}  // namespace emnpub::text
