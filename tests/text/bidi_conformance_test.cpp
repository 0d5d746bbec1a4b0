// Unicode Bidirectional Algorithm conformance: every case of the Unicode
// Consortium's BidiCharacterTest.txt (Debian's unicode-data package,
// /usr/share/unicode/BidiCharacterTest.txt) is run through emnpub's own path
// and must give the file's paragraph level, resolved levels and visual order.
//
// Our path, step by step:
//  - Levels: the exact ICU call sequence of itemize() in
//    service/text/itemizer.cpp — the text as UTF-16, ubidi_openSized(length,
//    0), ubidi_setPara(text, length, para, nullptr) with para = 0 (LTR),
//    1 (RTL) or UBIDI_DEFAULT_LTR (auto: rules P2/P3, LTR when no strong
//    character), ubidi_getLevels() read at each code point's first UTF-16
//    unit, ubidi_getParaLevel(). itemize() itself is not called because it
//    also needs a font registry and only exposes levels per run; the levels
//    are what this file checks, so the calls are replicated here
//    (icu_levels() below). If itemizer.cpp changes how it calls ubidi,
//    change icu_levels() to match.
//  - Reordering: emnpub::text::visual_order() (service/text/bidi_reorder.hpp,
//    rule L2) on the resolved levels of the characters the file does not
//    mark 'x' (removed by rule X9), which is how the file's field 4 is
//    defined.
//  - Rule L1: visual_order() implements L2 only. The file's header says each
//    case is a single paragraph that is also a single line, so the end of
//    the line is the end of the paragraph, and ICU's ubidi_getLevels()
//    already applies L1 there (segment separators, and whitespace/isolate
//    formatting characters before them or at the paragraph end, reset to the
//    paragraph level); field 3 holds post-L1 levels, so the level comparison
//    checks that. No L1 step is added in the harness. For a line that ends in
//    the middle of a paragraph, the product's line builder
//    (paragraph_setter.cpp) does not reset levels: it drops the trailing
//    spaces, which sit in the glue at the break and are never placed.
//
// Skipped cases: 31, all where ICU 72's ubidi itself departs from UAX #9 as
// of Unicode 15.0 (the same levels come out of a stand-alone program calling
// ubidi_open/ubidi_setPara/ubidi_getLevels, so they are not an artefact of
// our call sequence). They are listed one by one, by input and paragraph
// direction, in known_icu_deviations() below, grouped by cause with the
// reason; nothing is skipped by a broad pattern. A listed case that starts
// passing (a fixed ICU) fails the test so the list is kept honest. There is
// no version skew: the file is BidiCharacterTest-15.0.0 and ICU 72 is
// Unicode 15.0; the test fails if the versions differ so that a maintainer
// reviews the list. The file has no paragraph separators (its header rules
// out P1), so ICU's multi-paragraph handling plays no part.
#include <gtest/gtest.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "text/bidi_reorder.hpp"
#include "text_test_support.hpp"

