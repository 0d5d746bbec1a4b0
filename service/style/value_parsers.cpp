#include "style/value_parsers.hpp"

#include <charconv>
#include <cmath>

namespace emnpub::style {

std::optional<Fixed> parse_length(const std::string& v) {
  double num = 0;
  const char* b = v.data();
  const char* e = v.data() + v.size();
  auto [p, ec] = std::from_chars(b, e, num);
  if (ec != std::errc() || !std::isfinite(num)) return std::nullopt;
  const std::string unit(p, e);
  double pt;
  if (unit == "pt") pt = num;
  else if (unit == "mm") pt = num * 72.0 / 25.4;
  else if (unit == "cm") pt = num * 720.0 / 25.4;
  else if (unit == "in") pt = num * 72.0;
  else if (unit.empty() && num == 0) pt = 0;
  else return std::nullopt;
  if (std::fabs(pt) > 20000) return std::nullopt;
  return from_pt(pt);
}

std::optional<Color> parse_color(const std::string& v, const std::map<std::string, Color>& named) {
  if (auto it = named.find(v); it != named.end()) return it->second;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (!v.empty() && v[0] == '#' && (v.size() == 7 || v.size() == 4)) {
    int d[6];
    const bool short_form = v.size() == 4;
    for (size_t i = 0; i < (short_form ? 3u : 6u); ++i)
      if ((d[i] = hex(v[1 + i])) < 0) return std::nullopt;
    if (short_form)
      return Color{static_cast<uint8_t>(d[0] * 17), static_cast<uint8_t>(d[1] * 17),
                   static_cast<uint8_t>(d[2] * 17)};
    return Color{static_cast<uint8_t>(d[0] * 16 + d[1]), static_cast<uint8_t>(d[2] * 16 + d[3]),
                 static_cast<uint8_t>(d[4] * 16 + d[5])};
  }
  if (v.rfind("cmyk(", 0) == 0 && v.back() == ')') {
    double c[4];
    const char* p = v.data() + 5;
    const char* e = v.data() + v.size() - 1;
    for (int i = 0; i < 4; ++i) {
      while (p < e && (*p == ' ' || *p == ',')) ++p;
      auto [q, ec] = std::from_chars(p, e, c[i]);
      if (ec != std::errc() || c[i] < 0 || c[i] > 100) return std::nullopt;
      p = q;
    }
    while (p < e && *p == ' ') ++p;
    if (p != e) return std::nullopt;  // nothing may follow the fourth value
    // Naive conversion (no ICC profile): good enough for screen proofs.
    auto ch = [&](double x) {
      return static_cast<uint8_t>(std::lround(255.0 * (1 - x / 100) * (1 - c[3] / 100)));
    };
    return Color{ch(c[0]), ch(c[1]), ch(c[2])};
  }
  return std::nullopt;
}

std::optional<bool> parse_bool(const std::string& v) {
  if (v == "yes" || v == "true") return true;
  if (v == "no" || v == "false") return false;
  return std::nullopt;
}

std::optional<int> parse_int(const std::string& v) {
  int n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return n;
}

std::optional<int> parse_percent(const std::string& v) {
  if (v.size() < 2 || v.back() != '%') return std::nullopt;
  return parse_int(v.substr(0, v.size() - 1));
}

}  // namespace emnpub::style
