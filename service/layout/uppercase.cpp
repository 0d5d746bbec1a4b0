#include "layout/uppercase.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <string_view>

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

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_roman(char c) { return std::string_view("IVXLCDM").find(c) != std::string_view::npos; }
// A letter, or a byte of a multi-byte UTF-8 character (which may be one).
bool may_be_letter(char c) { return is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80; }

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
  if (k > 0 && (may_be_letter(s[k - 1]) || is_digit(s[k - 1]))) return false;
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
    const size_t end = at + suf.size();
    if (end < s.size() && may_be_letter(s[end])) continue;
    return suf.size();
  }
  return 0;
}

}  // namespace

std::string to_upper(const std::string& s, const std::string& lang) {
  if (!style::lang_in_range(lang, "fr")) return icu_upper(s, lang);
  std::string out;
  size_t from = 0;  // start of the stretch still to put in capitals
  for (size_t i = 1; i < s.size(); ++i) {
    if (!ends_with_number(s, i)) continue;
    const size_t n = french_ordinal_suffix(s, i);
    if (n == 0) continue;
    out += icu_upper(std::string_view(s).substr(from, i - from), lang);
    out.append(s, i, n);
    from = i + n;
    i += n - 1;
  }
  out += icu_upper(std::string_view(s).substr(from), lang);
  return out;
}

}  // namespace emnpub::layout