namespace emnpub::text {
namespace {

namespace ts = testing_support;

const std::string kBidiCharacterTest = ts::kUnicodeDataDir + "/BidiCharacterTest.txt";

struct BidiCase {
  int line = 0;
  std::vector<uint32_t> cps;
  int direction = 0;          // field 1: 0 LTR, 1 RTL, 2 auto
  int para_level = 0;         // field 2
  std::vector<int> levels;    // field 3, -1 for 'x'
  std::vector<size_t> order;  // field 4
};

// Cases where ICU 72 departs from UAX #9 (Unicode 15.0), by cause.
struct KnownDeviation {
  const char* what;          // short name for the summary line
  const char* reason;
  bool order_still_checked;  // levels differ, but the visual order must match
  std::vector<std::string> inputs;  // "field 0;field 1" exactly as in the file
};

const std::vector<KnownDeviation>& known_icu_deviations() {
  static const std::vector<KnownDeviation> list = [] {
    // a, then 64 nested "(" , b, 64 ")" (line 120 of the 15.0.0 file).
    std::string nested = "0061";
    for (int i = 0; i < 64; ++i) nested += " 0028";
    nested += " 0062";
    for (int i = 0; i < 64; ++i) nested += " 0029";
    return std::vector<KnownDeviation>{
        {"override on isolates between embeddings",
         "X5a-X5c/X6a (Unicode 8.0 change): an isolate initiator and its PDI take the "
         "embedding level and override of the text around them even when tightly flanked by "
         "PDF...LRE/RLE; ICU gives them the inner embedding's level.",
         false,
         {"202E 0061 202A 0062 202C 2066 0063 2069 202A 0064 202C 0065 202C;2",
          "202E 0061 202A 0062 202C 2066 0063 2069 202A 0064 202C 0065 202C;1",
          "202D 05D0 202B 05D1 202C 2068 05D2 2069 202B 05D3 202C 05D4 202C;2",
          "202D 0661 202B 0662 202C 2068 0663 2069 202B 0664 202C 0665 202C;0"}},
        {"override on paired brackets",
         "BD14-BD16/N0 (Unicode 8.0 change): a bracket whose class an override (LRO/RLO) "
         "changed is no longer ON and must not be paired; ICU pairs it anyway.",
         false,
         {"202A 05D0 0028 05D1 202C 202D 0029;2",
          "202A 05D0 0028 05D1 202C 202D 0029 202C;2",
          "202B 0061 0028 0062 202C 202E 0029;2",
          "202B 0061 0028 0062 202C 202E 0029 202C;2",
          "202A 202E 0061 202C 0028 05D0 202C 202D 0029 202C;2",
          "202B 202D 05D0 202C 0028 0061 202C 202E 0029 202C;2",
          "202A 202E 0061 202C 0028 005B 05D0 202C 202D 005D 0029 202C;2",
          "202B 202D 05D0 202C 0028 005B 0061 202C 202E 005D 0029 202C;2",
          "202D 0028 202C 202A 05D0 0029 05D1;2",
          "202D 0028 202C 202A 05D0 0029 05D1 202C;2",
          "202E 0028 202C 202B 0061 0029 0062;2",
          "202E 0028 202C 202B 0061 0029 0062 202C;2",
          "202D 202E 0061 202C 0028 202C 202A 05D0 0029 05D1;2",
          "202E 202D 05D0 202C 0028 202C 202B 0061 0029 0062;2",
          "202D 202E 0061 202C 0028 005B 202C 202A 05D0 005D 0029 05D1;2",
          "202E 202D 05D0 202C 0028 005B 202C 202B 0061 005D 0029 0062;2"}},
        {"NSM after an N0 bracket",
         "N0 (Unicode 8.0 change): nonspacing marks that follow a bracket changed by N0 take "
         "the bracket's new type (ignoring BN such as ZWJ/ZWSP in between); ICU leaves them "
         "with the type W1 gave them, so a mark after the closing bracket lands on the "
         "paragraph level.",
         false,
         {"0061 0028 0062 0029 0331;1", "0061 0028 0332 0062 0029 0333;1",
          "05D0 0028 05D1 0029 0331;0", "05D0 0028 0332 05D1 0029 0333;0",
          "0661 0028 0662 0029 0331;0", "0661 0028 0332 0662 0029 0333;0",
          "0041 200F 005B 05D0 005D 200D 20D6;0",
          "0041 200F 005B 200D 20D6 05D0 005D 200D 20D6;0",
          "0041 200F 005B 200D 200B 20D6 05D0 005D 200B 200D 20D6;0"}},
        {"bracket stack overflow",
         "BD16: with more than 63 nested opening brackets the stack overflows and no pairs "
         "are resolved in that isolating run sequence; ICU has no such limit and pairs all "
         "64 (the closing brackets get level 2 instead of 1).",
         false,
         {nested + ";1"}},
        {"ICU unidirectional shortcut",
         "ICU returns the paragraph level for every character when the resolved text has "
         "one direction only (here a LTR embedding inside an LTR paragraph: level 0 where "
         "UAX #9 says 2). ICU's own conformance test accepts this; parity and therefore "
         "direction are the same and L2 gives the same order, which is still checked.",
         true,
         {"0061 202A 0062 202C 0020 0031 0020 0032;0"}},
    };
  }();
  return list;
}

const KnownDeviation* known_deviation(const std::string& text) {
  const auto fields = ts::split(text, ';');
  if (fields.size() < 2) return nullptr;
  const std::string key = std::string(ts::trim(fields[0])) + ";" + std::string(ts::trim(fields[1]));
  for (const auto& d : known_icu_deviations())
    for (const auto& in : d.inputs)
      if (in == key) return &d;
  return nullptr;
}

bool parse_case(const std::string& text, int line_no, BidiCase& out, std::string& error) {
  const auto fields = ts::split(text, ';');
  if (fields.size() != 5) {
    error = "expected 5 fields";
    return false;
  }
  out.line = line_no;
  for (auto t : ts::tokens(fields[0])) {
    uint32_t cp = 0;
    if (!ts::parse_hex(t, cp)) {
      error = "bad code point";
      return false;
    }
    out.cps.push_back(cp);
  }
  const auto dir = ts::trim(fields[1]);
  const auto para = ts::trim(fields[2]);
  if (dir.size() != 1 || dir[0] < '0' || dir[0] > '2' || para.size() != 1 || para[0] < '0' ||
      para[0] > '1') {
    error = "bad direction or paragraph level";
    return false;
  }
  out.direction = dir[0] - '0';
  out.para_level = para[0] - '0';
  for (auto t : ts::tokens(fields[3])) {
    if (t == "x") {
      out.levels.push_back(-1);
    } else {
      int v = 0;
      for (char ch : t) {
        if (ch < '0' || ch > '9') {
          error = "bad level";
          return false;
        }
        v = v * 10 + (ch - '0');
      }
      out.levels.push_back(v);
    }
  }
  for (auto t : ts::tokens(fields[4])) {
    size_t v = 0;
    for (char ch : t) {
      if (ch < '0' || ch > '9') {
        error = "bad index";
        return false;
      }
      v = v * 10 + static_cast<size_t>(ch - '0');
    }
    out.order.push_back(v);
  }
  if (out.cps.empty() || out.levels.size() != out.cps.size()) {
    error = "level count differs from code point count";
    return false;
  }
  return true;
}

struct UBiDiDeleter {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};

struct IcuResult {
  bool ok = false;
  int para_level = -1;
  std::vector<uint8_t> levels;  // per code point
};

// The ubidi call sequence of itemize() (service/text/itemizer.cpp).
IcuResult icu_levels(const std::vector<uint32_t>& cps, int direction) {
  IcuResult r;
  std::u16string u16;
  std::vector<int32_t> u16_at;
  for (uint32_t cp : cps) {
    u16_at.push_back(static_cast<int32_t>(u16.size()));
    if (cp > 0xFFFF) {
      u16.push_back(static_cast<char16_t>(0xD7C0 + (cp >> 10)));
      u16.push_back(static_cast<char16_t>(0xDC00 | (cp & 0x3FF)));
    } else {
      u16.push_back(static_cast<char16_t>(cp));
    }
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, UBiDiDeleter> bidi(
      ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &err));
  const UBiDiLevel para = direction == 1 ? 1 : direction == 0 ? 0 : UBIDI_DEFAULT_LTR;
  ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(u16.data()),
                static_cast<int32_t>(u16.size()), para, nullptr, &err);
  if (U_FAILURE(err)) return r;
  const UBiDiLevel* lv = ubidi_getLevels(bidi.get(), &err);
  if (U_FAILURE(err) || !lv) return r;
  for (int32_t at : u16_at) r.levels.push_back(lv[at]);
  r.para_level = ubidi_getParaLevel(bidi.get());
  r.ok = true;
  return r;
}

std::string join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : " ") + p;
  return s;
}

