// Soft hyphens (U+00AD) in running text: a line may end at one, a hyphen
// is drawn there, and the word breaks nowhere else (the author's points
// replace the dictionary's), with or without automatic hyphenation.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "paragraph_test_support.hpp"

namespace emnpub::text {
namespace {

const std::string kShy = "\u00AD";

struct Setter : testing_support::OneSetter {
  // Each line's text as drawn (soft hyphens dropped) and whether it ends
  // with an inserted hyphen.
  std::vector<std::string> lines(const std::string& text, bool hyphenate, Fixed width) {
    std::vector<std::string> out;
    for (const SetLine& l : setter.set(testing_support::paragraph_of(text, width, "de", hyphenate)).lines) {
      std::string s = testing_support::line_text(l);
      for (size_t q; (q = s.find(kShy)) != std::string::npos;) s.erase(q, kShy.size());
      while (!s.empty() && s.back() == ' ') s.pop_back();
      out.push_back(s);
    }
    return out;
  }
};

// The words as written, each with its soft hyphens; every line must end
// at a space or at one of these points.
const std::vector<std::string> kWords = {"Diplom" + kShy + "anerkennungs" + kShy + "verfahren", "und",
                                         "Kinder" + kShy + "betreuungs" + kShy + "möglichkeiten"};

std::string paragraph() {
  std::string p;
  for (int i = 0; i < 12; ++i)
    for (const auto& w : kWords) p += w + " ";
  p.pop_back();
  return p;
}

void expect_breaks_only_at_soft_hyphens(const std::vector<std::string>& lines) {
  const std::vector<std::string> prefixes = {"Diplom", "Diplomanerkennungs", "Kinder", "Kinderbetreuungs"};
  int hyphenated = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string& l = lines[i];
    ASSERT_FALSE(l.empty());
    if (l.back() != '-') {
      // Ended at a space: the last word is whole.
      const std::string last = l.substr(l.rfind(' ') + 1);
      EXPECT_TRUE(last == "Diplomanerkennungsverfahren" || last == "und" || last == "Kinderbetreuungsmöglichkeiten")
          << "line " << i << " ends inside a word without a hyphen: '" << l << "'";
      continue;
    }
    ++hyphenated;
    const std::string last = l.substr(l.rfind(' ') + 1);
    const std::string stem = last.substr(0, last.size() - 1);
    EXPECT_NE(std::find(prefixes.begin(), prefixes.end(), stem), prefixes.end())
        << "line " << i << " is hyphenated elsewhere than at a soft hyphen: '" << l << "'";
  }
  EXPECT_GT(hyphenated, 0) << "the measure is narrow enough to need the soft hyphens";
}

TEST(SoftHyphen, LinesEndOnlyAtSoftHyphensWithAHyphenDrawn) {
  Setter s;
  const auto lines = s.lines(paragraph(), true, 430 * kPt);
  expect_breaks_only_at_soft_hyphens(lines);
}

TEST(SoftHyphen, StillBreakWhereAutomaticHyphenationIsOff) {
  Setter s;
  const auto lines = s.lines(paragraph(), false, 430 * kPt);
  expect_breaks_only_at_soft_hyphens(lines);
}

}  // namespace
}  // namespace emnpub::text
