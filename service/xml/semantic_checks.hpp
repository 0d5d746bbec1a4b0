#pragma once
// Step 4: what a grammar cannot say. Runs on any well-formed tree (also one
// the schema refused, so the CMS gets every problem at once) and reports
// DiagKind::Semantic: unsupported version, a <body> that does not match the
// type (sections vs glossary entries), duplicate ids, dangling <ref> and
// <related>, dates that do not exist, unknown language and country codes,
// image sources that are not data: URIs or safe relative paths, link schemes,
// notes inside notes and an empty <meta><title>.
#include <libxml/tree.h>

#include "xml/reporter.hpp"
#include "xml/schema_explainer.hpp"

namespace emnpub::xml {

// Values reported here are added to `claimed` so the schema explainer does
// not report them a second time.
void run_semantic_checks(const xmlDoc* doc, Reporter& report, Claimed& claimed);

}  // namespace emnpub::xml
