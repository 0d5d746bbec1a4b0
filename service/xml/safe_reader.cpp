#include "xml/safe_reader.hpp"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <string>
#include <vector>

#include "xml/dom.hpp"

namespace emnpub::xml {

namespace {

// NONET: never touch the network. NOCDATA: CDATA arrives as plain text.
// BIG_LINES: correct line numbers past 65535. Deliberately absent: NOENT,
// DTDLOAD, DTDATTR, DTDVALID, XINCLUDE (would read other files) and HUGE (keeps
// libxml2's own size and depth limits).
// COMPACT: short text nodes stored inside the node (the tree is only read).
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT;

constexpr const char* kDoctypeMessage = "DOCTYPE declarations are not allowed: the format has no DTD";

// Per-parse state, reached from libxml2 callbacks through ctxt->_private, so
// concurrent parses never share anything.
struct ReaderState {
  const ParseOptions* opts = nullptr;
  Diagnostics* diags = nullptr;
  SourceMap* map = nullptr;
  bool refused = false;     // a forbidden construct stopped the parse
  bool have_error = false;  // first well-formedness error already reported
  int warnings = 0;
};

// Warnings do not stop a parse, so a generated document can raise one per
// element; a few show the pattern.
constexpr int kMaxWarnings = 20;

ReaderState& state_of(xmlParserCtxtPtr ctxt) { return *static_cast<ReaderState*>(ctxt->_private); }

bool is_utf8_lead(xmlChar c) { return (c & 0xC0) != 0x80; }

// Line and column of the '<' that opened the construct being parsed. libxml2
// calls back with input->cur at the end of the start tag (and its col counts
// characters), so walk back to the '<'; attribute values cannot contain '<'.
LineCol tag_start(const xmlParserCtxt* ctxt) {
  const xmlParserInput* in = ctxt->input;
  if (!in || !in->cur || !in->base) return {in ? in->line : 0, 1};
  const xmlChar* lt = in->cur;
  while (lt > in->base && *lt != '<') --lt;
  if (*lt != '<') return {in->line, std::max(1, in->col)};
  int newlines = 0, chars = 0;
  for (const xmlChar* q = lt; q < in->cur; ++q) {
    if (*q == '\n') ++newlines;
    if (is_utf8_lead(*q)) ++chars;
  }
  if (newlines == 0) return {in->line, std::max(1, in->col - chars)};
  // The tag spans lines: count from the start of the line holding the '<'.
  const xmlChar* ls = lt;
  while (ls > in->base && ls[-1] != '\n') --ls;
  if (ls == in->base && in->consumed > 0) return {in->line - newlines, 1};  // line start no longer buffered
  int col = 1;
  for (const xmlChar* q = ls; q < lt; ++q)
    if (is_utf8_lead(*q)) ++col;
  return {in->line - newlines, col};
}

std::string depth_message(int limit) {
  return "elements are nested more than " + std::to_string(limit) +
         " levels deep; the limit is " + std::to_string(limit);
}

// A path hundreds of levels deep is unreadable: keep its start and end.
std::string shortened_path(const std::string& path) {
  constexpr int kHead = 6, kTail = 2;
  std::vector<std::size_t> slashes;
  for (std::size_t i = 0; i < path.size(); ++i)
    if (path[i] == '/') slashes.push_back(i);
  const int n = static_cast<int>(slashes.size());
  if (n <= kHead + kTail + 1) return path;
  return path.substr(0, slashes[kHead]) + "/...(" + std::to_string(n - kHead - kTail) + " more)..." +
         path.substr(slashes[n - kTail]);
}

void on_start_element(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri,
                      int nb_namespaces, const xmlChar** namespaces, int nb_attributes,
                      int nb_defaulted, const xmlChar** attributes) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  ReaderState& st = state_of(ctxt);
  const LineCol at = tag_start(ctxt);
  if (ctxt->nodeNr + 1 > st.opts->max_depth) {
    std::string name = prefix ? std::string(reinterpret_cast<const char*>(prefix)) + ":" : std::string();
    name += reinterpret_cast<const char*>(localname);
    const std::string path = shortened_path(element_path(ctxt->node) + "/" + name);
    st.diags->error(DiagKind::Forbidden, st.opts->source_name, SourcePos{at.line, at.column, path},
                    depth_message(st.opts->max_depth));
    st.refused = true;
    xmlStopParser(ctxt);
    return;
  }
  xmlNodePtr parent = ctxt->node;
  xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                        nb_defaulted, attributes);
  if (ctxt->node && ctxt->node != parent) st.map->record(ctxt->node, at);
}

