#include "style/layout.hpp"

#include <algorithm>
#include <vector>

namespace emnpub::style {

namespace {

// Language tags compare without regard to case (BCP 47): "fr-be" is "fr-BE".
bool same_letters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    const char y = (b[i] >= 'A' && b[i] <= 'Z') ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

}  // namespace

Cover::Wording Cover::wording(std::string_view lang) const {
  // Every masthead whose language is lang or a whole-subtag prefix of it
  // ("fr" for "fr-BE", but not for "fry"), the more general first, so that
  // "fr-CA" changes only what it sets of "fr".
  std::vector<const std::pair<const std::string, Masthead>*> apply;
  for (const auto& entry : mastheads) {
    const std::string& key = entry.first;
    if (lang.size() >= key.size() && same_letters(lang.substr(0, key.size()), key) &&
        (lang.size() == key.size() || lang[key.size()] == '-'))
      apply.push_back(&entry);
  }
  std::sort(apply.begin(), apply.end(), [](auto* a, auto* b) { return a->first.size() < b->first.size(); });
  Wording w{wordmark, tagline, contact_point};
  for (const auto* entry : apply) {
    const Masthead& m = entry->second;
    if (m.wordmark) w.wordmark = *m.wordmark;
    if (m.tagline) w.tagline = *m.tagline;
    if (m.contact_point) w.contact_point = *m.contact_point;
  }
  return w;
}

}  // namespace emnpub::style
