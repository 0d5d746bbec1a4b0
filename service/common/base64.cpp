#include "common/base64.hpp"

#include <algorithm>

namespace emnpub {

namespace {

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

Base64Decoded base64_decode(std::string_view in, std::size_t max_bytes) {
  Base64Decoded out;
  out.bytes.reserve(std::min(max_bytes, in.size() / 4 * 3 + 3));
  std::uint32_t acc = 0;
  int bits = 0, padding = 0;
  std::size_t n = 0;
  for (char c : in) {
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding > 0) {
      out.error = "has base64 data with characters after the '=' padding";
      return out;
    }
    const int v = sextet(c);
    if (v < 0) {
      out.error = "has a character that is not base64 in its data";
      return out;
    }
    ++n;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (out.bytes.size() < max_bytes) out.bytes.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
    }
  }
  // A lone sextet carries no whole byte; padding, when given, must complete
  // the last quantum exactly.
  if (n % 4 == 1 || padding > 2 || (padding > 0 && (n + padding) % 4 != 0))
    out.error = "has truncated base64 data";
  return out;
}

}  // namespace emnpub
