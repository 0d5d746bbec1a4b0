// load_hyphen_dict must build exactly what libhyphen's hnj_hyphen_load
// builds. Proof by comparison: every installed dictionary (and small
// dictionaries for the format corners the installed ones miss) is loaded
// both ways, compared field by field on every level, and ~5,000 words are
// hyphenated with hnj_hyphen_hyphenate2 on both results.
//
// One test per installed dictionary file does both comparisons, because
// ctest runs every test in its own process: libhyphen needs ~4 s for
// hyph_de_DE.dic and should pay that once per run.
#include "text/hyphen_dict_loader.hpp"

#include <gtest/gtest.h>
#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hyphen_dict_support.hpp"

namespace emnpub::text {
namespace {

namespace fs = std::filesystem;

using namespace dict_test;  // NOLINT(google-build-using-namespace): the shared helpers

TEST(HyphenDictLoader, ExpectedDictionariesInstalled) {
  std::set<std::string> names;
  for (const std::string& p : installed_dictionaries()) names.insert(fs::path(p).filename());
  for (const char* want : {"hyph_en_US.dic", "hyph_nl_NL.dic", "hyph_fr.dic", "hyph_de_DE.dic"})
    EXPECT_TRUE(names.count(want)) << want;
}

class InstalledDictionary : public ::testing::TestWithParam<std::string> {};

TEST_P(InstalledDictionary, SameStructureAndHyphenation) {
  const std::string& path = GetParam();
  const DictPtr ref = load_libhyphen(path);
  const Ours ours = load_ours(path);
  ASSERT_NE(ref, nullptr);
  ASSERT_NE(ours, nullptr);
  const std::vector<std::string> diff = differences(ref.get(), ours.get());
  EXPECT_TRUE(diff.empty()) << path << join(diff);

  const std::vector<std::string> words = word_list(file_bytes(path), ref->utf8 != 0);
  EXPECT_GE(words.size(), 4500u);
  size_t with_points = 0;
  const std::vector<std::string> hdiff =
      hyphenation_differences(ref.get(), ours.get(), words, &with_points);
  EXPECT_TRUE(hdiff.empty()) << path << join(hdiff);
  // The words must exercise the patterns, not just pass through.
  EXPECT_GT(with_points, words.size() / 2);
  int states = 0;
  for (const HyphenDict* d = ref.get(); d != nullptr; d = d->nextlevel) states += d->num_states;
  std::cout << "[          ] " << fs::path(path).filename().string() << ": " << states
            << " states identical, " << words.size() << " words (" << with_points
            << " hyphenated) identical\n";
}

INSTANTIATE_TEST_SUITE_P(Installed, InstalledDictionary,
                         ::testing::ValuesIn(installed_dictionaries()),
                         dictionary_test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(InstalledDictionary);

// --- format corners, on small dictionaries -----------------------------------

// A dictionary file that removes itself.
class TempDic {
 public:
  explicit TempDic(const std::string& content) {
    std::string tmpl = (fs::temp_directory_path() / "emnpub_hyph_XXXXXX").string();
    const int fd = mkstemp(tmpl.data());
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    close(fd);
    path_ = tmpl;
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempDic() { std::remove(path_.c_str()); }
  TempDic(const TempDic&) = delete;
  TempDic& operator=(const TempDic&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void expect_same(const std::string& content, const std::vector<std::string>& words) {
  const TempDic f(content);
  const DictPtr ref = load_libhyphen(f.path());
  const Ours ours = load_ours(f.path());
  ASSERT_NE(ref, nullptr);
  ASSERT_NE(ours, nullptr);
  EXPECT_TRUE(differences(ref.get(), ours.get()).empty())
      << content << join(differences(ref.get(), ours.get()));
  EXPECT_TRUE(hyphenation_differences(ref.get(), ours.get(), words).empty())
      << content << join(hyphenation_differences(ref.get(), ours.get(), words));
}

// Non-standard hyphenation (README.nonstandard's "f1f/ff=f,1,2"): with and
// without index/cut, with a leading dot, overlapping plain patterns.
TEST(HyphenDictLoader, Replacements8Bit) {
  expect_same(
      "ISO8859-1\n"
      "% Schiffahrt -> Schiff-fahrt\n"
      "f1f/ff=f,1,2\n"
      "if3fa/ff=f,2,2\n"
      "if1f\n"
      "aa1tje./=,2,1\n"
      "c1k/k=k\n"
      "b1b/b=b,1\n",
      {"schiffahrt", "schiffen", "omaatje", "drucker", "ebbe", "kaffee"});
}

// UTF-8 replacements: character positions converted to bytes; NEXTLEVEL as
// the very first line (an empty compound level).
TEST(HyphenDictLoader, ReplacementsUtf8) {
  const std::string patterns =
      "l\xc2\xb7" "1l/l=l,1,3\n"
      "e1\xc3\xab/e=e,1,2\n"
      "a1atje./a=t,1,3\n"
      "e1etje./\xc3\xa9=tje,1,5\n"
      "eigh1teen/t=t,5,1\n"
      ".schif1fahrt/ff=f,5,2\n"
      "c1k/k=k,1,2\n"
      "d1dzsel./dzs=dzs,1,4\n"
      ".as3szon/sz=sz,2,3\n"
      "n1nyal./ny=ny,1,3\n"
      ".til1l\xc3\xa5ta./ll=l,3,2\n";
  const std::vector<std::string> words = {
      "paral\xc2\xb7lel", "re\xc3\xab" "el", "omaatje",    "cafeetje", "eighteen",
      "drucker",          "schiffahrt",   "briddzsel",  "asszonnyal", "till\xc3\xa5ta"};
  expect_same("UTF-8\nNEXTLEVEL\n" + patterns, words);
  expect_same("UTF-8\n" + patterns, words);  // implicit compound level, UTF-8 defaults
}

// Explicit compound level: its own hyphenmins and NOHYPHEN, a second level
// with its own, and a further NEXTLEVEL that ends the file for libhyphen.
TEST(HyphenDictLoader, ExplicitCompoundLevel) {
  expect_same(
      "ISO8859-1\n"
      "COMPOUNDLEFTHYPHENMIN 2\n"
      "COMPOUNDRIGHTHYPHENMIN 3\n"
      "NOHYPHEN -,'\n"
      "motor1cycle\n"
      "wat1time/tt=t,3,2\n"
      ".kilo1watt.\n"
      "1-1\n"
      "NEXTLEVEL\n"
      "LEFTHYPHENMIN 2\n"
      "RIGHTHYPHENMIN 2\n"
      ".mo1tor.\n"
      ".cy1cle.\n"
      ".ki1lo.\n"
      ".ti1me.\n"
      ".motor2cycle.\n"
      "NEXTLEVEL\n"
      "zz1zz\n",
      {"motorcycle", "kilowattime", "motor-cycle", "kilowatt", "zzzz"});
}

// No NEXTLEVEL: libhyphen adds a compound level (NOHYPHEN ',-, patterns
// 1-1 and 1'1) whose hyphenmins come from the file, defaulting to 3.
TEST(HyphenDictLoader, ImplicitCompoundLevel) {
  const std::string patterns = "hy3ph\nhe2n\nhena4\nhen5at\n1na\nn2at\n1tio\n2io\no2n\n";
  const std::vector<std::string> words = {"hyphenation", "hyphen-ation", "l'hyphenation",
                                          "nation's",    "ation-nation", "-hyphen"};
  expect_same("ISO8859-1\n" + patterns, words);
  expect_same("ISO8859-1\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 4\n" + patterns, words);
  expect_same("ISO8859-1\nCOMPOUNDLEFTHYPHENMIN 4\nCOMPOUNDRIGHTHYPHENMIN 1\n" + patterns, words);
  expect_same("UTF-8\n" + patterns, {"hyphen\xe2\x80\x93nation", "hyphen\xe2\x80\x99nation"});
}

// What libhyphen does with lines, reproduced rather than cleaned up:
// fgets-sized chunks (a first line over 19 bytes, lines over 99 bytes, a
// long '%' comment's tail), CRLF, '#' and blank lines as patterns (a blank
// line gives state 0 the match ""), all-zero and repeated patterns,
// repeated NOHYPHEN lines (count summed, last list kept), no final newline.
TEST(HyphenDictLoader, LibhyphenLineQuirks) {
  const std::string long_gap(110, ' ');
  expect_same("ISO8859-1 and a long tail\r\n"
              "ab1c\r\n"
              "\r\n"
              "# comment: a pattern for libhyphen\n"
              "# a/b,1 in a comment: a replacement\n"
              "\n"
              "b2c\n"
              "b2c\n"
              "b1c/b=c,1,2\n"
              "bcd\n"
              "5\n"
              "\tx1y\n"
              "NOHYPHEN x\n"
              "NOHYPHEN\tyz,zy\n"
              "%" + std::string(97, ' ') + "tail1x\n"
              "cd1e" + long_gap + "de1f\n"
              "e1f",
              {"abcdef", "xyzzyx", "bcbcbc", "tailx", "defdef"});
  expect_same("UTF-8\r\nLEFTHYPHENMIN 1\r\nhy1phen\r\nn1a/n=a\r\n", {"hyphen", "nana"});
}

TEST(HyphenDictLoader, EmptyAndCharsetOnly) {
  expect_same("", {"abc"});
  expect_same("UTF-8", {"abc"});
  expect_same("UTF-8\n", {"abc"});
  expect_same("ISO8859-1\nNEXTLEVEL\n", {"abc"});
}

TEST(HyphenDictLoader, Errors) {
  std::string error;
  EXPECT_EQ(load_hyphen_dict("/nonexistent/hyph_xx.dic", error), nullptr);
  EXPECT_NE(error.find("cannot open"), std::string::npos) << error;
  error.clear();
  EXPECT_EQ(load_hyphen_dict(fs::temp_directory_path().string(), error), nullptr);
  EXPECT_FALSE(error.empty());
  // Success clears a stale message.
  const TempDic f("UTF-8\na1b\n");
  const Ours d{load_hyphen_dict(f.path(), error)};
  EXPECT_NE(d.loaded, nullptr);
  EXPECT_TRUE(error.empty());
}

// No shared state: concurrent loads of one file give identical results.
TEST(HyphenDictLoader, ConcurrentLoads) {
  const std::string path = "/usr/share/hyphen/hyph_nl_NL.dic";
  if (!fs::exists(path)) GTEST_SKIP() << "no Dutch dictionary";
  const Ours expected = load_ours(path);
  ASSERT_NE(expected.loaded, nullptr);
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < ok.size(); ++t)
    threads.emplace_back([&, t] {
      std::string error;
      const Ours d{load_hyphen_dict(path, error)};
      ok[t] = d.loaded != nullptr && differences(expected.get(), d.get()).empty();
    });
  for (std::thread& t : threads) t.join();
  for (int v : ok) EXPECT_TRUE(v);
}

}  // namespace
}  // namespace emnpub::text
