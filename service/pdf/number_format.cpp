#include "pdf/number_format.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace emnpub::pdf {

void append_number(std::string& out, double value, int decimals) {
  if (!std::isfinite(value)) throw std::invalid_argument("PDF writer: number is not finite");
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  if (ec != std::errc()) throw std::invalid_argument("PDF writer: number out of range");
  char* last = end;
  if (decimals > 0) {
    while (last[-1] == '0') --last;
    if (last[-1] == '.') --last;
  }
  const char* first = buf;
  // "-0" after rounding is just 0.
  if (last - first == 2 && buf[0] == '-' && buf[1] == '0') ++first;
  out.append(first, static_cast<size_t>(last - first));
}

std::string format_number(double value, int decimals) {
  std::string s;
  append_number(s, value, decimals);
  return s;
}

double round_to(double value, int decimals) {
  // Parse back what would be printed so callers track exactly what the
  // reader of the PDF will compute with.
  const std::string s = format_number(value, decimals);
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace emnpub::pdf
