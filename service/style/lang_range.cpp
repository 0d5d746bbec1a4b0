#include "style/lang_range.hpp"

namespace emnpub::style {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool lang_in_range(std::string_view lang, std::string_view range) {
  if (lang.size() < range.size()) return false;
  for (size_t i = 0; i < range.size(); ++i)
    if (lower(lang[i]) != lower(range[i])) return false;
  return lang.size() == range.size() || lang[range.size()] == '-';
}

bool looks_like_lang(std::string_view tag) {
  if (tag.empty() || tag.front() == '-' || tag.back() == '-') return false;
  for (size_t i = 0; i < tag.size(); ++i) {
    const char c = lower(tag[i]);
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && !(c == '-' && tag[i - 1] != '-')) return false;
  }
  return true;
}

}  // namespace emnpub::style