std::string describe(const BidiCase& c, const IcuResult& r, const std::vector<size_t>& order) {
  std::ostringstream o;
  o << "line " << c.line << ": dir " << c.direction << "; expected para " << c.para_level
    << " levels [";
  std::vector<std::string> e, a, eo, ao;
  for (size_t i = 0; i < c.levels.size(); ++i) {
    e.push_back(c.levels[i] < 0 ? "x" : std::to_string(c.levels[i]));
    a.push_back(i < r.levels.size() ? std::to_string(r.levels[i]) : "?");
  }
  for (size_t v : c.order) eo.push_back(std::to_string(v));
  for (size_t v : order) ao.push_back(std::to_string(v));
  o << join(e) << "] order [" << join(eo) << "]; got para " << r.para_level << " levels ["
    << join(a) << "] order [" << join(ao) << "]";
  return o.str();
}

TEST(BidiConformance, BidiCharacterTestFile) {
  const auto lines = ts::read_lines(kBidiCharacterTest);
  ASSERT_FALSE(lines.empty()) << kBidiCharacterTest
                              << " is missing: install Debian's unicode-data (scripts/setup.sh)";
  const std::string version = ts::unicode_file_version(lines);
  ASSERT_TRUE(ts::same_unicode_version(version, U_UNICODE_VERSION))
      << "BidiCharacterTest " << version << " vs ICU's Unicode " << U_UNICODE_VERSION
      << ": review known_icu_deviations() for version skew";

  size_t total = 0, passed = 0, skipped = 0, level_failures = 0, order_failures = 0;
  std::map<const KnownDeviation*, size_t> skipped_by;
  std::vector<std::string> failures;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& text = lines[i];
    if (ts::trim(text).empty() || text[0] == '#') continue;
    ++total;
    BidiCase c;
    std::string error;
    ASSERT_TRUE(parse_case(text, static_cast<int>(i + 1), c, error))
        << kBidiCharacterTest << ":" << i + 1 << ": " << error;
    const IcuResult r = icu_levels(c.cps, c.direction);
    bool levels_ok = r.ok && r.para_level == c.para_level;
    // Rule L2 on the characters X9 kept, in logical order.
    std::vector<size_t> kept;
    std::vector<uint8_t> kept_levels;
    for (size_t k = 0; k < c.cps.size(); ++k) {
      if (c.levels[k] < 0) continue;
      if (r.ok && r.levels[k] != c.levels[k]) levels_ok = false;
      kept.push_back(k);
      kept_levels.push_back(r.ok ? r.levels[k] : 0);
    }
    std::vector<size_t> order;
    for (size_t idx : visual_order(kept_levels)) order.push_back(kept[idx]);
    const bool order_ok = order == c.order;

    if (const KnownDeviation* d = known_deviation(text)) {
      ++skipped;
      ++skipped_by[d];
      if (levels_ok && order_ok)
        ADD_FAILURE() << "line " << c.line << " (" << d->what
                      << ") now passes: remove it from known_icu_deviations()";
      if (d->order_still_checked && !order_ok)
        ADD_FAILURE() << "line " << c.line << " (" << d->what
                      << "): the visual order must still match: " << describe(c, r, order);
      continue;
    }
    if (levels_ok && order_ok) {
      ++passed;
      continue;
    }
    if (!levels_ok) ++level_failures;
    else ++order_failures;
    if (failures.size() < 20) failures.push_back(describe(c, r, order));
  }

  std::ostringstream summary;
  summary << "BidiCharacterTest: " << passed << " of " << total << " cases pass (" << skipped
          << " skipped";
  const char* sep = ": ";
  for (const auto& d : known_icu_deviations()) {
    summary << sep << skipped_by[&d] << " " << d.what;
    sep = ", ";
  }
  summary << "; all ICU 72 departures from UAX #9, see the test source); " << level_failures
          << " others with wrong levels, " << order_failures
          << " with right levels but wrong order";
  ts::report("bidi_character_test", summary.str());

  // The file has ~91,700 cases; far fewer means it was not read properly.
  EXPECT_GT(total, 90000u);
  // Every listed deviation is in the file (the list cannot hide anything else).
  size_t listed = 0;
  for (const auto& d : known_icu_deviations()) listed += d.inputs.size();
  EXPECT_EQ(skipped, listed) << "a case in known_icu_deviations() is not in the file";
  for (const auto& f : failures) ADD_FAILURE() << f;
  EXPECT_EQ(passed + skipped, total);
}

