#include "pdf/unicode_text.hpp"

namespace emnpub::pdf {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

void push_utf16(std::vector<uint8_t>& out, char32_t cp) {
  auto unit = [&out](uint32_t u) {
    out.push_back(static_cast<uint8_t>(u >> 8));
    out.push_back(static_cast<uint8_t>(u & 0xFF));
  };
  if (cp >= 0x10000) {
    const uint32_t v = cp - 0x10000;
    unit(0xD800 + (v >> 10));
    unit(0xDC00 + (v & 0x3FF));
  } else {
    unit(cp);
  }
}

}  // namespace

std::u32string utf8_to_utf32(std::string_view s) {
  std::u32string out;
  utf8_to_utf32(s, out);
  return out;
}

void utf8_to_utf32(std::string_view s, std::u32string& out) {
  out.clear();
  size_t i = 0;
  while (i < s.size() && static_cast<uint8_t>(s[i]) < 0x80) ++i;
  if (i == s.size()) {  // ASCII, most glyph clusters: a widening copy
    out.resize(s.size());
    for (size_t k = 0; k < s.size(); ++k) out[k] = static_cast<uint8_t>(s[k]);
    return;
  }
  out.reserve(s.size());
  i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<uint8_t>(s[i]);
    int len = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if ((b0 & 0xE0) == 0xC0) {
      cp = b0 & 0x1F;
      len = 2;
    } else if ((b0 & 0xF0) == 0xE0) {
      cp = b0 & 0x0F;
      len = 3;
    } else if ((b0 & 0xF8) == 0xF0) {
      cp = b0 & 0x07;
      len = 4;
    } else {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    if (i + len > s.size()) {
      out.push_back(kReplacement);
      break;
    }
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      const auto b = static_cast<uint8_t>(s[i + k]);
      if ((b & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (b & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (!ok || cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out.push_back(kReplacement);
      i += ok ? len : 1;
      continue;
    }
    out.push_back(cp);
    i += len;
  }
}

void append_utf16be_hex(std::string& out, char32_t cp) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::vector<uint8_t> bytes;
  push_utf16(bytes, cp);
  for (uint8_t b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xF]);
  }
}

std::string utf16be_hex(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 4);
  for (char32_t cp : text) append_utf16be_hex(out, cp);
  return out;
}

std::vector<uint8_t> utf16be_with_bom(std::string_view utf8) {
  std::vector<uint8_t> out{0xFE, 0xFF};
  for (char32_t cp : utf8_to_utf32(utf8)) push_utf16(out, cp);
  return out;
}

bool is_printable_ascii(std::string_view s) {
  for (char c : s)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

}  // namespace emnpub::pdf
