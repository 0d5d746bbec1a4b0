// Golden shaping tests in HarfBuzz's one-line style. Each file in
// tests/data/text/shaping/*.txt holds lines
//
//   font-file;lang;script;direction;features;text;expected
//
// font-file  relative to /usr/share/fonts/truetype/ (or absolute)
// lang       BCP 47 tag given to the shaper ("" for none)
// script     ISO 15924 tag (Latn, Arab, Grek, Cyrl)
// direction  ltr or rtl
// features   emnpub's feature list ("" for the defaults, "-liga", "tnum")
// text       UTF-8; \uXXXX stands for a code point (for invisible ones such as
//            U+00A0 and U+200C) and \\ for a backslash
// expected   HarfBuzz's glyph serialisation with glyph ids and UTF-8 byte
//            clusters, i.e. what `hb-shape --no-glyph-names --utf8-clusters`
//            prints: [gid=cluster@x_offset,y_offset+x_advance|...], the
//            "@x,y" part only when an offset is non-zero; font units.
//
// Lines starting with '#' are comments. Every line is shaped with
// emnpub::text::Shaper and the serialisation must match exactly. On a
// mismatch the test prints the whole line with the actual result, so a
// maintainer who has checked the new output (e.g. after a font or HarfBuzz
// update) can paste it into the file.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "text/font_face.hpp"
#include "text/shaper.hpp"
#include "text_test_support.hpp"

namespace emnpub::text {
namespace {

namespace fs = std::filesystem;
namespace ts = testing_support;

const std::string kGoldenDir = std::string(EMNPUB_TEST_DATA) + "/text/shaping";
const std::string kFontRoot = "/usr/share/fonts/truetype/";

// HarfBuzz's serialisation (hb_buffer_serialize_glyphs, TEXT format, no glyph
// names, no extents) of emnpub's shaped glyphs.
std::string serialise(const ShapedText& s) {
  std::string out = "[";
  for (size_t i = 0; i < s.glyphs.size(); ++i) {
    const ShapedGlyph& g = s.glyphs[i];
    if (i) out += '|';
    out += std::to_string(g.gid) + "=" + std::to_string(g.cluster);
    if (g.x_offset || g.y_offset)
      out += "@" + std::to_string(g.x_offset) + "," + std::to_string(g.y_offset);
    out += "+" + std::to_string(g.x_advance);
  }
  return out + "]";
}

// Resolves \uXXXX and \\ in the text field.
bool unescape(std::string_view in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\') {
      out += in[i];
      continue;
    }
    if (i + 1 < in.size() && in[i + 1] == '\\') {
      out += '\\';
      ++i;
      continue;
    }
    uint32_t cp = 0;
    if (i + 6 > in.size() || in[i + 1] != 'u' || !ts::parse_hex(in.substr(i + 2, 4), cp))
      return false;
    ts::append_utf8(out, cp);
    i += 5;
  }
  return true;
}

struct GoldenLine {
  std::string file;
  int line = 0;
  std::vector<std::string> fields;  // 7 fields as written
};

std::vector<GoldenLine> load_golden(std::vector<std::string>& errors) {
  std::vector<GoldenLine> out;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(kGoldenDir, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const auto lines = ts::read_lines(f.string());
    for (size_t i = 0; i < lines.size(); ++i) {
      if (ts::trim(lines[i]).empty() || lines[i][0] == '#') continue;
      GoldenLine g{f.filename().string(), static_cast<int>(i + 1), {}};
      for (auto field : ts::split(lines[i], ';')) g.fields.emplace_back(field);
      if (g.fields.size() != 7) {
        errors.push_back(g.file + ":" + std::to_string(g.line) + ": expected 7 fields");
        continue;
      }
      out.push_back(std::move(g));
    }
  }
  return out;
}

class FontCache {
 public:
  const FontFace* get(const std::string& name) {
    const std::string path = name.starts_with("/") ? name : kFontRoot + name;
    auto it = faces_.find(path);
    if (it == faces_.end()) it = faces_.emplace(path, FontFace::load(path)).first;
    return it->second.get();
  }

 private:
  std::map<std::string, FontRef> faces_;
};

TEST(ShapingGolden, EveryLineMatches) {
  std::vector<std::string> errors;
  const auto golden = load_golden(errors);
  for (const auto& e : errors) ADD_FAILURE() << e;

  // Every language the requirement names has its file.
  std::map<std::string, size_t> per_file;
  for (const auto& g : golden) ++per_file[g.file];
  for (const char* f : {"nl.txt", "fr.txt", "de.txt", "el.txt", "bg.txt", "ar.txt", "fa.txt",
                        "tr.txt", "vi.txt", "ligatures.txt", "features.txt"})
    EXPECT_GT(per_file[f], 0u) << "no golden lines in " << kGoldenDir << "/" << f;

  FontCache fonts;
  Shaper shaper;
  size_t passed = 0;
  for (const auto& g : golden) {
    const std::string where = g.file + ":" + std::to_string(g.line);
    const auto& f = g.fields;
    std::string text;
    if (!unescape(f[5], text)) {
      ADD_FAILURE() << where << ": bad escape in text field";
      continue;
    }
    if (f[3] != "ltr" && f[3] != "rtl") {
      ADD_FAILURE() << where << ": direction must be ltr or rtl";
      continue;
    }
    // A golden line must never enshrine a missing glyph.
    if (f[6].find("[0=") != std::string::npos || f[6].find("|0=") != std::string::npos)
      ADD_FAILURE() << where << ": expected output contains .notdef (gid 0)";
    const FontFace* face = nullptr;
    try {
      face = fonts.get(f[0]);
    } catch (const std::exception& e) {
      ADD_FAILURE() << where << ": " << e.what();
      continue;
    }
    ShapeRequest req;
    req.face = face;
    req.text = text;
    req.lang = f[1];
    req.script = hb_script_from_string(f[2].c_str(), static_cast<int>(f[2].size()));
    req.rtl = f[3] == "rtl";
    req.features = f[4];
    const std::string actual = serialise(shaper.shape(req));
    if (actual == f[6]) {
      ++passed;
    } else {
      ADD_FAILURE() << where << ": shaping differs from the golden line\n  expected: " << f[6]
                    << "\n  actual:   " << actual << "\n  actual line: " << f[0] << ';' << f[1]
                    << ';' << f[2] << ';' << f[3] << ';' << f[4] << ';' << f[5] << ';' << actual;
    }
  }
  ts::report("shaping_golden", "Shaping golden: " + std::to_string(passed) + " of " +
                                   std::to_string(golden.size()) + " lines match");
  EXPECT_GE(golden.size(), 30u);
}

// The serialiser and escapes themselves, against HarfBuzz's own format.
TEST(ShapingGolden, SerialiserMatchesHarfBuzzFormat) {
  ShapedText s;
  s.glyphs = {{36, 0, 600, 0, 0}, {812, 1, 0, -20, 310}, {3, 3, 260, 0, 0}};
  EXPECT_EQ(serialise(s), "[36=0+600|812=1@-20,310+0|3=3+260]");
  EXPECT_EQ(serialise(ShapedText{}), "[]");
  std::string t;
  ASSERT_TRUE(unescape("a\\u00A0b\\\\", t));
  EXPECT_EQ(t, "a\xC2\xA0" "b\\");
  EXPECT_FALSE(unescape("a\\u00", t));
  EXPECT_FALSE(unescape("a\\x", t));
}

}  // namespace
}  // namespace emnpub::text
