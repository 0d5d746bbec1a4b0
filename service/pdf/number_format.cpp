#include "pdf/number_format.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace emnpub::pdf {

namespace {

// Writes value into buf (at least 64 bytes); returns the end. No allocation:
// this runs for every glyph of a document.
char* format_into(char* buf, double value, int decimals) {
  if (!std::isfinite(value))
    throw std::runtime_error("PDF writer: a coordinate, size or colour is not a finite number");
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
  // Parse back what would be printed so callers track exactly what the
  // reader of the PDF will compute with.
  char buf[64];
  char* end = format_into(buf, value, decimals);
  double v = 0;
  std::from_chars(buf, end, v);
  return v;
}

}  // namespace emnpub::pdf
