// The paragraph cache across layout passes: the measuring pass keeps what
// it sets; the full pass takes each paragraph's lines without a copy at its
// last use, so a paragraph that recurs (a list marker, a table cell) is set
// once, and it keeps new one-line paragraphs (page furniture) but not
// longer ones.
#include <gtest/gtest.h>

#include <string>

#include "paragraph_test_support.hpp"

namespace emnpub::text {
namespace {

using Setter = testing_support::OneSetter;

ParagraphSpec spec_of(const std::string& text, Fixed width) {
  return testing_support::paragraph_of(text, width, "en", false);
}

const std::string kLong =
    "Member States exchanged practices on the reception of applicants for international protection, on "
    "guardianship for unaccompanied minors and on the transition to adulthood, which remains the most "
    "fragile moment of the procedure for young people and for the services that support them.";

TEST(ParagraphCache, RecurringParagraphIsSetOnceAcrossPasses) {
  Setter s;
  const ParagraphSpec bullet = spec_of("\u2022", 10 * kPt);
  const ParagraphSpec body = spec_of(kLong, 200 * kPt);
  // Measuring pass: the marker three times, the body once.
  for (int i = 0; i < 3; ++i) s.setter.set(bullet, ParagraphSetter::Want::Metrics);
  s.setter.set(body, ParagraphSetter::Want::Metrics);
  EXPECT_EQ(s.setter.paragraph_cache_hits(), 2u);
  // Full pass: every request is a hit, each with the glyphs.
  s.setter.hand_over_cached(true);
  for (int i = 0; i < 3; ++i) {
    const SetParagraph p = s.setter.set(bullet);
    ASSERT_EQ(p.lines.size(), 1u);
    EXPECT_FALSE(p.lines[0].runs.empty()) << "use " << i;
  }
  const SetParagraph b = s.setter.set(body);
  EXPECT_GT(b.lines.size(), 1u);
  EXPECT_FALSE(b.lines[0].runs.empty());
  EXPECT_EQ(s.setter.paragraph_cache_hits(), 2u + 4u);
}

TEST(ParagraphCache, FullPassKeepsNewOneLineParagraphsOnly) {
  Setter s;
  s.setter.hand_over_cached(true);
  const ParagraphSpec footer = spec_of("EMN Belgium Inform 15", 400 * kPt);
  const ParagraphSpec body = spec_of(kLong, 200 * kPt);
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(s.setter.set(footer).lines.at(0).runs.empty());
  EXPECT_EQ(s.setter.paragraph_cache_hits(), 3u);  // set once, then kept: one line
  for (int i = 0; i < 2; ++i) EXPECT_GT(s.setter.set(body).lines.size(), 1u);
  EXPECT_EQ(s.setter.paragraph_cache_hits(), 3u);  // not kept: the document's lines are not held twice
}

}  // namespace
}  // namespace emnpub::text
