#include "text/hyphenation_rules.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "text/hyphenator.hpp"

namespace emnpub::text {

namespace {

struct Cp {
  UChar32 c;  // < 0 for an ill-formed UTF-8 sequence
  size_t begin;
  size_t end;
};

std::vector<Cp> decode(std::string_view s) {
  std::vector<Cp> out;
  out.reserve(s.size());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t b = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    out.push_back(Cp{c, static_cast<size_t>(b), static_cast<size_t>(i)});
  }
  return out;
}

bool is_letter(UChar32 c) { return c >= 0 && u_isalpha(c); }
bool is_mark(UChar32 c) { return c >= 0 && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }
bool is_number(UChar32 c) { return c >= 0 && (U_GET_GC_MASK(c) & U_GC_N_MASK) != 0; }
bool is_apostrophe(UChar32 c) { return c == 0x27 || c == 0x2019 || c == 0x02BC; }
bool is_joiner(UChar32 c) { return c == 0x200C || c == 0x200D || c == 0x2060; }  // ZWNJ ZWJ WJ
bool is_hard_hyphen(UChar32 c) { return c == 0x2D || c == 0x2010; }
constexpr UChar32 kNonBreakingHyphen = 0x2011;
constexpr UChar32 kSoftHyphen = 0xAD;

bool is_word_char(UChar32 c) {
  return is_letter(c) || is_mark(c) || is_apostrophe(c) || is_joiner(c) || is_hard_hyphen(c) ||
         c == kNonBreakingHyphen || c == kSoftHyphen;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

bool looks_like_url(std::string_view core) {
  const std::string s = ascii_lower(core);
  return s.find("://") != std::string::npos || s.rfind("www.", 0) == 0 ||
         s.rfind("mailto:", 0) == 0;
}

bool looks_like_email(std::string_view core) {
  const size_t at = core.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const size_t dot = core.find('.', at + 1);
  return dot != std::string_view::npos && dot > at + 1 && dot + 1 < core.size();
}

// A capital after the part's first letter marks an abbreviation or a
// brand spelling; Dutch IJ at the start is one capital letter (IJsland).
bool is_abbreviation(const std::vector<Cp>& cps, size_t b, size_t e) {
  size_t letter_index = 0;
  UChar32 first = 0;
  for (size_t i = b; i < e; ++i) {
    const UChar32 c = cps[i].c;
    if (!is_letter(c)) continue;
    if (letter_index == 0) {
      first = c;
    } else if (u_isupper(c) || u_istitle(c)) {
      if (!(letter_index == 1 && first == 'I' && c == 'J')) return true;
    }
    ++letter_index;
  }
  return false;
}

size_t letters_in(const std::vector<Cp>& cps, size_t b, size_t e) {
  size_t n = 0;
  for (size_t i = b; i < e; ++i) n += is_letter(cps[i].c) ? 1 : 0;
  return n;
}

}  // namespace

HyphenMins default_hyphen_mins(std::string_view bcp47_lang) {
  const std::string primary = ascii_lower(bcp47_lang.substr(0, bcp47_lang.find_first_of("-_")));
  if (primary == "en") return {2, 3};
  if (primary == "fr") return {2, 3};
  if (primary == "nl") return {2, 2};
  if (primary == "de") return {2, 2};
  return {2, 2};
}

const char* to_string(WordClass c) {
  switch (c) {
    case WordClass::Hyphenatable:
      return "hyphenatable";
    case WordClass::SoftHyphens:
      return "soft hyphens";
    case WordClass::Compound:
      return "compound";
    case WordClass::Empty:
      return "empty";
    case WordClass::TooShort:
      return "too short";
    case WordClass::Url:
      return "url";
    case WordClass::Email:
      return "e-mail";
    case WordClass::HasDigits:
      return "has digits";
    case WordClass::Abbreviation:
      return "abbreviation";
    case WordClass::NonLetter:
      return "non-letter";
  }
  return "?";
}

size_t count_letters(std::string_view s) {
  const std::vector<Cp> cps = decode(s);
  return letters_in(cps, 0, cps.size());
}

ByteRange strip_punctuation(std::string_view word) {
  const std::vector<Cp> cps = decode(word);
  auto keeps = [](UChar32 c) { return is_letter(c) || is_number(c) || is_mark(c); };
  size_t b = 0;
  while (b < cps.size() && !keeps(cps[b].c)) ++b;
  size_t e = cps.size();
  while (e > b && !keeps(cps[e - 1].c)) --e;
  if (b == e) return {};
  return {cps[b].begin, cps[e - 1].end};
}

WordPlan plan_word(std::string_view word, const HyphenationRules& rules, HyphenMins mins) {
  WordPlan plan;
  const ByteRange core = strip_punctuation(word);
  if (core.begin == core.end) return plan;  // Empty
  const std::string_view core_text = word.substr(core.begin, core.end - core.begin);
  if (looks_like_url(core_text)) {
    plan.cls = WordClass::Url;
    return plan;
  }
  if (looks_like_email(core_text)) {
    plan.cls = WordClass::Email;
    return plan;
  }

  // Code points of the core, offsets relative to the whole word.
  std::vector<Cp> cps = decode(core_text);
  for (Cp& cp : cps) {
    cp.begin += core.begin;
    cp.end += core.begin;
  }
  // letters_before[i]: letters in cps[0, i), so every count below is O(1).
  std::vector<size_t> letters_before(cps.size() + 1, 0);
  for (size_t i = 0; i < cps.size(); ++i)
    letters_before[i + 1] = letters_before[i] + (is_letter(cps[i].c) ? 1 : 0);
  const size_t total_letters = letters_before.back();

  // Hard hyphens between two non-empty parts, with enough letters around.
  std::vector<size_t> hard_breaks;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!is_hard_hyphen(cps[i].c) || i == 0 || i + 1 == cps.size()) continue;
    if (is_hard_hyphen(cps[i - 1].c) || is_hard_hyphen(cps[i + 1].c)) continue;
    const size_t before = letters_before[i];
    if (before >= static_cast<size_t>(std::max(mins.left, 1)) &&
        total_letters - before >= static_cast<size_t>(std::max(mins.right, 1)))
      hard_breaks.push_back(cps[i].end);
  }

  // Any soft hyphen, even one stripped with the punctuation, means the
  // author chose the points.
  const bool has_soft = word.find("\xC2\xAD") != std::string_view::npos;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i].c != kSoftHyphen) continue;
    // At least one letter on each side, or the break would be empty.
    if (letters_before[i] > 0 && total_letters - letters_before[i + 1] > 0)
      plan.soft_hyphens.push_back(cps[i].begin);
  }
  if (has_soft) {
    plan.cls = WordClass::SoftHyphens;
    plan.hard_breaks = std::move(hard_breaks);
    return plan;
  }
  for (const Cp& cp : cps) {
    if (is_number(cp.c)) {
      plan.cls = WordClass::HasDigits;
      return plan;
    }
  }
  for (const Cp& cp : cps) {
    if (!is_word_char(cp.c)) {
      plan.cls = WordClass::NonLetter;
      return plan;
    }
  }
  plan.hard_breaks = std::move(hard_breaks);

  // Parts between hard (or non-breaking) hyphens.
  std::vector<std::pair<size_t, size_t>> parts;  // code point index ranges
  size_t pb = 0;
  for (size_t i = 0; i <= cps.size(); ++i) {
    if (i == cps.size() || is_hard_hyphen(cps[i].c) || cps[i].c == kNonBreakingHyphen) {
      if (i > pb) parts.emplace_back(pb, i);
      pb = i + 1;
    }
  }
  WordClass first_failure = WordClass::Empty;
  bool any_ok = false;
  for (const auto& [b, e] : parts) {
    WordClass c = WordClass::Hyphenatable;
    const size_t letters = letters_before[e] - letters_before[b];
    if (letters == 0) {
      c = WordClass::Empty;
    } else if (is_abbreviation(cps, b, e)) {
      c = WordClass::Abbreviation;
    } else if (letters < rules.min_word_letters) {
      c = WordClass::TooShort;
    }
    if (c == WordClass::Hyphenatable) {
      any_ok = true;
      if (parts.size() == 1 || rules.hyphenate_compound_parts)
        plan.parts.push_back({cps[b].begin, cps[e - 1].end});
    } else if (first_failure == WordClass::Empty) {
      first_failure = c;
    }
  }
  if (!plan.parts.empty()) {
    plan.cls = WordClass::Hyphenatable;
  } else if (any_ok || !plan.hard_breaks.empty()) {
    plan.cls = WordClass::Compound;
  } else {
    plan.cls = first_failure;
  }
  return plan;
}

std::vector<size_t> hyphenation_points(const HyphenatorCache& cache, std::string_view lang,
                                       std::string_view word, int min_word_letters) {
  HyphenationRules rules;
  rules.min_word_letters = static_cast<size_t>(std::max(min_word_letters, 1));
  if (const auto h = cache.get(lang)) return h->hyphenate(word, rules);
  // No dictionary: the author's soft hyphens still count.
  return plan_word(word, rules, default_hyphen_mins(lang)).soft_hyphens;
}

}  // namespace emnpub::text
