#include "xml/image_source.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "common/base64.hpp"
#include "xml/dom.hpp"

namespace emnpub::xml {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

// Validates the whole payload, decodes only the first bytes (the signature).
std::string check_base64_image(std::string_view payload, bool png) {
  const Base64Decoded d = base64_decode(payload, 8);
  if (!d.error.empty()) return d.error;
  const std::vector<std::uint8_t>& head = d.bytes;
  static constexpr std::array<std::uint8_t, 8> kPng = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  static constexpr std::array<std::uint8_t, 3> kJpeg = {0xFF, 0xD8, 0xFF};
  if (png && !(head.size() >= kPng.size() && std::equal(kPng.begin(), kPng.end(), head.begin())))
    return "says image/png but its data is not a PNG image";
  if (!png && !(head.size() >= kJpeg.size() && std::equal(kJpeg.begin(), kJpeg.end(), head.begin())))
    return "says image/jpeg but its data is not a JPEG image";
  return {};
}

std::string check_data_uri(std::string_view src) {
  const std::string s = strip_data_uri_spaces(src);
  const std::size_t comma = s.find(',');
  if (comma == std::string::npos) return "is not a valid data: URI (no ',' before the data)";
  std::string header;
  for (char c : std::string_view(s).substr(5, comma - 5)) header += lower(c);
  const bool png = header == "image/png;base64";
  const bool jpeg = header == "image/jpeg;base64" || header == "image/jpg;base64";
  if (!png && !jpeg)
    return "must be a base64 PNG or JPEG data: URI (data:image/png;base64,... or data:image/jpeg;base64,...)";
  if (comma + 1 == s.size()) return "has no image data after the ','";
  return check_base64_image(std::string_view(s).substr(comma + 1), png);
}

// RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
bool has_scheme(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(s[0])) return false;
  for (char c : s.substr(0, colon))
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  return true;
}

}  // namespace

bool is_data_uri(std::string_view src) {
  std::size_t i = 0;
  while (i < src.size() && is_xml_space(src[i])) ++i;
  return starts_with_nocase(src.substr(i), "data:");
}

std::string strip_data_uri_spaces(std::string_view src) {
  std::string out;
  out.reserve(src.size());
  for (char c : src)
    if (!is_xml_space(c)) out += c;
  return out;
}

std::string check_image_source(std::string_view src) {
  if (is_blank(src)) return "is empty";
  if (is_data_uri(src)) return check_data_uri(src);
  if (has_scheme(src))
    return "uses a URL scheme: images must be data: URIs or paths relative to the assets root "
           "(nothing is fetched from the network)";
  if (src.front() == '/' || src.front() == '\\') return "is an absolute path: use a path relative to the assets root";
  if (src.find('\\') != std::string_view::npos) return "contains '\\': separate folders with '/'";
  std::size_t start = 0;
  while (start <= src.size()) {
    const std::size_t end = std::min(src.find('/', start), src.size());
    if (src.substr(start, end - start) == "..") return "contains '..': paths may not leave the assets root";
    start = end + 1;
  }
  return {};
}

}  // namespace emnpub::xml
