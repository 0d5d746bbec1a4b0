#include "common/config_xml.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <fstream>
#include <tuple>
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
// Elements are visited in document order, so each start tag is searched
// for after the previous one (comments skipped), which also finds tags that
// span several lines.
struct SourceText {
  std::string_view s;
  std::vector<size_t> line_starts;
  std::vector<std::pair<size_t, size_t>> comments;  // [begin, end) byte ranges
  size_t cursor = 0;

  explicit SourceText(std::string_view text) : s(text) {
    line_starts.push_back(0);
    for (size_t i = 0; i < s.size(); ++i)
      if (s[i] == '\n') line_starts.push_back(i + 1);
    for (size_t p = 0; (p = s.find("<!--", p)) != std::string_view::npos;) {
      const size_t e = s.find("-->", p + 4);
      const size_t end = e == std::string_view::npos ? s.size() : e + 3;
      comments.push_back({p, end});
      p = end;
    }
  }

  bool in_comment(size_t off) const {
    for (const auto& [b, e] : comments)
      if (off >= b && off < e) return true;
    return false;
  }

  std::pair<int, int> line_col(size_t off) const {
    const auto it = std::upper_bound(line_starts.begin(), line_starts.end(), off);
    const size_t line = static_cast<size_t>(it - line_starts.begin());
    return {static_cast<int>(line), static_cast<int>(off - line_starts[line - 1]) + 1};
  }

  static bool name_end(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>'; }

  // Offset of the next start tag <name after the cursor; advances the cursor.
  size_t next_tag(const std::string& name) {
    const std::string needle = "<" + name;
    for (size_t p = cursor; (p = s.find(needle, p)) != std::string_view::npos; ++p) {
      if (p + needle.size() < s.size() && name_end(s[p + needle.size()]) && !in_comment(p)) {
        cursor = p + needle.size();
        return p;
      }
    }
    return std::string_view::npos;
  }

  // Offset of attribute `name` inside the start tag beginning at `tag`.
  size_t attribute(size_t tag, const std::string& name) const {
    const size_t end = s.find('>', tag);
    for (size_t p = tag; (p = s.find(name, p)) != std::string_view::npos && p < end; ++p) {
      const char before = s[p - 1];
      if (before != ' ' && before != '\t' && before != '\n' && before != '\r') continue;
      size_t q = p + name.size();
      while (q < s.size() && (s[q] == ' ' || s[q] == '\t' || s[q] == '\n' || s[q] == '\r')) ++q;
      if (q < s.size() && s[q] == '=') return p;
    }
    return std::string_view::npos;
  }
};

std::string trim(std::string s) {
  const char* ws = " \t\r\n";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

ConfigNode convert(xmlNode* n, SourceText& src) {
  ConfigNode out;
  out.name = reinterpret_cast<const char*>(n->name);
  const size_t tag = src.next_tag(out.name);
  if (tag != std::string_view::npos) {
    std::tie(out.line, out.column) = src.line_col(tag);
  } else {
    out.line = static_cast<int>(xmlGetLineNo(n));
    out.column = 1;
  }
  for (xmlAttr* a = n->properties; a; a = a->next) {
    ConfigAttr ca;
    ca.name = reinterpret_cast<const char*>(a->name);
    if (xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1)) {
      ca.value = reinterpret_cast<const char*>(v);
      xmlFree(v);
    }
    const size_t at = tag == std::string_view::npos ? tag : src.attribute(tag, ca.name);
    if (at != std::string_view::npos) {
      std::tie(ca.line, ca.column) = src.line_col(at);
    } else {
      ca.line = out.line;
      ca.column = out.column;
    }
    out.attrs.push_back(std::move(ca));
  }
  std::string text;
  for (xmlNode* ch = n->children; ch; ch = ch->next) {
    if (ch->type == XML_ELEMENT_NODE) {
      out.children.push_back(convert(ch, src));
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
  SourceText src(data);
  return convert(xmlDocGetRootElement(doc.get()), src);
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
