#include "xml/forbidden_content.hpp"

#include <string>

#include "xml/dom.hpp"

namespace emnpub::xml {

namespace {

constexpr const char* kXIncludeNs[] = {"http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"};

bool is_xinclude(const xmlNode* n) {
  if (!n->ns || !n->ns->href) return false;
  for (const char* ns : kXIncludeNs)
    if (xmlStrEqual(n->ns->href, reinterpret_cast<const xmlChar*>(ns))) return true;
  return false;
}

// Depth is already capped by the safe reader, so recursion is bounded.
void walk(const xmlNode* n, Reporter& report, bool& ok) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (!is_element(c)) continue;
    if (is_xinclude(c)) {
      report.error(DiagKind::Forbidden, c,
                   "XInclude (<" + qualified_name(c) +
                       ">) is not allowed: a publication must be self-contained and is never "
                       "combined with other files");
      ok = false;
      continue;
    }
    walk(c, report, ok);
  }
}

}  // namespace

bool check_forbidden_content(const xmlDoc* doc, Reporter& report) {
  bool ok = true;
  walk(reinterpret_cast<const xmlNode*>(doc), report, ok);
  return ok;
}

}  // namespace emnpub::xml
