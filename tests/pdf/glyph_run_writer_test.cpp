// The text operators written for glyph runs, and the ToUnicode decisions
// behind them, checked on the content stream itself.
#include "pdf/glyph_run_writer.hpp"

#include <gtest/gtest.h>

#include "pdf/font_resources.hpp"
#include "pdf/number_format.hpp"
#include "pdf_test_support.hpp"

namespace emnpub::pdf {
namespace {

using namespace test;

struct Written {
  std::string content;
  std::unique_ptr<PdfFont> font;
};

// PdfFont without a document: the Type0 dictionary is only needed when the
// font is written, not while runs are recorded.
Written write_runs(const std::vector<layout::GlyphRun>& runs) {
  Written w;
  w.font = std::make_unique<PdfFont>(runs.at(0).font, "F1", nullptr);
  ContentStream cs;
  MarkedContent marked(cs);
  for (const auto& r : runs) write_glyph_run(cs, marked, *w.font, r);
  w.content = cs.take();
  return w;
}

// A glyph's two-byte code as written inside a literal string.
std::string code(uint32_t gid) {
  std::string s;
  for (const unsigned char b : {static_cast<unsigned char>(gid >> 8), static_cast<unsigned char>(gid)}) {
    if (b == '(' || b == ')' || b == '\\') s += '\\';
    if (b == '\r') {
      s += "\\r";
      continue;
    }
    s += static_cast<char>(b);
  }
  return s;
}

TEST(GlyphRunWriter, PlainRunIsOneTextObjectWithoutAdjustments) {
  // "Hello" in Noto Sans has no kerning: positions equal the /W widths.
  const Written w = write_runs({shape("Hello", font(kNotoRegular), 12, 72, 700)});
  const text::FontRef f = font(kNotoRegular);
  const std::string expected = "[(" + code(f->glyph_for('H')) + code(f->glyph_for('e')) +
                               code(f->glyph_for('l')) + code(f->glyph_for('l')) + code(f->glyph_for('o')) +
                               ")] TJ\n";
  EXPECT_EQ(w.content, std::string("BT\n/F1 12 Tf\n72 700 Td\n") + expected + "ET\n");
}

TEST(GlyphRunWriter, KerningBecomesTjNumbers) {
  const layout::GlyphRun run = shape("AV", font(kNotoRegular), 10, 0, 0);
  const Written w = write_runs({run});
  // HarfBuzz moved V left by the kern; the TJ number moves it by the same
  // amount in thousandths of an em (positive = left).
  const text::FontRef f = font(kNotoRegular);
  const double kern = f->advance(run.glyphs[0].gid) - to_pt(run.glyphs[1].x) * 1000.0 / 10;
  ASSERT_GT(kern, 0);
  const std::string expected = "[(" + code(run.glyphs[0].gid) + ")" + format_number(kern, kTjDecimals) + "(" +
                               code(run.glyphs[1].gid) + ")] TJ";
  EXPECT_NE(w.content.find(expected), std::string::npos) << w.content;
}

// Glyph codes are literal strings: the bytes of ( ) and the backslash are
// escaped, and a carriage return (which a reader would take as a line end)
// is written as backslash-r; every other byte, NUL and line feed included,
// stands as it is.
TEST(GlyphRunWriter, CodesAreLiteralStringsWithDelimitersEscaped) {
  layout::GlyphRun run = shape("abcdef", font(kNotoRegular), 10, 0, 0);
  const uint32_t gids[] = {0x0028, 0x0029, 0x005C, 0x000D, 0x000A, 0x0A28};
  for (size_t i = 0; i < run.glyphs.size(); ++i) run.glyphs[i].gid = gids[i];
  set_clusters(run, {{0, 6, "abcdef"}});
  for (size_t i = 1; i < run.glyphs.size(); ++i)  // no adjustments: each glyph where /W puts it
    run.glyphs[i].x = run.glyphs[i - 1].x + from_pt(font(kNotoRegular)->advance(gids[i - 1]) * 10 / 1000.0);
  const Written w = write_runs({run});
  using namespace std::string_literals;
  const std::string want = "("s + '\0' + "\\(" + '\0' + "\\)" + '\0' + "\\\\" + '\0' + "\\r" + '\0' + "\n" +
                           "\n\\(" + ")";
  EXPECT_NE(w.content.find("[" + want), std::string::npos) << w.content;
}

TEST(GlyphRunWriter, ArtifactsAreMarkedAndColourIsSetOnce) {
  layout::GlyphRun a = shape("Page", font(kNotoRegular), 8, 72, 40);
  a.tag = {};  // struct_id 0: page furniture
  a.color = {0, 51, 153};
  layout::GlyphRun b = a;
  b.x = from_pt(100);
  const Written w = write_runs({a, b});
  EXPECT_EQ(w.content.find("0 0.2 0.6 rg\n/Artifact BMC\nBT\n/F1 8 Tf\n72 40 Td\n"), 0u)
      << w.content;
  // The second run reuses colour, font and size.
  const size_t second = w.content.find("EMC\n/Artifact BMC\nBT\n100 40 Td\n");
  EXPECT_NE(second, std::string::npos) << w.content;
  EXPECT_EQ(w.content.find(" rg", second), std::string::npos);
}

TEST(GlyphRunWriter, VerticalOffsetsUseRiseAndAreReset) {
  layout::GlyphRun run = shape("xyz", font(kNotoRegular), 10, 0, 0);
  run.glyphs[1].y = from_pt(2.5);
  set_clusters(run, {{0, 1, "x"}, {1, 1, "y"}, {2, 1, "z"}});
  const Written w = write_runs({run});
  EXPECT_NE(w.content.find("] TJ\n2.5 Ts\n["), std::string::npos) << w.content;
  EXPECT_NE(w.content.find("] TJ\n0 Ts\n["), std::string::npos) << w.content;
  EXPECT_EQ(w.content.substr(w.content.size() - 3), "ET\n");
}

TEST(GlyphRunWriter, ToUnicodeFirstMappingWinsAndConflictsGetActualText) {
  const text::FontRef f = font(kNotoRegular);
  layout::GlyphRun a = shape("A", f, 10, 0, 0);
  layout::GlyphRun alpha = a;  // same glyph, claimed to be Greek capital alpha
  set_clusters(alpha, {{0, 1, "\u0391"}});
  const Written w = write_runs({a, alpha});
  EXPECT_EQ(w.font->glyphs().at(f->glyph_for('A')).text, U"A");
  EXPECT_EQ(w.content.find("/ActualText"), w.content.rfind("/ActualText"));  // exactly one
  EXPECT_NE(w.content.find("/Span <</ActualText <FEFF0391>>> BDC\n["), std::string::npos)
      << w.content;
}

TEST(GlyphRunWriter, LigatureMapsToAllItsLetters) {
  ShapeOptions liga;
  liga.features = {{HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END}};
  const Written w = write_runs({shape("office", font(kNotoRegular), 10, 0, 0, liga)});
  EXPECT_EQ(w.font->glyphs().at(font(kNotoRegular)->glyph_for(0xFB03)).text, U"ffi");
  EXPECT_EQ(w.content.find("ActualText"), std::string::npos);
}

TEST(GlyphRunWriter, ClusterOfSeveralGlyphsForOtherTextUsesActualText) {
  // Two glyphs standing for one letter (as a decomposed fallback would):
  // the first carries the text in ToUnicode, the cluster copies via ActualText.
  const text::FontRef f = font(kNotoRegular);
  layout::GlyphRun run = shape("ij", f, 10, 0, 0);
  set_clusters(run, {{0, 2, "\u0133"}});  // ĳ
  const Written w = write_runs({run});
  EXPECT_EQ(w.font->glyphs().at(f->glyph_for('i')).text, U"\u0133");
  EXPECT_FALSE(w.font->glyphs().at(f->glyph_for('j')).has_text);
  EXPECT_NE(w.content.find("/Span <</ActualText <FEFF0133>>> BDC\n["), std::string::npos)
      << w.content;
}

TEST(GlyphRunWriter, BaseAndMarksMapOneToOne) {
  // x + combining acute: two glyphs, two code points, the second a mark.
  const text::FontRef f = font(kNotoRegular);
  const layout::GlyphRun run = shape("x\u0301", f, 10, 0, 0);
  ASSERT_EQ(run.glyphs.size(), 2u);
  ASSERT_EQ(run.clusters.size(), 1u);
  const Written w = write_runs({run});
  EXPECT_EQ(w.font->glyphs().at(run.glyphs[0].gid).text, U"x");
  EXPECT_EQ(w.font->glyphs().at(run.glyphs[1].gid).text, U"\u0301");
  // Marks have no advance in layout, and none in the PDF widths either.
  EXPECT_EQ(w.font->glyphs().at(run.glyphs[1].gid).width_centi, 0);
}

TEST(GlyphRunWriter, RightToLeftClustersCopyInVisualOrderWithMarksDrawnLast) {
  ShapeOptions ar;
  ar.direction = HB_DIRECTION_RTL;
  ar.script = "Arab";
  ar.lang = "ar";
  const layout::GlyphRun run = shape("بَب بَ", font(kNaskh), 20, 0, 0, ar);
  const Written w = write_runs({run});
  // Extractors reverse right-to-left text as a whole, so a cluster's text is
  // given in visual order: fatha before beh. The leftmost word ends in a
  // fatha with no Arabic letter left of it, so a right-to-left mark leads;
  // the rightmost word's fatha has letters to its left and needs none.
  const size_t left = w.content.find("/Span <</ActualText <FEFF200F064E0628>>> BDC");
  const size_t right = w.content.find("/Span <</ActualText <FEFF064E0628>>> BDC");
  const size_t marks = w.content.find("/Span <</ActualText <FEFF>>> BDC");
  ASSERT_NE(left, std::string::npos) << w.content;
  ASSERT_NE(right, std::string::npos) << w.content;
  ASSERT_NE(marks, std::string::npos) << w.content;
  // Both fathas are drawn after every letter, raised, in one silent span.
  EXPECT_LT(left, right);
  EXPECT_LT(right, marks);
  EXPECT_EQ(w.content.find("/Span <</ActualText <FEFF>>> BDC", marks + 1), std::string::npos);
  EXPECT_NE(w.content.find(" Ts\n", marks), std::string::npos);
}

TEST(GlyphRunWriter, RejectsBrokenRuns) {
  layout::GlyphRun run = shape("ab", font(kNotoRegular), 10, 0, 0);
  set_clusters(run, {{1, 1, "b"}, {0, 1, "a"}});  // out of order
  EXPECT_THROW(write_runs({run}), std::runtime_error);
  run = shape("ab", font(kNotoRegular), 10, 0, 0);
  run.size = 0;
  EXPECT_THROW(write_runs({run}), std::runtime_error);
}

}  // namespace
}  // namespace emnpub::pdf
