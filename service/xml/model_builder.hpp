#pragma once
// Step 5: a valid libxml2 tree -> model::Document. Only called after the
// schema and semantic checks passed, so it trusts the structure; anything it
// does not recognise is skipped rather than guessed at.
//
// Inherited values: xml:lang and dir flow from every element to its
// descendants and end up on every Inline and Block. Section levels count
// 1..4 separately in <body> and <annexes>. li/td/th/definition content that
// is only inline is wrapped in one Paragraph.
#include <libxml/tree.h>

#include <string>

#include "model/document.hpp"
#include "xml/source_map.hpp"

namespace emnpub::xml {

model::Document build_document(const xmlDoc* doc, const SourceMap& map, const std::string& source_name);

}  // namespace emnpub::xml
