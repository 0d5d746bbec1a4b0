#include "xml/schema_index.hpp"

#include <algorithm>
#include <iterator>

#include "xml/dom.hpp"
#include "xml/value_types.hpp"

namespace emnpub::xml {

namespace {

constexpr const char* kRngNs = "http://relaxng.org/ns/structure/1.0";

bool is_rng(const xmlNode* n) {
  return is_element(n) && n->ns && xmlStrEqual(n->ns->href, reinterpret_cast<const xmlChar*>(kRngNs));
}
bool is_rng(const xmlNode* n, std::string_view name) { return is_rng(n) && name_of(n) == name; }

std::string attr_of(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return collapse_token(out);
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::set<std::string> intersect(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

}  // namespace

const AttrRule* ElementRule::attribute(std::string_view name) const {
  for (const auto& a : attributes)
    if (a.name == name) return &a;
  return nullptr;
}

bool ElementRule::allows_child(std::string_view name) const {
  return std::find(children.begin(), children.end(), name) != children.end();
}

// Walks the grammar. For one <element> pattern it gathers everything its
// content allows, following <ref>s but not entering nested <element>s.
class GrammarWalker {
 public:
  explicit GrammarWalker(const xmlDoc* rng) {
    const xmlNode* grammar = xmlDocGetRootElement(const_cast<xmlDoc*>(rng));
    if (!is_rng(grammar, "grammar")) return;
    for (const xmlNode* c = grammar->children; c; c = c->next) {
      if (is_rng(c, "define")) defines_[attr_of(c, "name")] = c;
      if (is_rng(c, "start")) start_ = c;
    }
  }

  void build(SchemaIndex& index) {
    if (!start_) return;
    Analysis top;
    walk_children(start_, top, false);
    for (const xmlNode* e : top.child_defs) visit(index, "", e);
    index.blocks_ = names_in_define("block");
    index.inlines_ = names_in_define("inline");
  }

 private:
  // What a pattern guarantees is present: attribute and element names.
  struct Required {
    std::set<std::string> attrs, elems;
    void add(const Required& o) {
      attrs.insert(o.attrs.begin(), o.attrs.end());
      elems.insert(o.elems.begin(), o.elems.end());
    }
  };
  struct Analysis {
    ElementRule rule;
    std::vector<const xmlNode*> child_defs;
  };

  const xmlNode* define(const std::string& name) const {
    auto it = defines_.find(name);
    return it == defines_.end() ? nullptr : it->second;
  }

  Required walk_children(const xmlNode* p, Analysis& a, bool repeated) {
    Required r;
    for (const xmlNode* c = p->children; c; c = c->next)
      if (is_rng(c)) r.add(walk(c, a, repeated));
    return r;
  }

  Required walk(const xmlNode* p, Analysis& a, bool repeated) {
    const std::string_view kind = name_of(p);
    Required r;
    if (kind == "element") {
      const std::string name = attr_of(p, "name");
      add_unique(a.rule.children, name);
      if (repeated) a.rule.repeatable_children.insert(name);
      a.child_defs.push_back(p);
      r.elems.insert(name);
    } else if (kind == "attribute") {
      AttrRule ar;
      ar.name = attr_of(p, "name");
      describe_value(p, ar);
      merge_attr(a.rule, ar);
      r.attrs.insert(ar.name);
    } else if (kind == "group" || kind == "interleave") {
      r = walk_children(p, a, repeated);
    } else if (kind == "mixed") {
      a.rule.text = true;
      r = walk_children(p, a, repeated);
    } else if (kind == "choice") {
      bool first = true;
      for (const xmlNode* c = p->children; c; c = c->next) {
        if (!is_rng(c)) continue;
        Required branch = walk(c, a, repeated);
        if (first) r = branch;
        else {
          r.attrs = intersect(r.attrs, branch.attrs);
          r.elems = intersect(r.elems, branch.elems);
        }
        first = false;
      }
    } else if (kind == "optional") {
      walk_children(p, a, repeated);
    } else if (kind == "zeroOrMore") {
      walk_children(p, a, true);
    } else if (kind == "oneOrMore") {
      r = walk_children(p, a, true);
    } else if (kind == "ref") {
      const std::string name = attr_of(p, "name");
      if (name.ends_with(".value")) {  // data content of a text-only element
        a.rule.text = true;
        a.rule.text_type = name;
      } else if (const xmlNode* d = define(name)) {
        if (name == "flow.content") a.rule.flow = true;
        r = walk_children(d, a, repeated);
      }
    } else if (kind == "text" || kind == "data" || kind == "value") {
      a.rule.text = true;
    }
    return r;
  }

  // Enumerated values or the named value type of an <attribute>.
  void describe_value(const xmlNode* p, AttrRule& ar) {
    for (const xmlNode* c = p->children; c; c = c->next) {
      if (!is_rng(c)) continue;
      const std::string_view kind = name_of(c);
      if (kind == "value") {
        add_unique(ar.values, collapse_token(text_content(c)));
      } else if (kind == "choice" || kind == "group") {
        describe_value(c, ar);
      } else if (kind == "ref") {
        const std::string name = attr_of(c, "name");
        if (ar.type.empty() && name.ends_with(".value")) ar.type = name;
        if (const xmlNode* d = define(name)) describe_value(d, ar);
      }
    }
  }

  static void merge_attr(ElementRule& rule, const AttrRule& ar) {
    for (auto& existing : rule.attributes) {
      if (existing.name != ar.name) continue;
      for (const auto& v : ar.values) add_unique(existing.values, v);
      if (existing.type.empty()) existing.type = ar.type;
      return;
    }
    rule.attributes.push_back(ar);
  }

  void visit(SchemaIndex& index, const std::string& parent, const xmlNode* element) {
    if (!visited_.insert({parent, element}).second) return;
    Analysis a;
    const Required req = walk_children(element, a, false);
    a.rule.required_attributes = req.attrs;
    a.rule.required_children = req.elems;
    const std::string name = attr_of(element, "name");
    merge_rule(index, {parent, name}, a.rule);
    for (const xmlNode* child : a.child_defs) visit(index, name, child);
  }

  // Several definitions of one name in one parent: allow what any allows,
  // require only what all require.
  void merge_rule(SchemaIndex& index, const std::pair<std::string, std::string>& key, const ElementRule& r) {
    auto [it, inserted] = index.rules_.try_emplace(key, r);
    if (inserted) return;
    ElementRule& m = it->second;
    for (const auto& ar : r.attributes) merge_attr(m, ar);
    m.required_attributes = intersect(m.required_attributes, r.required_attributes);
    for (const auto& c : r.children) add_unique(m.children, c);
    m.required_children = intersect(m.required_children, r.required_children);
    m.repeatable_children.insert(r.repeatable_children.begin(), r.repeatable_children.end());
    m.text = m.text || r.text;
    if (m.text_type.empty()) m.text_type = r.text_type;
    m.flow = m.flow || r.flow;
  }

  std::set<std::string> names_in_define(const std::string& name) {
    std::set<std::string> out;
    if (const xmlNode* d = define(name)) {
      Analysis a;
      walk_children(d, a, false);
      out.insert(a.rule.children.begin(), a.rule.children.end());
    }
    return out;
  }

  std::map<std::string, const xmlNode*> defines_;
  const xmlNode* start_ = nullptr;
  std::set<std::pair<std::string, const xmlNode*>> visited_;
};

SchemaIndex SchemaIndex::from_grammar(const xmlDoc* rng) {
  SchemaIndex index;
  GrammarWalker(rng).build(index);
  return index;
}

const ElementRule* SchemaIndex::rule(std::string_view parent, std::string_view name) const {
  auto it = rules_.find(std::pair<std::string, std::string>(parent, name));
  return it == rules_.end() ? nullptr : &it->second;
}

}  // namespace emnpub::xml
