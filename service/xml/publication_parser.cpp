#include "xml/publication_parser.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <exception>
#include <string>

#include "common/two_threads.hpp"
#include "xml/compiled_schema.hpp"
#include "xml/forbidden_content.hpp"
#include "xml/libxml_handles.hpp"
#include "xml/model_builder.hpp"
#include "xml/reporter.hpp"
#include "xml/safe_reader.hpp"
#include "xml/schema_validator.hpp"
#include "xml/semantic_checks.hpp"

namespace emnpub::xml {

namespace {

// A generated document can repeat one mistake thousands of times; the first
// hundred are enough to fix it and keep the HTTP answer small.
constexpr std::size_t kMaxReported = 100;

[[noreturn]] void refuse(const Diagnostics& found, const std::string& file) {
  std::vector<Diagnostic> list = found.list();
  std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
  });
  Diagnostics out;
  const std::size_t shown = std::min(list.size(), kMaxReported);
  for (std::size_t i = 0; i < shown; ++i) out.add(std::move(list[i]));
  if (list.size() > shown)
    out.error(DiagKind::Limit, file, SourcePos{},
              std::to_string(list.size() - shown) + " more problems not shown (only the first " +
                  std::to_string(kMaxReported) + " are reported)");
  throw DocumentRefused(std::move(out));
}

constexpr const char* kXmlNs = "http://www.w3.org/XML/1998/namespace";

std::string attribute_or_empty(const xmlNode* node, const char* name, const char* ns) {
  const auto* n = reinterpret_cast<const xmlChar*>(name);
  xmlChar* v = ns ? xmlGetNsProp(node, n, reinterpret_cast<const xmlChar*>(ns)) : xmlGetNoNsProp(node, n);
  if (!v) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

}  // namespace

void init_libxml() { ensure_libxml_initialised(); }

namespace {

// The distinct local names of the elements under (and including) root
// that have no namespace. Names come from the parser's dictionary, so a
// repeated name is mostly the same pointer: compared before the strings.
std::vector<std::string_view> element_names(const xmlNode* root) {
  std::vector<const xmlChar*> seen;
  for (const xmlNode* n = root; n != nullptr;) {
    if (n->type == XML_ELEMENT_NODE && n->ns == nullptr &&
        std::none_of(seen.begin(), seen.end(), [n](const xmlChar* s) { return s == n->name || xmlStrEqual(s, n->name); }))
      seen.push_back(n->name);
    if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != root && n->next == nullptr) n = n->parent;
    n = n == root ? nullptr : n->next;
  }
  std::vector<std::string_view> out;
  out.reserve(seen.size());
  for (const xmlChar* s : seen) out.emplace_back(reinterpret_cast<const char*>(s));
  return out;
}

// Reads the hint off the root element and hands it to the caller.
void call_on_root(const xmlNode* root, const std::function<void(const RootHint&)>& on_root) {
  const std::string type = attribute_or_empty(root, "type", nullptr);
  const std::string lang = attribute_or_empty(root, "lang", kXmlNs);
  RootHint hint;
  hint.type = type;
  hint.lang = lang;
  hint.elements = element_names(root);
  on_root(hint);
}

}  // namespace

void prepare_schema() {
  ensure_libxml_initialised();
  compiled_schema();
}

ParseResult parse_publication(std::string_view bytes, const ParseOptions& opts) {
  Diagnostics diags;
  ParsedXml parsed = read_xml_safely(bytes, opts, diags);
  if (!parsed.doc) refuse(diags, opts.source_name);

  Reporter report(opts.source_name, parsed.map, diags);
  if (!check_forbidden_content(parsed.doc.get(), report)) refuse(diags, opts.source_name);

  // Semantic checks first: they claim the values they explain in their own
  // words, so the schema explainer does not report the same value twice.
  Claimed claimed;
  const xmlNode* root = opts.on_root ? xmlDocGetRootElement(parsed.doc.get()) : nullptr;
  // With a caller to warm up, the checks run beside it: job 0 reads the
  // hint and calls on_root (in practice on this thread, which asks first),
  // job 1 checks, in practice on the helper. Both only read the tree and
  // neither waits for the other (the checks are about a tenth of a short
  // render, the warm-up more). Without a thread to spare, in that order here.
  std::exception_ptr failed[2];
  run_on_two_threads(root ? 2 : 1, true, [&](size_t job) {
    try {
      if (root && job == 0) {
        call_on_root(root, opts.on_root);
      } else {
        run_semantic_checks(parsed.doc.get(), report, claimed);
        validate_against_schema(parsed.doc.get(), report, claimed);
      }
    } catch (...) {
      failed[job] = std::current_exception();
    }
  });
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
  if (diags.has_errors()) refuse(diags, opts.source_name);

  ParseResult result;
  result.doc = build_document(parsed.doc.get(), parsed.map, opts.source_name);
  result.warnings = std::move(diags);  // only warnings remain at this point
  return result;
}

}  // namespace emnpub::xml
