#include "pdf/number_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace emnpub::pdf {

namespace {

constexpr int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

// value rounded to `decimals` places, as an integer count of 10^-decimals,
// when plain double arithmetic gets it right; false when it may not.
// value * 10^d is off the exact product by half an ulp at most, 2^-14 for
// products under 2^40: unless the product is that close to a half, it
// rounds to the same integer as the exact product, which is what
// std::to_chars rounds (about 500 instructions per number, and a document
// has one for every few glyphs).
bool scaled_integer(double value, int decimals, int64_t& out) {
  if (decimals < 0 || decimals > 6) return false;
  const double y = value * static_cast<double>(kPow10[decimals]);
  if (!(std::abs(y) < 1099511627776.0)) return false;  // 2^40; also NaN
  const double f = std::floor(y);
  const double frac = y - f;  // exact: f and y are that close
  if (std::abs(frac - 0.5) < 1e-3) return false;
  out = static_cast<int64_t>(f) + (frac > 0.5 ? 1 : 0);
  return true;
}

// The integer n / 10^decimals, trailing zeros trimmed; "-0" cannot occur.
char* print_scaled(char* buf, int64_t n, int decimals) {
  char* p = buf;
  if (n < 0) *p++ = '-';
  uint64_t u = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  const auto pow = static_cast<uint64_t>(kPow10[decimals]);
  uint64_t whole = u / pow, frac = u % pow;
  char digits[24];
  int k = 0;
  do {
    digits[k++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole);
  while (k) *p++ = digits[--k];
  if (frac) {
    int places = decimals;
    while (frac % 10 == 0) {
      frac /= 10;
      --places;
    }
    *p++ = '.';
    for (int i = places - 1; i >= 0; --i) {
      p[i] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    p += places;
  }
  return p;
}

// Writes value into buf (at least 64 bytes); returns the end. No allocation:
// this runs for every glyph of a document.
char* format_into(char* buf, double value, int decimals) {
  if (!std::isfinite(value))
    throw std::runtime_error("PDF writer: a coordinate, size or colour is not a finite number");
  int64_t n = 0;
  if (scaled_integer(value, decimals, n)) return print_scaled(buf, n, decimals);
  auto [end, ec] = std::to_chars(buf, buf + 63, value, std::chars_format::fixed, decimals);
  if (ec != std::errc()) throw std::runtime_error("PDF writer: a number is too large for PDF");
  if (decimals > 0) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  // "-0" after rounding is just 0.
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
    buf[0] = '0';
    --end;
  }
  return end;
}

}  // namespace

void append_number(std::string& out, double value, int decimals) {
  char buf[64];
  char* end = format_into(buf, value, decimals);
  out.append(buf, static_cast<size_t>(end - buf));
}

std::string format_number(double value, int decimals) {
  std::string s;
  append_number(s, value, decimals);
  return s;
}

double round_to(double value, int decimals) {
  // What would be printed, as the reader of the PDF will compute with it.
  // n / 10^d is correctly rounded by IEEE division, as parsing the printed
  // decimal is by std::from_chars: the same double.
  int64_t n = 0;
  if (std::isfinite(value) && scaled_integer(value, decimals, n))
    return n == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(kPow10[decimals]);
  char buf[64];
  char* end = format_into(buf, value, decimals);
  double v = 0;
  std::from_chars(buf, end, v);
  return v;
}

}  // namespace emnpub::pdf
