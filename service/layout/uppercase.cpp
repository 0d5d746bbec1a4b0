#include "layout/uppercase.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>

#include "style/lang_range.hpp"

namespace emnpub::layout {

namespace {

std::string icu_upper(std::string_view s, const std::string& lang) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toUpper(icu::Locale(lang.c_str()));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The code point ending just before byte `at`, and the one starting at it;
// U_SENTINEL (< 0) at either end of the text.
UChar32 before(std::string_view s, size_t at) {
  if (at == 0) return U_SENTINEL;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c;
}
UChar32 starting(std::string_view s, size_t at) {
  if (at >= s.size()) return U_SENTINEL;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_roman(char c) { return std::string_view("IVXLCDM").find(c) != std::string_view::npos; }

// Whether s[0, end) ends with a number written as a word of its own: digits
// ("21e") or capital Roman numerals ("XXIe"). A single Roman letter counts
// only as I, V or X ("Ve République"), so that "Ce", "Le" and "Me" stay
// words.
bool ends_with_number(std::string_view s, size_t end) {
  if (end == 0) return false;
  const bool digits = is_digit(s[end - 1]);
  if (!digits && !is_roman(s[end - 1])) return false;
  size_t k = end;
  while (k > 0 && (digits ? is_digit(s[k - 1]) : is_roman(s[k - 1]))) --k;
  if (const UChar32 c = before(s, k); c >= 0 && u_isalnum(c)) return false;
  return digits || end - k > 1 || s[k] == 'I' || s[k] == 'V' || s[k] == 'X';
}

// Length of the French ordinal suffix at s[at] (after a number), or 0: the
// abbreviations of premier/première, deuxième... and second(e)(s), as a
// whole word (a letter after it means it is not one: "3ex" stays as is).
size_t french_ordinal_suffix(std::string_view s, size_t at) {
  static constexpr std::array<std::string_view, 9> kSuffixes = {"ers", "res", "nds", "nde", "er", "re",
                                                                "es", "nd", "e"};
  for (std::string_view suf : kSuffixes) {
    if (s.substr(at, suf.size()) != suf) continue;
    if (const UChar32 c = starting(s, at + suf.size()); c >= 0 && u_isalpha(c)) continue;
    return suf.size();
  }
  return 0;
}

}  // namespace

std::string to_upper(const std::string& s, const std::string& lang, std::string_view preceding) {
  if (!style::lang_in_range(lang, "fr")) return icu_upper(s, lang);
  // Ordinals are found in the preceding text and this one together (a
  // <sup>er</sup> span after "1"), and only this one is put in capitals.
  const std::string all = std::string(preceding) + s;
  const size_t own = preceding.size();
  std::string out;
  size_t from = own;  // start of the stretch still to put in capitals
  for (size_t i = std::max<size_t>(own, 1); i < all.size(); ++i) {
    if (!ends_with_number(all, i)) continue;
    const size_t n = french_ordinal_suffix(all, i);
    if (n == 0) continue;
    out += icu_upper(std::string_view(all).substr(from, i - from), lang);
    out.append(all, i, n);
    from = i + n;
    i += n - 1;
  }
  out += icu_upper(std::string_view(all).substr(from), lang);
  return out;
}

}  // namespace emnpub::layout
