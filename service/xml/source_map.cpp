#include "xml/source_map.hpp"

#include <string_view>

#include "xml/dom.hpp"

namespace emnpub::xml {

namespace {

const xmlNode* nearest_element(const xmlNode* n) {
  while (n && n->type != XML_ELEMENT_NODE) {
    if (n->type == XML_ATTRIBUTE_NODE) return n->parent;
    n = n->parent;
  }
  return n;
}

// The [n] suffix of `n` among its siblings, or "" when its name is unique.
std::string sibling_index(const xmlNode* n) {
  const std::string name = qualified_name(n);
  int before = 0, total = 0;
  for (const xmlNode* s = n->parent ? n->parent->children : n; s; s = s->next) {
    if (!is_element(s) || qualified_name(s) != name) continue;
    ++total;
    if (s == n) before = total;
  }
  return total > 1 ? "[" + std::to_string(before) + "]" : std::string();
}

}  // namespace

std::string element_path(const xmlNode* n) {
  n = nearest_element(n);
  std::vector<std::string> parts;
  for (; is_element(n); n = n->parent) parts.push_back(qualified_name(n) + sibling_index(n));
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) out += "/" + *it;
  return out;
}

std::vector<ChildPath> child_paths(const xmlNode* parent, const std::string& parent_path) {
  // Runs for every element of a document: a parent has few distinct child
  // names, so a short list (names compared as libxml2's interned pointers
  // first) does better than hash maps of strings.
  struct Count {
    const xmlChar* prefix;
    const xmlChar* name;
    int total = 0;
    int seen = 0;
  };
  auto same = [](const xmlChar* a, const xmlChar* b) { return a == b || (a && b && xmlStrEqual(a, b)); };
  std::vector<Count> counts;
  auto count_of = [&](const xmlNode* c) -> Count& {
    const xmlChar* prefix = c->ns ? c->ns->prefix : nullptr;
    for (Count& k : counts)
      if (same(k.name, c->name) && same(k.prefix, prefix)) return k;
    return counts.emplace_back(Count{prefix, c->name});
  };
  size_t n = 0;
  for (const xmlNode* c = parent->children; c; c = c->next)
    if (is_element(c)) {
      ++count_of(c).total;
      ++n;
    }
  std::vector<ChildPath> out;
  out.reserve(n);
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (!is_element(c)) continue;
    Count& k = count_of(c);
    std::string path;
    const std::string_view name = reinterpret_cast<const char*>(c->name);
    path.reserve(parent_path.size() + name.size() + 16);
    path += parent_path;
    path += '/';
    if (k.prefix) {
      path += reinterpret_cast<const char*>(k.prefix);
      path += ':';
    }
    path += name;
    if (k.total > 1) {
      path += '[';
      path += std::to_string(++k.seen);
      path += ']';
    }
    out.push_back({c, std::move(path)});
  }
  return out;
}

LineCol SourceMap::start_of(const xmlNode* n) const {
  const xmlNode* e = nearest_element(n);
  if (!e) return {};
  if (auto it = starts_.find(e); it != starts_.end()) return it->second;
  const long line = xmlGetLineNo(e);
  return {line > 0 ? static_cast<int>(line) : 0, line > 0 ? 1 : 0};
}

const std::string& SourceMap::sibling_suffix(const xmlNode* element) const {
  if (auto it = suffixes_.find(element); it != suffixes_.end()) return it->second;
  const xmlNode* first = element->parent ? element->parent->children : element;
  std::unordered_map<std::string, int> total, seen;
  for (const xmlNode* s = first; s; s = s->next)
    if (is_element(s)) ++total[qualified_name(s)];
  for (const xmlNode* s = first; s; s = s->next) {
    if (!is_element(s)) continue;
    const std::string name = qualified_name(s);
    suffixes_[s] = total[name] > 1 ? "[" + std::to_string(++seen[name]) + "]" : std::string();
  }
  return suffixes_[element];
}

std::string SourceMap::path(const xmlNode* n) const {
  n = nearest_element(n);
  std::vector<const xmlNode*> chain;
  for (; is_element(n); n = n->parent) chain.push_back(n);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) out += "/" + qualified_name(*it) + sibling_suffix(*it);
  return out;
}

SourcePos SourceMap::pos(const xmlNode* n) const {
  const LineCol at = start_of(n);
  return SourcePos{at.line, at.column, path(n)};
}

}  // namespace emnpub::xml