// Called when "<!DOCTYPE name ..." has been read, before its internal subset:
// stopping here means no entity declaration is ever parsed or expanded.
void on_internal_subset(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  ReaderState& st = state_of(ctxt);
  const LineCol at = tag_start(ctxt);
  st.diags->error(DiagKind::Forbidden, st.opts->source_name, SourcePos{at.line, at.column, ""},
                  kDoctypeMessage);
  st.refused = true;
  xmlStopParser(ctxt);
}

std::string first_line(const char* s) {
  std::string m = s ? s : "";
  if (auto nl = m.find('\n'); nl != std::string::npos) {
    // "Input is not proper UTF-8 ...\nBytes: 0xE9 0x20": keep the bytes, they help.
    std::string rest = m.substr(nl + 1);
    m.resize(nl);
    while (!rest.empty() && (rest.back() == '\n' || rest.back() == ' ')) rest.pop_back();
    if (rest.starts_with("Bytes:")) m += " (" + rest + ")";
  }
  while (!m.empty() && (m.back() == ' ' || m.back() == '\n')) m.pop_back();
  return m;
}

// libxml2's wording for the common cases, rephrased for a CMS developer.
std::string readable_parse_error(const xmlError& e) {
  const std::string raw = first_line(e.message);
  const std::string s1 = e.str1 ? e.str1 : "";
  const std::string s2 = e.str2 ? e.str2 : "";
  switch (e.code) {
    case XML_ERR_DOCUMENT_EMPTY:
      if (raw.starts_with("Document is empty")) return "the document is empty: there is no root element";
      return "this is not XML: expected the start tag <publication> but found other content";
    case XML_ERR_TAG_NOT_FINISHED:
      return "the document ends before <" + s1 + "> (opened on line " + std::to_string(e.int1) +
             ") is closed; it looks truncated";
    case XML_ERR_TAG_NAME_MISMATCH:
      return "end tag </" + s2 + "> does not match the open element <" + s1 + "> (opened on line " +
             std::to_string(e.int1) + ")";
    case XML_ERR_DOCUMENT_END:
      return "content after the end of the root element: a document has exactly one root element";
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return "undefined entity &" + s1 +
             ";: only &lt; &gt; &amp; &quot; &apos; and numeric character references are allowed";
    default: break;
  }
  if (raw.starts_with("Input is not proper UTF-8"))
    return "the text is not valid UTF-8" + raw.substr(std::string("Input is not proper UTF-8, indicate encoding !").size()) +
           "; save the document as UTF-8 or declare its encoding";
  return raw.empty() ? std::string("the document is not well-formed XML") : raw;
}

void on_error(void* data, xmlErrorPtr e) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(data);
  if (!ctxt || !ctxt->_private || !e) return;
  ReaderState& st = state_of(ctxt);
  const bool warning = e->level == XML_ERR_WARNING;
  if (warning ? ++st.warnings > kMaxWarnings : (st.refused || st.have_error)) return;
  // Computed only for reported problems: a path costs a walk over siblings.
  const std::string path = ctxt->node ? element_path(ctxt->node) : std::string();
  const SourcePos pos{e->line, e->line > 0 ? std::max(1, e->int2) : 0, path};
  if (warning) {
    st.diags->warning(DiagKind::NotXml, st.opts->source_name, pos, first_line(e->message));
    return;
  }
  const std::string raw = first_line(e->message);
  if (raw.starts_with("Excessive depth in document")) {
    st.diags->error(DiagKind::Forbidden, st.opts->source_name, pos, depth_message(256));
    st.refused = true;
    return;
  }
  if (raw.starts_with("AttValue length too long")) {  // libxml2's cap without XML_PARSE_HUGE
    st.diags->error(DiagKind::Forbidden, st.opts->source_name, pos,
                    "an attribute value is longer than 10000000 bytes; for large images use a path "
                    "relative to the assets root instead of a data: URI");
    st.refused = true;
    return;
  }
  // After the first error the parser is in an unknown state (the rest of the
  // messages are consequences), so, like a compiler, report only the first
  // (later ones return early above).
  st.have_error = true;
  st.diags->error(DiagKind::NotXml, st.opts->source_name, pos, readable_parse_error(*e));
}