// visual_order() on its own, against the file's levels rather than ICU's, so a
// failure of the case above can be told apart as an L2 bug or a levels bug.
TEST(BidiConformance, VisualOrderFromFileLevels) {
  const auto lines = ts::read_lines(kBidiCharacterTest);
  ASSERT_FALSE(lines.empty()) << kBidiCharacterTest << " is missing";
  size_t total = 0, passed = 0;
  std::vector<std::string> failures;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& text = lines[i];
    if (ts::trim(text).empty() || text[0] == '#') continue;
    BidiCase c;
    std::string error;
    ASSERT_TRUE(parse_case(text, static_cast<int>(i + 1), c, error)) << error;
    ++total;  // no skips: the file's own levels are right by definition
    std::vector<size_t> kept;
    std::vector<uint8_t> kept_levels;
    for (size_t k = 0; k < c.cps.size(); ++k) {
      if (c.levels[k] < 0) continue;
      kept.push_back(k);
      kept_levels.push_back(static_cast<uint8_t>(c.levels[k]));
    }
    std::vector<size_t> order;
    for (size_t idx : visual_order(kept_levels)) order.push_back(kept[idx]);
    if (order == c.order) {
      ++passed;
    } else if (failures.size() < 20) {
      std::vector<std::string> got;
      for (size_t v : order) got.push_back(std::to_string(v));
      failures.push_back("line " + std::to_string(c.line) + ": got order [" + join(got) + "]");
    }
  }
  ts::report("bidi_visual_order",
             "BidiCharacterTest (visual_order on the file's levels): " + std::to_string(passed) +
                 " of " + std::to_string(total) + " cases pass");
  EXPECT_GT(total, 90000u);
  for (const auto& f : failures) ADD_FAILURE() << f;
  EXPECT_EQ(passed, total);
}

