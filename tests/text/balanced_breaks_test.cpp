// Balanced ragged lines (ParagraphSpec::balance, a layout's balance="yes"):
// a wrapped heading keeps its number of lines but breaks where its lines
// come out about equally long, instead of leaving one word on the last.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "paragraph_test_support.hpp"

namespace emnpub::text {
namespace {

struct Setter : testing_support::OneSetter {
  SetParagraph set(const std::string& text, Align align, Fixed width, bool balance) {
    ParagraphSpec spec = testing_support::paragraph_of(text, width, "en", false);
    spec.spans[0].style.size = 15 * kPt;  // a first-level heading
    spec.align = align;
    spec.balance = balance;
    return setter.set(spec);
  }
};

// Each line's ink extent and text.
struct Extent {
  Fixed begin, end;
  std::string text;
};

std::vector<Extent> extents(const SetParagraph& p) {
  std::vector<Extent> out;
  for (const SetLine& l : p.lines) {
    const testing_support::LineInk ink = testing_support::line_ink(l);
    out.push_back({ink.begin, ink.end, testing_support::line_text(l)});
  }
  return out;
}

const std::string kHeading = "4 Reception of applicants for international protection";

// A point narrower than the heading: everything but its last word fits on
// the first line.
Fixed measure(Setter& s) {
  const std::vector<Extent> one = extents(s.set(kHeading, Align::Start, 1000 * kPt, false));
  return one.at(0).end - one.at(0).begin - kPt;
}

TEST(BalancedBreaks, WrappedHeadingGetsLinesOfAboutEqualLength) {
  Setter s;
  const Fixed kMeasure = measure(s);
  const std::vector<Extent> plain = extents(s.set(kHeading, Align::Start, kMeasure, false));
  const std::vector<Extent> bal = extents(s.set(kHeading, Align::Start, kMeasure, true));
  ASSERT_EQ(plain.size(), 2u);
  ASSERT_EQ(bal.size(), 2u) << "balancing keeps the number of lines";
  const Fixed plain_gap = (plain[0].end - plain[0].begin) - (plain[1].end - plain[1].begin);
  const Fixed bal_gap = std::abs((bal[0].end - bal[0].begin) - (bal[1].end - bal[1].begin));
  EXPECT_GT(plain_gap, 150 * kPt) << "unbalanced, one word is left on line 2: '" << plain[1].text << "'";
  EXPECT_LT(bal_gap, 60 * kPt) << "'" << bal[0].text << "' / '" << bal[1].text << "'";
  EXPECT_EQ(bal[1].text, "for international protection");
}

TEST(BalancedBreaks, LinesStayAlignedInTheRealMeasure) {
  Setter s;
  const Fixed kMeasure = measure(s);
  for (const Align align : {Align::Start, Align::Center, Align::End}) {
    const SetParagraph p = s.set(kHeading, align, kMeasure, true);
    ASSERT_EQ(p.lines.size(), 2u);
    for (const SetLine& l : p.lines) EXPECT_EQ(l.width, kMeasure);
    for (const Extent& e : extents(p)) {
      // Centred and end-aligned lines sit in the whole measure, not in the
      // narrower one the breaks were chosen in.
      if (align == Align::Start) {
        EXPECT_EQ(e.begin, 0);
      } else if (align == Align::End) {
        EXPECT_NEAR(static_cast<double>(e.end), static_cast<double>(kMeasure), kPt);
      } else {
        EXPECT_NEAR(static_cast<double>(e.begin + e.end), static_cast<double>(kMeasure), 2.0 * kPt);
      }
    }
  }
}

TEST(BalancedBreaks, LeavesOneLineAndJustifiedTextAlone) {
  Setter s;
  const Fixed kMeasure = measure(s);
  const auto one = extents(s.set("4 Reception", Align::Start, kMeasure, true));
  ASSERT_EQ(one.size(), 1u);
  std::string body;
  for (int i = 0; i < 6; ++i) body += kHeading + " and its many conditions, ";
  const auto a = extents(s.set(body, Align::Justify, kMeasure, false));
  const auto b = extents(s.set(body, Align::Justify, kMeasure, true));
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].text, b[i].text);
}

}  // namespace
}  // namespace emnpub::text
