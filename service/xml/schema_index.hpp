#pragma once
// What the schema allows, per element in context, read from the same RELAX
// NG text libxml2 compiles: allowed children and attributes, required ones,
// enumerated values and named value types. Used only to explain a refusal in
// plain words ("element 'foo' is not allowed in <p>; allowed here: ...");
// libxml2 remains the judge of validity.
#include <libxml/tree.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace emnpub::xml {

struct AttrRule {
  std::string name;                 // "type", "xml:lang"
  std::vector<std::string> values;  // enumerated values, when the schema lists them
  std::string type;                 // named value type ("date.value") or empty (any text)
};

struct ElementRule {
  std::vector<AttrRule> attributes;       // schema order
  std::set<std::string> required_attributes;
  std::vector<std::string> children;      // allowed child elements, schema order
  std::set<std::string> required_children;
  std::set<std::string> repeatable_children;
  bool text = false;                      // character data allowed
  std::string text_type;                  // named value type of the text ("date.value")
  bool flow = false;                      // inline content OR blocks (li, td, th, definition)

  const AttrRule* attribute(std::string_view name) const;
  bool allows_child(std::string_view name) const;
};

class SchemaIndex {
 public:
  // Builds the index from a parsed RELAX NG (XML syntax) grammar. Returns an
  // empty index if the grammar has no <start><element>.
  static SchemaIndex from_grammar(const xmlDoc* rng);

  // Rule for element `name` inside element `parent` ("" for the root).
  // Definitions of the same name in the same parent (the four section
  // levels) are merged.
  const ElementRule* rule(std::string_view parent, std::string_view name) const;

  using Rules = std::map<std::pair<std::string, std::string>, ElementRule>;
  const Rules& rules() const { return rules_; }  // keyed by (parent, name)

  const std::set<std::string>& block_names() const { return blocks_; }
  const std::set<std::string>& inline_names() const { return inlines_; }
  bool empty() const { return rules_.empty(); }

 private:
  Rules rules_;
  std::set<std::string> blocks_;
  std::set<std::string> inlines_;
  friend class GrammarWalker;
};

}  // namespace emnpub::xml