// Small hand-made cases, so the harness itself is known to catch mistakes: a
// wrong expectation must fail.
TEST(BidiConformance, HarnessDetectsWrongLevelsAndOrder) {
  BidiCase c;
  std::string error;
  // "abc אבג" in an LTR paragraph: levels 0 0 0 0 1 1 1, order 0 1 2 3 6 5 4.
  ASSERT_TRUE(parse_case("0061 0062 0063 0020 05D0 05D1 05D2;0;0;0 0 0 0 1 1 1;0 1 2 3 6 5 4", 1,
                         c, error))
      << error;
  const IcuResult r = icu_levels(c.cps, c.direction);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.para_level, 0);
  EXPECT_EQ(r.levels, (std::vector<uint8_t>{0, 0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(visual_order(r.levels), (std::vector<size_t>{0, 1, 2, 3, 6, 5, 4}));
  // Auto direction with the Hebrew first: RTL paragraph.
  EXPECT_EQ(icu_levels({0x05D0, 0x0020, 0x0061}, 2).para_level, 1);
  // A character beyond the BMP (U+10900 PHOENICIAN LETTER ALF, R) reads its
  // level at its first UTF-16 unit.
  EXPECT_EQ(icu_levels({0x0061, 0x10900, 0x0062}, 0).levels, (std::vector<uint8_t>{0, 1, 0}));
}

}  // namespace
}  // namespace emnpub::text
