#include "text/break_opportunities.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

#include "text/itemizer.hpp"

namespace emnpub::text {

std::vector<BreakOpportunity> line_break_opportunities(const std::string& text,
                                                       const std::string& lang) {
  std::vector<BreakOpportunity> out;
  // Walk the original bytes (invalid sequences count as what they are, one
  // replacement character per bad byte run, as next_codepoint decodes them)
  // and keep the UTF-16 index → byte offset map alongside.
  icu::UnicodeString u;
  std::vector<size_t> byte_at;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const uint32_t cp = next_codepoint(text, i);
    byte_at.push_back(at);
    if (cp > 0xFFFF) byte_at.push_back(at);
    u.append(static_cast<UChar32>(cp));
  }
  byte_at.push_back(text.size());
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createLineInstance(icu::Locale(lang.c_str()), err));
  if (U_FAILURE(err) || !it) {
    out.push_back({text.size(), true});
    return out;
  }
  it->setText(u);
  for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
    const bool hard = it->getRuleStatus() >= UBRK_LINE_HARD && it->getRuleStatus() < UBRK_LINE_HARD_LIMIT;
    out.push_back({byte_at[static_cast<size_t>(p)], hard || p == u.length()});
  }
  return out;
}

}  // namespace emnpub::text
