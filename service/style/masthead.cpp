#include <algorithm>
#include <vector>

#include "style/lang_range.hpp"
#include "style/layout.hpp"

namespace emnpub::style {

Cover::Wording Cover::wording(std::string_view lang) const {
  // Every masthead whose range reaches lang, the more general first, so
  // that "fr-CA" changes only what it sets of "fr".
  std::vector<const std::pair<const std::string, Masthead>*> apply;
  for (const auto& entry : mastheads)
    if (lang_in_range(lang, entry.first)) apply.push_back(&entry);
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
