#include "text/break_opportunities.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

namespace emnpub::text {

std::vector<BreakOpportunity> line_break_opportunities(const std::string& text,
                                                       const std::string& lang) {
  std::vector<BreakOpportunity> out;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  // UTF-16 index → UTF-8 byte offset.
  std::vector<size_t> byte_at(static_cast<size_t>(u.length()) + 1, text.size());
  {
    size_t b = 0;
    int32_t i = 0;
    while (i < u.length()) {
      const UChar32 c = u.char32At(i);
      byte_at[static_cast<size_t>(i)] = b;
      const int n16 = U16_LENGTH(c);
      if (n16 == 2) byte_at[static_cast<size_t>(i) + 1] = b;
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += n16;
    }
  }
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
