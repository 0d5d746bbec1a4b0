#include "xml/schema_validator.hpp"

#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include <regex>
#include <string>
#include <vector>

#include "xml/compiled_schema.hpp"

namespace emnpub::xml {

namespace {

struct RawError {
  const xmlNode* node;
  int line;
  std::string message;
};

void collect(void* data, xmlErrorPtr e) {
  if (!e) return;
  std::string msg = e->message ? e->message : "";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  static_cast<std::vector<RawError>*>(data)->push_back({static_cast<const xmlNode*>(e->node), e->line, msg});
}

// libxml2's consequential messages: true but they do not say what to fix.
bool is_generic(const std::string& m) {
  return m.find("failed to validate") != std::string::npos ||
         m.find("Invalid sequence in interleave") != std::string::npos ||
         m.find("got nothing") != std::string::npos;
}

// `parent`: name of the reported node's parent element, when known.
std::string rephrase(const std::string& m, const std::string& parent) {
  static const std::regex expecting("Expecting element (\\S+), got (\\S+)");
  static const std::regex unexpected("Did not expect element (\\S+) there");
  static const std::regex extra("Element (\\S+) has extra content: (\\S+)");
  static const std::regex bad_attr("Invalid attribute (\\S+) for element (\\S+)");
  std::smatch g;
  if (std::regex_search(m, g, expecting)) return "found <" + g[2].str() + "> where <" + g[1].str() + "> was expected";
  // The explainer found every name allowed, so this is about order or count.
  if (std::regex_search(m, g, unexpected))
    return "<" + g[1].str() + "> is not allowed at this point" + (parent.empty() ? "" : " in <" + parent + ">") +
           "; check the order and number of its elements";
  if (std::regex_search(m, g, extra))
    return "<" + g[2].str() + "> is not allowed at this point in <" + g[1].str() + ">; check the order of its children";
  if (std::regex_search(m, g, bad_attr)) return "attribute '" + g[1].str() + "' on <" + g[2].str() + "> is not valid here";
  return "the document does not match the schema: " + m;
}

// Used only when the explainer could not name the problem (for example
// children in the wrong order): the first specific libxml2 message, reworded.
void report_raw(const std::vector<RawError>& raw, Reporter& report) {
  const RawError* pick = nullptr;
  for (const auto& r : raw)
    if (!is_generic(r.message)) {
      pick = &r;
      break;
    }
  if (!pick && !raw.empty()) pick = &raw.front();
  if (!pick) {
    report.error_at(DiagKind::Schema, SourcePos{}, "the document does not match the schema");
    return;
  }
  if (pick->node) {
    const xmlNode* parent = pick->node->parent;
    const std::string parent_name =
        parent && parent->type == XML_ELEMENT_NODE ? reinterpret_cast<const char*>(parent->name) : "";
    report.error(DiagKind::Schema, pick->node, rephrase(pick->message, parent_name));
  } else {
    report.error_at(DiagKind::Schema, SourcePos{pick->line, pick->line > 0 ? 1 : 0, ""}, rephrase(pick->message, ""));
  }
}

}  // namespace

bool validate_against_schema(const xmlDoc* doc, Reporter& report, const Claimed& claimed) {
  const CompiledSchema& schema = compiled_schema();
  if (!schema.relaxng) {
    report.error_at(DiagKind::Internal, SourcePos{}, "the built-in schema does not compile: " + schema.error);
    return false;
  }
  RelaxNGValidCtxtPtr vctxt(xmlRelaxNGNewValidCtxt(schema.relaxng.get()));
  if (!vctxt) {
    report.error_at(DiagKind::Internal, SourcePos{}, "cannot create a schema validation context (out of memory?)");
    return false;
  }
  std::vector<RawError> raw;
  xmlRelaxNGSetValidStructuredErrors(vctxt.get(), collect, &raw);
  const int rc = xmlRelaxNGValidateDoc(vctxt.get(), const_cast<xmlDoc*>(doc));
  if (rc == 0) return true;
  if (rc < 0) {
    report.error_at(DiagKind::Internal, SourcePos{}, "schema validation failed internally");
    return false;
  }
  const ExplainResult explained = explain_schema_violations(doc, schema.index, report, claimed);
  if (explained.reported == 0 && explained.suppressed == 0) report_raw(raw, report);
  return false;
}

}  // namespace emnpub::xml
