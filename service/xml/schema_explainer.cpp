#include "xml/schema_explainer.hpp"

#include <algorithm>
#include <map>

#include "xml/dom.hpp"
#include "xml/value_types.hpp"

namespace emnpub::xml {

namespace {

constexpr int kMaxSectionLevel = 4;

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// User values are echoed in messages; keep them short.
std::string quoted(std::string_view v) {
  std::string s(v.substr(0, 60));
  if (v.size() > 60) s += "...";
  return "\"" + s + "\"";
}

std::string tag(std::string_view name) { return "<" + std::string(name) + ">"; }

bool has_element_child(const xmlNode* e) {
  for (const xmlNode* c = e->children; c; c = c->next)
    if (is_element(c)) return true;
  return false;
}

class Explainer {
 public:
  Explainer(const SchemaIndex& index, Reporter& report, const Claimed& claimed)
      : index_(index), report_(report), claimed_(claimed) {}

  ExplainResult run(const xmlDoc* doc) {
    const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(doc));
    if (!root) return result_;
    if (root->ns) {
      namespaced(root);
      return result_;
    }
    const ElementRule* rule = index_.rule("", name_of(root));
    if (!rule) {
      error(root, "the root element must be <publication>, not " + tag(qualified_name(root)));
      return result_;
    }
    doc_type_ = collapse_token(attribute(root, "type").value_or(""));
    check(root, *rule, 0);
    return result_;
  }

 private:
  void error(const xmlNode* at, std::string message) {
    report_.error(DiagKind::Schema, at, std::move(message));
    ++result_.reported;
  }

  bool claimed(const xmlNode* n, const std::string& what) {
    if (!claimed_.count({n, what})) return false;
    ++result_.suppressed;
    return true;
  }

  void namespaced(const xmlNode* e) {
    const std::string uri = e->ns->href ? reinterpret_cast<const char*>(e->ns->href) : "";
    error(e, "element " + tag(qualified_name(e)) + " is in the namespace " + quoted(uri) +
                 "; this format uses no namespaces, so it is not part of it");
  }

  // `level`: section nesting level of `e` (0 outside sections).
  void check(const xmlNode* e, const ElementRule& rule, int level) {
    const std::string name = qualified_name(e);
    check_attributes(e, name, rule);
    check_text(e, name, rule);
    if (rule.flow) check_flow(e, name);

    std::map<std::string, int> seen;
    for (const xmlNode* c = e->children; c; c = c->next) {
      if (!is_element(c)) continue;
      if (c->ns) {
        namespaced(c);
        continue;
      }
      const std::string child(name_of(c));
      if (!rule.allows_child(child)) {
        unknown_child(c, child, name, rule);
        continue;
      }
      const int child_level = child == "section" ? level + 1 : level;
      if (child == "section" && child_level > kMaxSectionLevel) {
        error(c, "sections nest at most " + std::to_string(kMaxSectionLevel) +
                     " levels deep; this <section> would be level " + std::to_string(child_level));
        continue;
      }
      if (++seen[child] == 2 && !rule.repeatable_children.count(child))
        error(c, tag(name) + " has more than one " + tag(child));
      if (const ElementRule* child_rule = index_.rule(name, child)) check(c, *child_rule, child_level);
    }
    for (const auto& required : rule.required_children)
      if (!seen.count(required)) error(e, tag(name) + " is missing " + tag(required));
    if (is_element(e, "body") && is_element(e->parent, "publication") && !has_element_child(e))
      error(e, std::string("<body> is empty: it holds at least one ") +
                   (doc_type_ == "glossary" ? "<entry>" : "<section>"));
  }

  void unknown_child(const xmlNode* c, const std::string& child, const std::string& parent,
                     const ElementRule& rule) {
    std::string msg = "element '" + child + "' is not allowed in " + tag(parent);
    if (!rule.children.empty()) msg += "; expected one of: " + join(rule.children);
    else if (rule.text) msg += ", which holds text only";
    else msg += ", which must be empty";
    error(c, msg);
  }

  void check_attributes(const xmlNode* e, const std::string& name, const ElementRule& rule) {
    for (const xmlAttr* a = e->properties; a; a = a->next) {
      const std::string qn = qualified_name(a);
      const AttrRule* ar = rule.attribute(qn);
      if (!ar) {
        std::vector<std::string> allowed;
        for (const auto& r : rule.attributes) allowed.push_back(r.name);
        error(e, "attribute '" + qn + "' is not allowed on " + tag(name) +
                     (allowed.empty() ? "; it takes no attributes" : "; allowed: " + join(allowed)));
        continue;
      }
      const std::string value = attribute_value(a);
      std::string problem;
      if (!ar->values.empty()) {
        if (std::find(ar->values.begin(), ar->values.end(), collapse_token(value)) == ar->values.end())
          problem = ar->values.size() == 1 ? "must be " + quoted(ar->values[0])
                                            : "must be one of: " + join(ar->values);
      } else if (!ar->type.empty() && !value_matches(ar->type, value)) {
        problem = "is not valid: expected " + describe_type(ar->type);
      }
      if (problem.empty() || claimed(e, qn)) continue;
      error(e, "attribute " + qn + "=" + quoted(value) + " on " + tag(name) + " " + problem);
    }
    for (const auto& required : rule.required_attributes)
      if (!attribute_node(e, required))
        error(e, tag(name) + " is missing the required attribute '" + required + "'");
  }

  void check_text(const xmlNode* e, const std::string& name, const ElementRule& rule) {
    if (!rule.text) {
      for (const xmlNode* c = e->children; c; c = c->next) {
        if (!is_text(c) || is_blank(text_of(c))) continue;
        std::string msg = "text is not allowed directly in " + tag(name);
        if (!rule.children.empty()) msg += "; put it inside one of: " + join(rule.children);
        error(e, msg);
        break;
      }
      return;
    }
    if (rule.text_type.empty()) return;
    const std::string value = text_content(e);
    if (value_matches(rule.text_type, value) || claimed(e, "")) return;
    error(e, tag(name) + " must contain " + describe_type(rule.text_type) + "; found " +
                 quoted(collapse_token(value)));
  }

  // li, td, th, definition: inline content or blocks, not both.
  void check_flow(const xmlNode* e, const std::string& name) {
    bool has_block = false, has_inline = false;
    for (const xmlNode* c = e->children; c; c = c->next) {
      if (is_text(c) && !is_blank(text_of(c))) has_inline = true;
      if (!is_element(c) || c->ns) continue;
      if (index_.block_names().count(std::string(name_of(c)))) has_block = true;
      if (index_.inline_names().count(std::string(name_of(c)))) has_inline = true;
    }
    if (has_block && has_inline)
      error(e, tag(name) + " mixes text and blocks: use either text with inline markup, or only blocks "
                           "(wrap the text in <p>)");
  }

  const SchemaIndex& index_;
  Reporter& report_;
  const Claimed& claimed_;
  std::string doc_type_;
  ExplainResult result_;
};

}  // namespace

ExplainResult explain_schema_violations(const xmlDoc* doc, const SchemaIndex& index, Reporter& report,
                                        const Claimed& claimed) {
  return Explainer(index, report, claimed).run(doc);
}

}  // namespace emnpub::xml
