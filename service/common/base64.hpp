#pragma once
// RFC 4648 base64 (standard alphabet), strict: every character must belong
// to the alphabet, '=' padding is optional but only at the end, and a lone
// trailing sextet is truncated data. Whitespace is the caller's business
// (data: URIs strip it first). Shared by the XML checks, which only look at
// the first bytes, and the image loader, which needs them all.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace emnpub {

struct Base64Decoded {
  std::vector<std::uint8_t> bytes;
  std::string error;  // empty when the input is valid; else completes "... has/is ..."
};

// Decodes `in`, validating all of it; keeps at most `max_bytes` of output
// (the rest is checked, not stored).
Base64Decoded base64_decode(std::string_view in, std::size_t max_bytes = SIZE_MAX);

}  // namespace emnpub
