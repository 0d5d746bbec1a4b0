#include "text/break_opportunities.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <mutex>

#include "text/itemizer.hpp"

namespace emnpub::text {

namespace {

// createLineInstance builds an iterator from ICU's rule data each time
// (about 50,000 instructions, once per paragraph); a clone of a cached,
// never-used prototype shares that data. The prototypes are never given
// text, so they stay immutable; the mutex guards the map and the clone.
std::unique_ptr<icu::BreakIterator> line_iterator(const std::string& lang) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> prototypes;
  constexpr size_t kMaxPrototypes = 64;  // languages come from documents: bound the cache
  std::lock_guard lock(mu);
  if (auto it = prototypes.find(lang); it != prototypes.end()) return std::unique_ptr<icu::BreakIterator>(it->second->clone());
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> fresh(icu::BreakIterator::createLineInstance(icu::Locale(lang.c_str()), err));
  if (U_FAILURE(err) || !fresh) return nullptr;
  if (prototypes.size() >= kMaxPrototypes) return fresh;
  std::unique_ptr<icu::BreakIterator> copy(fresh->clone());
  if (!copy) return fresh;
  prototypes.emplace(lang, std::move(fresh));
  return copy;
}

}  // namespace

LineBreakIterators::LineBreakIterators() = default;
LineBreakIterators::~LineBreakIterators() = default;

icu::BreakIterator* LineBreakIterators::get(const std::string& lang) {
  if (auto it = by_lang_.find(lang); it != by_lang_.end()) return it->second.get();
  std::unique_ptr<icu::BreakIterator> fresh = line_iterator(lang);
  icu::BreakIterator* p = fresh.get();
  if (fresh) by_lang_.emplace(lang, std::move(fresh));
  return p;
}

std::vector<BreakOpportunity> line_break_opportunities(const std::string& text,
                                                       const std::string& lang,
                                                       LineBreakIterators* iterators) {
  std::vector<BreakOpportunity> out;
  // Walk the original bytes (invalid sequences count as what they are, one
  // replacement character per bad byte run, as next_codepoint decodes them)
  // and keep the UTF-16 index → byte offset map alongside.
  // UTF-16 is written straight into the string's buffer (appending code
  // point by code point cost more than the break iterator): it never has
  // more units than the UTF-8 has bytes.
  icu::UnicodeString u;
  std::vector<size_t> byte_at;
  byte_at.reserve(text.size() + 1);
  char16_t* buf = u.getBuffer(static_cast<int32_t>(text.size()) + 1);
  if (buf == nullptr) {
    out.push_back({text.size(), true});
    return out;
  }
  int32_t n = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const uint32_t cp = next_codepoint(text, i);
    byte_at.push_back(at);
    if (cp > 0xFFFF) {
      byte_at.push_back(at);
      buf[n++] = static_cast<char16_t>(0xD7C0 + (cp >> 10));
      buf[n++] = static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
    } else {
      buf[n++] = static_cast<char16_t>(cp);
    }
  }
  u.releaseBuffer(n);
  byte_at.push_back(text.size());
  std::unique_ptr<icu::BreakIterator> owned;
  icu::BreakIterator* it = nullptr;
  if (iterators) {
    it = iterators->get(lang);
  } else {
    owned = line_iterator(lang);
    it = owned.get();
  }
  if (!it) {
    out.push_back({text.size(), true});
    return out;
  }
  it->setText(u);
  for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
    const bool hard = it->getRuleStatus() >= UBRK_LINE_HARD && it->getRuleStatus() < UBRK_LINE_HARD_LIMIT;
    out.push_back({byte_at[static_cast<size_t>(p)], hard || p == u.length(), p > 0 && u.charAt(p - 1) == 0x00AD});
  }
  return out;
}

}  // namespace emnpub::text