LineCol line_col_at(std::string_view bytes, std::size_t offset) {
  LineCol lc{1, 1};
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') lc = {lc.line + 1, 1};
    else if (is_utf8_lead(static_cast<xmlChar>(bytes[i]))) ++lc.column;
  }
  return lc;
}

// NUL bytes only belong in UTF-16/UTF-32 text; anywhere else the input is a
// binary file posted by mistake, and libxml2's message would be obscure.
bool looks_binary(std::string_view bytes, std::size_t& nul_at) {
  if (bytes.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) return false;  // UTF-16 BOM
    if ((b0 == 0 && b1 == '<') || (b0 == '<' && b1 == 0)) return false;         // UTF-16 "<"
    if (b0 == 0 && b1 == 0) return false;                                        // UTF-32 BE
  }
  nul_at = bytes.find('\0');
  return nul_at != std::string_view::npos;
}

}  // namespace

ParsedXml read_xml_safely(std::string_view bytes, const ParseOptions& opts, Diagnostics& diags) {
  ensure_libxml_initialised();
  ParsedXml out;
  const std::string& file = opts.source_name;
  if (bytes.size() > opts.max_bytes || bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    diags.error(DiagKind::Forbidden, file, SourcePos{},
                "the document is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                    std::to_string(std::min<std::size_t>(opts.max_bytes, INT_MAX)) + " bytes");
    return out;
  }
  if (bytes.empty()) {
    diags.error(DiagKind::NotXml, file, SourcePos{1, 1, ""}, "the document is empty: there is no root element");
    return out;
  }
  if (std::size_t nul = 0; looks_binary(bytes, nul)) {
    const LineCol at = line_col_at(bytes, nul);
    char where[48];
    std::snprintf(where, sizeof where, "%zu", nul);
    diags.error(DiagKind::NotXml, file, SourcePos{at.line, at.column, ""},
                std::string("this is binary data, not an XML document (NUL byte at offset ") + where + ")");
    return out;
  }

  ParserCtxtPtr ctxt(xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size())));
  if (!ctxt || !ctxt->sax) {
    diags.error(DiagKind::Internal, file, SourcePos{}, "could not create an XML parser (out of memory?)");
    return out;
  }
  ReaderState st;
  st.opts = &opts;
  st.diags = &diags;
  st.map = &out.map;
  ctxt->_private = &st;
  // ctxt->sax is this context's own copy of the SAX2 handler: changing it
  // affects only this parse. serror also receives the errors of this context
  // only (with userData == ctxt), which keeps error capture per call.
  ctxt->sax->startElementNs = on_start_element;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->serror = on_error;
  xmlCtxtUseOptions(ctxt.get(), kParseOptions);

  xmlParseDocument(ctxt.get());
  DocPtr doc(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  const bool well_formed = ctxt->wellFormed && ctxt->nsWellFormed;
  ctxt->_private = nullptr;

  if (st.refused || st.have_error) return out;
  if (!well_formed || !doc || !xmlDocGetRootElement(doc.get())) {
    diags.error(DiagKind::NotXml, file, SourcePos{1, 1, ""}, "the document is not well-formed XML");
    return out;
  }
  out.doc = std::move(doc);
  return out;
}

}  // namespace emnpub::xml
