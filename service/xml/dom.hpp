#pragma once
// Small read-only helpers over the libxml2 tree, so the checks and the model
// builder read as plain C++ (std::string, std::string_view, optional).
#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>

namespace emnpub::xml {

inline std::string_view name_of(const xmlNode* n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

inline bool is_element(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }

inline bool is_element(const xmlNode* n, std::string_view name) {
  return is_element(n) && n->ns == nullptr && name_of(n) == name;
}

inline bool is_text(const xmlNode* n) {
  return n && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE);
}

inline std::string_view text_of(const xmlNode* n) {
  return n && n->content ? std::string_view(reinterpret_cast<const char*>(n->content)) : std::string_view();
}

// Qualified name as written ("xi:include", "xml:lang", "p").
std::string qualified_name(const xmlNode* n);
std::string qualified_name(const xmlAttr* a);

// Value of an unqualified attribute, or of xml:lang when name == "xml:lang".
std::optional<std::string> attribute(const xmlNode* n, std::string_view name);
const xmlAttr* attribute_node(const xmlNode* n, std::string_view name);
std::string attribute_value(const xmlAttr* a);

// First element child named `name` (no namespace), or null.
const xmlNode* child_element(const xmlNode* n, std::string_view name);

// Concatenated text of a node's descendants (for text-only elements).
std::string text_content(const xmlNode* n);

inline bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_blank(std::string_view s);

}  // namespace emnpub::xml
