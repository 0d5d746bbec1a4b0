#include "xml/whitespace.hpp"

#include "xml/dom.hpp"

namespace emnpub::xml {

using model::Inline;
using model::InlineKind;

std::string normalize_text(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (is_xml_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

namespace {

struct CollapseState {
  bool after_space = true;       // start of block: leading space is dropped
  Inline* last_text = nullptr;   // text run whose trailing space may still be dropped
};

void trim_trailing(Inline* t) {
  if (t && !t->text.empty() && t->text.back() == ' ') t->text.pop_back();
}

void remove_empty_text(std::vector<Inline>& v) {
  std::erase_if(v, [](const Inline& in) { return in.kind == InlineKind::Text && in.text.empty(); });
  for (auto& in : v) remove_empty_text(in.children);
}

void collapse(std::vector<Inline>& v, CollapseState& st) {
  for (auto& in : v) {
    switch (in.kind) {
      case InlineKind::Text: {
        // In place: the collapsed text is never longer.
        std::string& t = in.text;
        size_t w = 0;
        for (const char c : t) {
          if (is_xml_space(c)) {
            if (!st.after_space) t[w++] = ' ';
            st.after_space = true;
          } else {
            t[w++] = c;
            st.after_space = false;
          }
        }
        t.resize(w);
        if (!in.text.empty()) st.last_text = &in;
        break;
      }
      case InlineKind::Break:
        trim_trailing(st.last_text);
        st.after_space = true;
        st.last_text = nullptr;
        break;
      case InlineKind::Note:
        normalize_inlines(in.children);
        st.after_space = false;
        st.last_text = nullptr;
        break;
      case InlineKind::Ref:
        st.after_space = false;
        st.last_text = nullptr;
        break;
      default:
        collapse(in.children, st);
        break;
    }
  }
}

}  // namespace

void normalize_inlines(std::vector<Inline>& inlines) {
  CollapseState st;
  collapse(inlines, st);
  trim_trailing(st.last_text);
  remove_empty_text(inlines);
}

std::string pre_text(std::string_view s) {
  if (s.starts_with("\r\n")) s.remove_prefix(2);
  else if (s.starts_with("\n")) s.remove_prefix(1);
  return std::string(s);
}

}  // namespace emnpub::xml
