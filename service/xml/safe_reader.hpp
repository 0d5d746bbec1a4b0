#pragma once
// Step 1: bytes -> libxml2 tree, refusing anything that is not plain,
// self-contained, well-formed XML. No DTD is ever read (a DOCTYPE stops the
// parse before its internal subset), no entity is expanded, nothing is
// fetched, and element depth is capped while parsing (never by recursion).
#include <string_view>

#include "common/diagnostics.hpp"
#include "xml/libxml_handles.hpp"
#include "xml/publication_parser.hpp"
#include "xml/source_map.hpp"

namespace emnpub::xml {

struct ParsedXml {
  DocPtr doc;      // null when refused (the reasons are in the diagnostics)
  SourceMap map;   // start line/column of every element
};

ParsedXml read_xml_safely(std::string_view bytes, const ParseOptions& opts, Diagnostics& diags);

}  // namespace emnpub::xml
