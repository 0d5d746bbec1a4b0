// ParagraphSpec::hang_first_span (a layout's hang-number="yes"): the lines
// of a wrapped numbered heading after the first start where its title
// starts, not under the number.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "paragraph_test_support.hpp"

namespace emnpub::text {
namespace {

struct Setter : testing_support::OneSetter {
  SetParagraph set(const std::string& number, const std::string& title, Fixed width, bool hang, bool balance,
                   Align align = Align::Start) {
    ParagraphSpec spec = testing_support::paragraph_of(number, width, "en", false);
    spec.spans[0].style.size = 15 * kPt;
    TextSpan t = spec.spans[0];
    t.text = title;
    spec.spans.push_back(t);
    spec.align = align;
    spec.hang_first_span = hang;
    spec.balance = balance;
    return setter.set(spec);
  }
};

// x of the first glyph drawn on a line, and where its ink ends.
Fixed line_start(const SetLine& l) { return l.runs.front().x + l.runs.front().glyphs.front().x; }
Fixed line_end(const SetLine& l) { return testing_support::line_ink(l).end; }

const std::string kNumber = "4\u2002";
const std::string kTitle = "Reception of applicants for international protection and of their families";

TEST(HangingNumber, WrappedLinesStartUnderTheTitle) {
  Setter s;
  const SetParagraph one = s.set(kNumber, kTitle, 2000 * kPt, false, false);
  ASSERT_EQ(one.lines.size(), 1u);
  for (const bool balance : {false, true}) {
    const SetParagraph p = s.set(kNumber, kTitle, 300 * kPt, true, balance);
    ASSERT_GE(p.lines.size(), 2u);
    const Fixed hang = line_start(p.lines[1]);
    EXPECT_GT(hang, 5 * kPt) << "the number is about 1 em wide with its space";
    for (size_t i = 1; i < p.lines.size(); ++i) {
      EXPECT_EQ(line_start(p.lines[i]), hang);
      EXPECT_LE(line_end(p.lines[i]), 300 * kPt) << "the hang narrows the line, it does not push it out";
    }
    EXPECT_EQ(line_start(p.lines[0]), 0);
    // The hang is the number's width, so the wrapped lines align with the
    // title's first letter on line 1 (within a unit of rounding).
    const SetParagraph plain = s.set(kNumber, kTitle, 300 * kPt, false, balance);
    EXPECT_EQ(line_start(plain.lines[1]), 0) << "without the hang, under the number";
  }
}

TEST(HangingNumber, TheHangIsTheNumbersWidth) {
  Setter s;
  const SetParagraph p = s.set(kNumber, kTitle, 300 * kPt, true, false);
  ASSERT_GE(p.lines.size(), 2u);
  // The number's own run: its glyphs' advances.
  const SetParagraph number = s.set(kNumber, "", 300 * kPt, false, false);
  Fixed w = 0;
  for (const GlyphRun& r : number.lines[0].runs)
    for (const PlacedGlyph& g : r.glyphs) w += g.advance;
  EXPECT_NEAR(static_cast<double>(line_start(p.lines[1])), static_cast<double>(w), 2.0);
}

}  // namespace
}  // namespace emnpub::text
