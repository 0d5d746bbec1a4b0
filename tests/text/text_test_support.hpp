#pragma once
// Helpers shared by the text-stage conformance and golden tests: reading the
// Unicode Consortium's test files installed by Debian's unicode-data package,
// hex code point lists, UTF-8, and reporting pass counts.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace emnpub::text::testing_support {

// Debian's unicode-data package (scripts/setup.sh installs it).
inline const std::string kUnicodeDataDir = "/usr/share/unicode";

inline std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path, std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
  }
  return out;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits on `sep`, keeping empty fields.
inline std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t end = s.find(sep, start);
    if (end == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
}

// Whitespace-separated tokens.
inline std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// "05D0" → 0x05D0; returns false on anything that is not 1–6 hex digits.
inline bool parse_hex(std::string_view s, uint32_t& out) {
  if (s.empty() || s.size() > 6) return false;
  uint32_t v = 0;
  for (char c : s) {
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
    else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
    else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
    else return false;
  }
  out = v;
  return true;
}

inline void append_utf8(std::string& s, uint32_t cp) {
  if (cp < 0x80) {
    s.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// "15.0.0" from a first line like "# LineBreakTest-15.0.0.txt"; "" if absent.
inline std::string unicode_file_version(const std::vector<std::string>& lines) {
  if (lines.empty()) return "";
  const std::string& first = lines.front();
  const size_t dash = first.rfind('-');
  const size_t dot_txt = first.rfind(".txt");
  if (dash == std::string::npos || dot_txt == std::string::npos || dot_txt <= dash) return "";
  return first.substr(dash + 1, dot_txt - dash - 1);
}

// "15.0.0" vs ICU's U_UNICODE_VERSION "15.0": equal when the shorter one is a
// prefix ending at a component boundary and the rest is ".0" components.
inline bool same_unicode_version(const std::string& a, const std::string& b) {
  auto norm = [](std::string v) {
    while (v.size() > 2 && v.compare(v.size() - 2, 2, ".0") == 0) v.resize(v.size() - 2);
    return v;
  };
  return norm(a) == norm(b);
}

// Prints a summary line and records it in the GoogleTest XML output.
inline void report(const std::string& key, const std::string& line) {
  ::testing::Test::RecordProperty(key, line);
  std::cout << line << std::endl;
}

}  // namespace emnpub::text::testing_support
