#pragma once
// RAII owners for the libxml2 handles this stage uses, so no early return or
// exception can leak a document or context.
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include <memory>

namespace emnpub::xml {

struct XmlDocFree {
  void operator()(xmlDoc* d) const noexcept { xmlFreeDoc(d); }
};
struct XmlParserCtxtFree {
  void operator()(xmlParserCtxt* c) const noexcept { xmlFreeParserCtxt(c); }
};
struct RelaxNGParserCtxtFree {
  void operator()(xmlRelaxNGParserCtxt* c) const noexcept { xmlRelaxNGFreeParserCtxt(c); }
};
struct RelaxNGFree {
  void operator()(xmlRelaxNG* s) const noexcept { xmlRelaxNGFree(s); }
};
struct RelaxNGValidCtxtFree {
  void operator()(xmlRelaxNGValidCtxt* c) const noexcept { xmlRelaxNGFreeValidCtxt(c); }
};

using DocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;
using ParserCtxtPtr = std::unique_ptr<xmlParserCtxt, XmlParserCtxtFree>;
using RelaxNGParserCtxtPtr = std::unique_ptr<xmlRelaxNGParserCtxt, RelaxNGParserCtxtFree>;
using RelaxNGPtr = std::unique_ptr<xmlRelaxNG, RelaxNGFree>;
using RelaxNGValidCtxtPtr = std::unique_ptr<xmlRelaxNGValidCtxt, RelaxNGValidCtxtFree>;

// xmlInitParser is not safe to race with itself; every entry point calls
// this first so the first parse can happen on any thread.
void ensure_libxml_initialised();

}  // namespace emnpub::xml
