// Where poppler finds each word must be where layout put it, and the text it
// extracts must be the text layout had, including when one glyph stands for
// different texts.
#include <gtest/gtest.h>

#include <regex>

#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

namespace emnpub::pdf {
namespace {

using namespace test;

struct WordBox {
  std::string text;
  double x_min, x_max, y_max;
};

std::vector<WordBox> poppler_words(const std::string& pdf) {
  const CommandResult r = run("pdftotext -bbox '" + pdf + "' -");
  EXPECT_EQ(r.status, 0) << r.out;
  std::vector<WordBox> words;
  const std::regex word(
      R"re(<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), word), end; it != end; ++it)
    words.push_back({(*it)[4], std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3])});
  return words;
}

// Expected word extents from the run: first glyph origin to last glyph
// origin plus its font advance (poppler measures glyphs by their PDF width).
std::vector<WordBox> layout_words(const layout::GlyphRun& run) {
  std::vector<WordBox> words;
  const double size = to_pt(run.size);
  const double upem = run.font->upem();
  bool in_word = false;
  for (const auto& c : run.clusters) {
    const auto& first = run.glyphs[c.first_glyph];
    const auto& last = run.glyphs[c.first_glyph + c.glyph_count - 1];
    if (run.cluster_text(c) == " ") {
      in_word = false;
      continue;
    }
    const double x0 = to_pt(run.x + first.x);
    const double x1 = to_pt(run.x + last.x) + run.font->advance(last.gid) * size / upem;
    if (!in_word) words.push_back({"", x0, x1, 0});
    words.back().text += run.cluster_text(c);
    words.back().x_max = x1;
    in_word = true;
  }
  return words;
}

TEST(TextFidelity, WordsAreWhereLayoutPlacedThem) {
  TempDir dir;
  layout::PagedDocument doc;
  layout::Page page = a4_page();
  // Kerning pairs, a 2048-unit font with fractional widths, and a line with
  // extra space after every word as justification produces.
  page.runs.push_back(shape("AVAWAY Toyota WAVE Týr", font(kNotoBold), 17, 60.25, 780));
  page.runs.push_back(shape("Ευρωπαϊκή Ένωση Европейски съюз", font(kDejaVu), 11, 60, 750));
  layout::GlyphRun justified =
      shape("Having regard to the Treaty on the Functioning", font(kNotoRegular), 9.5, 60, 720);
  Fixed extra = 0;
  for (const auto& c : justified.clusters) {
    for (uint32_t k = 0; k < c.glyph_count; ++k) justified.glyphs[c.first_glyph + k].x += extra;
    if (justified.cluster_text(c) == " ") extra += from_pt(1.37);
  }
  page.runs.push_back(justified);
  doc.pages.push_back(page);

  const std::string path = dir.write("pos.pdf", write_pdf(doc));
  const std::vector<WordBox> got = poppler_words(path);
  std::vector<WordBox> want;
  for (const auto& run : page.runs)
    for (const auto& w : layout_words(run)) want.push_back(w);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].text, want[i].text);
    EXPECT_NEAR(got[i].x_min, want[i].x_min, 0.005) << want[i].text;
    EXPECT_NEAR(got[i].x_max, want[i].x_max, 0.005) << want[i].text;
  }
}

TEST(TextFidelity, GlyphUsedForTwoTextsKeepsBothTexts) {
  TempDir dir;
  const text::FontRef noto = font(kNotoRegular);
  ShapeOptions liga;
  liga.features = {{HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END}};
  // The premise: Noto Sans reaches one glyph both through the ffi ligature
  // and through the code point U+FB03.
  const layout::GlyphRun word = shape("official", noto, 12, 72, 760, liga);
  const layout::GlyphRun literal = shape("o\uFB03cial", noto, 12, 72, 740);
  ASSERT_EQ(word.glyphs[1].gid, noto->glyph_for(0xFB03));
  ASSERT_EQ(literal.glyphs[1].gid, noto->glyph_for(0xFB03));

  for (bool literal_first : {false, true}) {
    layout::PagedDocument doc;
    layout::Page page = a4_page();
    page.runs = literal_first ? std::vector{literal, word} : std::vector{word, literal};
    page.runs[0].y = from_pt(760);
    page.runs[1].y = from_pt(740);
    doc.pages.push_back(page);
    const auto bytes = write_pdf(doc, WriteOptions{.compress = false});
    const std::string raw(bytes.begin(), bytes.end());
    // The second use of the glyph copies through ActualText.
    EXPECT_NE(raw.find("/ActualText <FEFF"), std::string::npos);
    const std::string text = pdftotext(dir.write("conflict.pdf", bytes));
    const std::string first = literal_first ? "o\uFB03cial" : "official";
    const std::string second = literal_first ? "official" : "o\uFB03cial";
    EXPECT_EQ(text.substr(0, text.find('\n')), first);
    EXPECT_NE(text.find("\n" + second + "\n"), std::string::npos) << text;
  }
}

TEST(TextFidelity, DecomposedAccentsAndSupplementaryPlaneText) {
  TempDir dir;
  layout::PagedDocument doc;
  layout::Page page = a4_page();
  // e + U+0301 composes to one glyph for two code points; "x" + U+0301 stays
  // two glyphs (base + mark).
  page.runs.push_back(shape("Cafe\u0301 x\u0301", font(kNotoRegular), 12, 72, 760));
  // A cluster whose text lies outside the BMP must survive as a surrogate
  // pair: give the "z" glyph the text U+1D56B (mathematical double-struck z).
  layout::GlyphRun z = shape("z", font(kNotoRegular), 12, 72, 740);
  set_clusters(z, {{0, 1, "\U0001D56B"}});
  page.runs.push_back(z);
  doc.pages.push_back(page);
  const auto bytes = write_pdf(doc, WriteOptions{.compress = false});
  const std::string raw(bytes.begin(), bytes.end());
  EXPECT_NE(raw.find("<D835DD6B>"), std::string::npos) << "ToUnicode needs a surrogate pair";
  const std::string text = pdftotext(dir.write("accents.pdf", bytes));
  EXPECT_NE(text.find("Cafe\u0301 x\u0301"), std::string::npos) << text;
  EXPECT_NE(text.find("\U0001D56B"), std::string::npos) << text;
}

}  // namespace
}  // namespace emnpub::pdf
