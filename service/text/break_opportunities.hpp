#pragma once
// Line-break opportunities by UAX #14 (ICU's line break iterator, tailored
// by language).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace emnpub::text {

struct BreakOpportunity {
  size_t offset = 0;      // UTF-8 byte offset: a line may start here
  bool mandatory = false; // hard break (U+2028, newline)
  // Right after a soft hyphen (U+00AD): breaking here means drawing a
  // hyphen, so it is a hyphenation point of its word, not a plain break.
  bool after_soft_hyphen = false;
};

// Line-break iterators per language for one thread's run of paragraphs:
// cloning ICU's iterator for every paragraph cost more than breaking a
// short one (a table cell). Not thread-safe; one per paragraph setter.
class LineBreakIterators {
 public:
  LineBreakIterators();
  ~LineBreakIterators();
  LineBreakIterators(const LineBreakIterators&) = delete;
  LineBreakIterators& operator=(const LineBreakIterators&) = delete;
  icu::BreakIterator* get(const std::string& lang);  // null when ICU has none

 private:
  std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> by_lang_;
};

// Opportunities after the start, in order; the end of text is the last.
// With `iterators`, an iterator kept there is reused.
std::vector<BreakOpportunity> line_break_opportunities(const std::string& text,
                                                       const std::string& lang,
                                                       LineBreakIterators* iterators = nullptr);

}  // namespace emnpub::text
