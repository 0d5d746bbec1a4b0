#include "common/config_xml.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace emnpub {

const ConfigAttr* ConfigNode::attr(std::string_view n) const {
  for (const auto& a : attrs)
    if (a.name == n) return &a;
  return nullptr;
}

std::optional<std::string> ConfigNode::get(std::string_view n) const {
  if (const auto* a = attr(n)) return a->value;
  return std::nullopt;
}

SourcePos ConfigNode::pos_of(std::string_view attr_name) const {
  if (const auto* a = attr(attr_name)) return {a->line, a->column, {}};
  return pos();
}

namespace {

struct DocDeleter { void operator()(xmlDoc* d) const { xmlFreeDoc(d); } };
struct CtxtDeleter { void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); } };

// libxml2 knows lines but not columns of elements: find them in the text.
struct LineIndex {
  std::vector<std::string_view> lines;
  explicit LineIndex(std::string_view s) {
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i)
      if (i == s.size() || s[i] == '\n') {
        lines.push_back(s.substr(start, i - start));
        start = i + 1;
      }
  }
  // Column (1-based) of `needle` on `line` at or after `from`; searches a few
  // following lines for tags that span lines. Returns {line, col}.
  std::pair<int, int> find(int line, std::string_view needle, size_t from = 0) const {
    for (int l = line; l > 0 && l <= static_cast<int>(lines.size()) && l < line + 20; ++l) {
      auto pos = lines[l - 1].find(needle, l == line ? from : 0);
      if (pos != std::string_view::npos) return {l, static_cast<int>(pos) + 1};
    }
    return {line, 1};
  }
};

std::string trim(std::string s) {
  const char* ws = " \t\r\n";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

ConfigNode convert(xmlNode* n, const LineIndex& idx) {
  ConfigNode out;
  out.name = reinterpret_cast<const char*>(n->name);
  const int line = static_cast<int>(xmlGetLineNo(n));
  auto [l, c] = idx.find(line, "<" + out.name);
  out.line = l;
  out.column = c;
  for (xmlAttr* a = n->properties; a; a = a->next) {
    ConfigAttr ca;
    ca.name = reinterpret_cast<const char*>(a->name);
    if (xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1)) {
      ca.value = reinterpret_cast<const char*>(v);
      xmlFree(v);
    }
    auto [al, ac] = idx.find(l, " " + ca.name + "=", static_cast<size_t>(c));
    ca.line = al;
    ca.column = ac + 1;
    out.attrs.push_back(std::move(ca));
  }
  std::string text;
  for (xmlNode* ch = n->children; ch; ch = ch->next) {
    if (ch->type == XML_ELEMENT_NODE) {
      out.children.push_back(convert(ch, idx));
    } else if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) {
      text += reinterpret_cast<const char*>(ch->content);
    }
  }
  out.text = trim(std::move(text));
  return out;
}

}  // namespace

namespace {

// Collects libxml2's errors for one parse (its structured error handler is
// thread-local), so the first error — the real one — is reported, not the
// follow-on "premature end of data" that libxml2 keeps as the last.
struct ErrorCapture {
  std::vector<std::pair<SourcePos, std::string>> errors;
  static void handler(void* self, xmlErrorPtr e) {
    if (!e || e->level < XML_ERR_ERROR) return;
    auto* c = static_cast<ErrorCapture*>(self);
    c->errors.push_back({{e->line, e->int2, {}}, trim(e->message ? e->message : "not well-formed XML")});
  }
};

}  // namespace

ConfigNode read_config_xml_string(std::string_view data, const std::string& name) {
  std::unique_ptr<xmlParserCtxt, CtxtDeleter> ctxt(xmlNewParserCtxt());
  if (!ctxt) throw std::runtime_error("out of memory creating XML parser");
  const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  ErrorCapture capture;
  xmlSetStructuredErrorFunc(&capture, &ErrorCapture::handler);
  std::unique_ptr<xmlDoc, DocDeleter> doc(xmlCtxtReadMemory(
      ctxt.get(), data.data(), static_cast<int>(data.size()), name.c_str(), "UTF-8", opts));
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  Diagnostics diags;
  if (!doc || !capture.errors.empty()) {
    if (capture.errors.empty()) capture.errors.push_back({{1, 1, {}}, "not well-formed XML"});
    const auto& [pos, msg] = capture.errors.front();
    diags.error(DiagKind::Layout, name, pos, msg);
    throw DocumentRefused(std::move(diags));
  }
  if (doc->intSubset || doc->extSubset) {
    diags.error(DiagKind::Layout, name, {1, 1, {}}, "DOCTYPE declarations are not allowed");
    throw DocumentRefused(std::move(diags));
  }
  LineIndex idx(data);
  return convert(xmlDocGetRootElement(doc.get()), idx);
}

ConfigNode read_config_xml(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Diagnostics diags;
    diags.error(DiagKind::Io, path, {}, "cannot read file");
    throw DocumentRefused(std::move(diags));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return read_config_xml_string(ss.str(), path);
}

}  // namespace emnpub
