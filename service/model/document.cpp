#include "model/document.hpp"

namespace emnpub::model {

const char* to_string(DocType t) {
  switch (t) {
    case DocType::Inform: return "inform";
    case DocType::Bulletin: return "bulletin";
    case DocType::Report: return "report";
    case DocType::Glossary: return "glossary";
    case DocType::Factsheet: return "factsheet";
  }
  return "inform";
}

std::optional<DocType> doc_type_named(std::string_view name) {
  for (DocType t : kDocTypes)
    if (name == to_string(t)) return t;
  return std::nullopt;
}

static void append_plain(const std::vector<Inline>& inlines, std::string& out) {
  for (const auto& in : inlines) {
    switch (in.kind) {
      case InlineKind::Text: out += in.text; break;
      case InlineKind::Note: break;  // footnotes are not part of the running text
      case InlineKind::Break: out += ' '; break;
      default: append_plain(in.children, out); break;
    }
  }
}

std::string plain_text(const std::vector<Inline>& inlines) {
  std::string out;
  append_plain(inlines, out);
  return out;
}

}  // namespace emnpub::model
