#include "xml/value_types.hpp"

#include <cctype>

#include "xml/dom.hpp"

namespace emnpub::xml {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// [A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*
bool lang_shape(std::string_view v) {
  std::size_t i = 0;
  while (i < v.size() && is_alpha(v[i])) ++i;
  if (i < 2 || i > 3) return false;
  while (i < v.size()) {
    if (v[i] != '-') return false;
    std::size_t j = ++i;
    while (j < v.size() && (is_alpha(v[j]) || is_digit(v[j]))) ++j;
    if (j == i || j - i > 8) return false;
    i = j;
  }
  return true;
}

// XML NCName; any non-ASCII byte counts as a name character, so a Unicode id
// libxml2 accepts is never blamed here.
bool ncname(std::string_view v) {
  if (v.empty()) return false;
  auto name_start = [](unsigned char c) { return c >= 0x80 || is_alpha(c) || c == '_'; };
  auto name_char = [&](unsigned char c) { return name_start(c) || is_digit(c) || c == '-' || c == '.'; };
  if (!name_start(static_cast<unsigned char>(v[0]))) return false;
  for (char c : v.substr(1))
    if (!name_char(static_cast<unsigned char>(c))) return false;
  return true;
}

bool class_name(std::string_view v) {
  if (v.empty() || !is_alpha(v[0])) return false;
  for (char c : v)
    if (!is_alpha(c) && !is_digit(c) && c != '_' && c != '-') return false;
  return true;
}

bool date_shape(std::string_view v) {
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(v[i])) return false;
  return true;
}

// [0-9]+(\.[0-9]+)?(%|cm|mm|pt|in)
bool width_shape(std::string_view v) {
  std::size_t i = 0;
  while (i < v.size() && is_digit(v[i])) ++i;
  if (i == 0) return false;
  if (i < v.size() && v[i] == '.') {
    const std::size_t f = ++i;
    while (i < v.size() && is_digit(v[i])) ++i;
    if (i == f) return false;
  }
  const std::string_view unit = v.substr(i);
  return unit == "%" || unit == "cm" || unit == "mm" || unit == "pt" || unit == "in";
}

// Integer within [lo, hi], XML Schema lexical form ([+-]?digits).
bool integer_in(std::string_view v, long long lo, long long hi) {
  std::size_t i = 0;
  bool neg = false;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) neg = v[i++] == '-';
  if (i == v.size()) return false;
  long long n = 0;
  for (; i < v.size(); ++i) {
    if (!is_digit(v[i])) return false;
    if (n > 1'000'000'000'000LL) return false;  // far outside every range we use
    n = n * 10 + (v[i] - '0');
  }
  if (neg) n = -n;
  return n >= lo && n <= hi;
}

bool decimal(std::string_view v) {
  std::size_t i = 0;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < v.size() && is_digit(v[i])) ++i, ++digits;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && is_digit(v[i])) ++i, ++digits;
  }
  return digits > 0 && i == v.size();
}

}  // namespace

std::string collapse_token(std::string_view v) {
  std::string out;
  bool space = false;
  for (char c : v) {
    if (is_xml_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool value_matches(std::string_view type, std::string_view raw) {
  if (type == "nonempty.value") return !raw.empty();
  const std::string v = collapse_token(raw);
  if (type == "lang.value") return lang_shape(v);
  if (type == "id.value") return ncname(v);
  if (type == "class.value") return class_name(v);
  if (type == "date.value") return date_shape(v);
  if (type == "width.value") return width_shape(v);
  if (type == "span.value") return integer_in(v, 1, 1000);
  if (type == "start.value") return integer_in(v, 0, 1'000'000);
  if (type == "country.value") return v.size() == 2 && is_upper(v[0]) && is_upper(v[1]);
  if (type == "decimal.value") return decimal(v);
  return true;
}

std::string describe_type(std::string_view type) {
  if (type == "nonempty.value") return "a non-empty value";
  if (type == "lang.value") return "a language tag such as en, fr, nl-BE or pt-BR";
  if (type == "id.value")
    return "an id: a letter or '_' followed by letters, digits, '-', '_' or '.' (no spaces or ':')";
  if (type == "class.value") return "a style name: a letter followed by letters, digits, '-' or '_'";
  if (type == "date.value") return "a date written YYYY-MM-DD, e.g. 2026-03-31";
  if (type == "width.value") return "a width such as 30%, 4cm, 20mm, 72pt or 1.5in";
  if (type == "span.value") return "a whole number from 1 to 1000";
  if (type == "start.value") return "a whole number from 0 to 1000000";
  if (type == "country.value") return "a two-letter ISO 3166 country code in capitals, or EU";
  if (type == "decimal.value") return "a number such as 1234 or -0.5";
  return {};
}

}  // namespace emnpub::xml
