#pragma once
// Step 2: constructs that are well-formed XML but would pull in content from
// outside the document. XInclude is never processed (the parser is not asked
// to), but a document that relies on it is refused with its own message
// rather than a generic "unknown element".
#include <libxml/tree.h>

#include "xml/reporter.hpp"

namespace emnpub::xml {

// Reports DiagKind::Forbidden for each offending element; returns false if any.
bool check_forbidden_content(const xmlDoc* doc, Reporter& report);

}  // namespace emnpub::xml
