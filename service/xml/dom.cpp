#include "xml/dom.hpp"

#include <libxml/xmlmemory.h>

namespace emnpub::xml {

namespace {
const xmlChar* xml_ns_href() { return reinterpret_cast<const xmlChar*>(XML_XML_NAMESPACE); }
}  // namespace

std::string qualified_name(const xmlNode* n) {
  std::string out;
  if (n->ns && n->ns->prefix) {
    out += reinterpret_cast<const char*>(n->ns->prefix);
    out += ':';
  }
  out += name_of(n);
  return out;
}

std::string qualified_name(const xmlAttr* a) {
  std::string out;
  if (a->ns && a->ns->prefix) {
    out += reinterpret_cast<const char*>(a->ns->prefix);
    out += ':';
  }
  out += reinterpret_cast<const char*>(a->name);
  return out;
}

const xmlAttr* attribute_node(const xmlNode* n, std::string_view name) {
  if (!is_element(n)) return nullptr;
  const bool want_xml = name.starts_with("xml:");
  const std::string_view local = want_xml ? name.substr(4) : name;
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (local != reinterpret_cast<const char*>(a->name)) continue;
    if (want_xml ? (a->ns && xmlStrEqual(a->ns->href, xml_ns_href())) : a->ns == nullptr) return a;
  }
  return nullptr;
}

std::string attribute_value(const xmlAttr* a) {
  std::string out;
  for (const xmlNode* c = a ? a->children : nullptr; c; c = c->next)
    if (c->content) out += reinterpret_cast<const char*>(c->content);
  return out;
}

std::optional<std::string> attribute(const xmlNode* n, std::string_view name) {
  const xmlAttr* a = attribute_node(n, name);
  if (!a) return std::nullopt;
  return attribute_value(a);
}

const xmlNode* child_element(const xmlNode* n, std::string_view name) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (is_element(c, name)) return c;
  return nullptr;
}

static void append_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_text(c)) out += text_of(c);
    else if (is_element(c)) append_text(c, out);
  }
}

std::string text_content(const xmlNode* n) {
  std::string out;
  if (n) append_text(n, out);
  return out;
}


bool is_blank(std::string_view s) {
  for (char c : s)
    if (!is_xml_space(c)) return false;
  return true;
}

}  // namespace emnpub::xml
