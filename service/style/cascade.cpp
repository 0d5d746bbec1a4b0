// Style resolution: every rule whose selector matches applies, in order of
// specificity and then of appearance (brand rules come before layout rules).
#include <algorithm>

#include "style/lang_range.hpp"
#include "style/layout.hpp"

namespace emnpub::style {

namespace {

bool matches(const StyleRule& r, const Selector& s) {
  if (r.element != s.element) return false;
  if (r.cls && *r.cls != s.cls) return false;
  if (r.type && *r.type != s.type) return false;
  if (r.level && *r.level != s.level) return false;
  if (r.lang && !lang_in_range(s.lang, *r.lang)) return false;
  return true;
}

std::vector<const StyleRule*> matching(const std::vector<StyleRule>& rules, const Selector& s) {
  std::vector<const StyleRule*> out;
  for (const auto& r : rules)
    if (matches(r, s)) out.push_back(&r);
  std::stable_sort(out.begin(), out.end(), [](const StyleRule* a, const StyleRule* b) {
    return a->specificity < b->specificity;
  });
  return out;
}

}  // namespace

BlockStyle Layout::block(const Selector& s) const {
  BlockStyle out;
  // Every block starts from the body text style, then its own rules.
  if (s.element != "body") {
    Selector base{"body", {}, {}, s.lang, 0};
    for (const auto* r : matching(rules, base))
      for (const auto& f : r->block_setters) f(out);
  }
  for (const auto* r : matching(rules, s))
    for (const auto& f : r->block_setters) f(out);
  return out;
}

InlineStyle Layout::inline_style(const Selector& s) const {
  InlineStyle out;
  for (const auto* r : matching(rules, s))
    for (const auto& f : r->inline_setters) f(out);
  return out;
}

}  // namespace emnpub::style
