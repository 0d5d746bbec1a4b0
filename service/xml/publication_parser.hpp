#pragma once
// The XML intake stage: bytes posted by the CMS -> model::Document.
//
// Steps, each in its own file: safe_reader (well-formedness, no DTD, depth and
// size caps), forbidden_content (XInclude), schema_validator (the embedded
// RELAX NG schema, with readable messages from schema_explainer),
// semantic_checks (ids, refs, dates, languages, image sources), then
// model_builder (typed tree, whitespace normalised).
//
// Thread-safe: no shared mutable state except the compiled schema, which is
// built once per process and only read afterwards.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "model/document.hpp"

namespace emnpub::xml {

struct ParseOptions {
  std::string source_name = "-";  // file name used in every diagnostic
  int max_depth = 256;            // element nesting cap (libxml2 itself stops at 256)
  std::size_t max_bytes = 64u << 20;
  // Called once the document is well-formed, with a hint that lets the
  // caller start loading the layout, fonts and hyphenation patterns while
  // the document is validated on a helper thread (only what the document
  // will use: see RootHint). It must not touch the document's tree, and it
  // may itself run on the helper (its exceptions reach the caller of
  // parse_publication either way).
  std::function<void(const struct RootHint&)> on_root;
};

// What a well-formed document says of itself before it is validated: the
// root's type and xml:lang attributes as written (possibly empty or
// invalid), and the local names of the elements it holds outside any
// namespace (each once), so that a caller loads only what the document
// uses. Valid during the on_root call only.
struct RootHint {
  std::string_view type, lang;
  std::vector<std::string_view> elements;
  bool has(std::string_view name) const {
    for (const auto& e : elements)
      if (e == name) return true;
    return false;
  }
};

struct ParseResult {
  model::Document doc;
  Diagnostics warnings;
};

// Initialises libxml2 once per process. Every entry point does it, but its
// initialisation must not race with any other libxml2 call, so code that
// starts threads using libxml2 calls this first.
void init_libxml();

// Compiles the embedded schema now (once per process, thread-safe), so the
// first validation does not wait for it. The engine runs it on a helper
// thread at start-up: it is a third of a short render's own work.
void prepare_schema();

// Throws emnpub::DocumentRefused carrying every problem found (each with
// line, column, element path and DiagKind), sorted by position.
ParseResult parse_publication(std::string_view bytes, const ParseOptions& opts);

// The RELAX NG schema embedded in the binary (service/xml/schema/publication.rng).
std::string_view publication_schema_text();

}  // namespace emnpub::xml
