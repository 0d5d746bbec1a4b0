#pragma once
// Step 3: RELAX NG validation against the embedded schema, with a fresh
// validation context and per-call error capture (safe on many threads).
#include <libxml/tree.h>

#include "xml/reporter.hpp"
#include "xml/schema_explainer.hpp"

namespace emnpub::xml {

// Reports DiagKind::Schema problems; returns true when the document is valid.
bool validate_against_schema(const xmlDoc* doc, Reporter& report, const Claimed& claimed);

}  // namespace emnpub::xml
