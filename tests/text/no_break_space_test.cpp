// No-break spaces (U+00A0) inside running text are ties: a line never ends
// there, and in justified text they stretch and shrink exactly as the word
// spaces of their line do ("section 1 on page 1" must not leave its two
// real spaces to take all the slack).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "paragraph_test_support.hpp"

namespace emnpub::text {
namespace {

const std::string kNbsp = "\u00A0";

struct Setter : testing_support::OneSetter {
  SetParagraph set(const std::string& text, Align align, Fixed width) {
    ParagraphSpec spec = testing_support::paragraph_of(text, width, "en", false);
    spec.align = align;
    return setter.set(spec);
  }
};

// Every word space and no-break space of a line, as (text, advance).
struct Gap {
  std::string text;
  int32_t advance;
};

std::vector<Gap> gaps(const SetLine& line) {
  std::vector<Gap> out;
  std::vector<GlyphCluster> scratch;
  for (const GlyphRun& r : line.runs)
    for (const GlyphCluster& c : r.clusters_or_implied(scratch)) {
      const std::string t(r.cluster_text(c));
      if (t == " " || t == kNbsp) out.push_back({t, r.glyphs[c.first_glyph].advance});
    }
  return out;
}

using testing_support::line_text;

std::string references(int n) {
  std::string p = "As the report explains";
  for (int i = 1; i <= n; ++i)
    p += " (see section" + kNbsp + std::to_string(i) + " on page" + kNbsp + std::to_string(10 + i) + ")";
  return p + ".";
}

int ties_in(const SetParagraph& p) {
  // A tie is drawn as a space: count the words it joins instead.
  int n = 0;
  for (const SetLine& l : p.lines) {
    const std::string t = line_text(l);
    for (size_t at = 0; (at = t.find("section ", at)) != std::string::npos; ++at) ++n;
  }
  return n;
}

TEST(NoBreakSpace, NoLineEndsAtOne) {
  Setter s;
  for (const Align align : {Align::Justify, Align::Left}) {
    const SetParagraph p = s.set(references(12), align, 170 * kPt);
    ASSERT_GT(p.lines.size(), 4u);
    for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
      const std::string t = line_text(p.lines[i]);
      for (const char* end : {"section", "page"})
        EXPECT_FALSE(t.size() >= std::string(end).size() && t.compare(t.size() - std::string(end).size(), std::string::npos, end) == 0)
            << "line " << i << " ends at a no-break space: '" << t << "'";
    }
    EXPECT_EQ(ties_in(p), 12) << "every tie set, and drawn as a space";
  }
}

TEST(NoBreakSpace, StretchesWithTheWordSpacesWhenJustified) {
  Setter s;
  const SetParagraph p = s.set(references(12), Align::Justify, 170 * kPt);
  int checked = 0;
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    const std::vector<Gap> g = gaps(p.lines[i]);
    if (g.size() < 2) continue;
    for (const Gap& x : g) {
      // Spread by one unit at most: justification hands out the rest of
      // its division one unit at a time.
      EXPECT_NEAR(x.advance, g.front().advance, 2) << "line " << i << ": '" << line_text(p.lines[i]) << "'";
    }
    ++checked;
  }
  EXPECT_GT(checked, 3);
}

TEST(NoBreakSpace, KeepsItsWidthInRaggedText) {
  Setter s;
  const SetParagraph ragged = s.set(references(12), Align::Left, 170 * kPt);
  const SetParagraph natural = s.set("section" + kNbsp + "1 on page 2", Align::Left, 400 * kPt);
  ASSERT_EQ(natural.lines.size(), 1u);
  const std::vector<Gap> n = gaps(natural.lines[0]);
  ASSERT_EQ(n.size(), 4u);
  EXPECT_EQ(n[0].advance, n[1].advance) << "a tie is as wide as a word space";
  for (const SetLine& l : ragged.lines)
    for (const Gap& g : gaps(l)) EXPECT_EQ(g.advance, n[1].advance) << line_text(l);
}

TEST(NoBreakSpace, AtEitherEndOfAWordStaysInIt) {
  Setter s;
  for (const std::string& text : {kNbsp, kNbsp + "a", "a" + kNbsp, "a" + kNbsp + kNbsp + "b", "x " + kNbsp + " y"}) {
    const SetParagraph p = s.set(text, Align::Justify, 300 * kPt);
    ASSERT_EQ(p.lines.size(), 1u) << "'" << text << "'";
    EXPECT_FALSE(p.lines[0].runs.empty()) << "'" << text << "'";
  }
}

}  // namespace
}  // namespace emnpub::text
