#pragma once
// Plain-word reasons for a schema refusal. libxml2's RELAX NG messages are
// accurate about *that* something failed but often name the wrong node
// ("Element publication failed to validate content" reported at <meta>), so
// once libxml2 says "invalid" this walks the tree with the SchemaIndex and
// reports what it can name precisely: unknown elements and attributes,
// invalid values, missing or repeated children, text where none is allowed.
#include <libxml/tree.h>

#include <set>
#include <string>
#include <utility>

#include "xml/reporter.hpp"
#include "xml/schema_index.hpp"

namespace emnpub::xml {

// (element, attribute name) pairs, or (element, "") for its text, whose value
// a semantic check has already reported in its own words; the explainer
// stays silent about them so each problem is reported once.
using Claimed = std::set<std::pair<const xmlNode*, std::string>>;

struct ExplainResult {
  int reported = 0;    // problems reported
  int suppressed = 0;  // problems found but already claimed by a semantic check
};

ExplainResult explain_schema_violations(const xmlDoc* doc, const SchemaIndex& index, Reporter& report,
                                        const Claimed& claimed);

}  // namespace emnpub::xml
