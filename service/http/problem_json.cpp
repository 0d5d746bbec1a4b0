#include "http/problem_json.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace emnpub::http {

std::string problem_type(const std::string& slug) { return "urn:emnpub:problem:" + slug; }

Problem make_problem(int status, const std::string& slug, const std::string& title, std::string detail) {
  Problem p;
  p.status = status;
  p.type = problem_type(slug);
  p.title = title;
  p.detail = std::move(detail);
  return p;
}

const char* kind_name(DiagKind k) {
  switch (k) {
    case DiagKind::NotXml: return "not_xml";
    case DiagKind::Forbidden: return "forbidden";
    case DiagKind::Schema: return "schema";
    case DiagKind::Semantic: return "semantic";
    case DiagKind::Layout: return "layout";
    case DiagKind::Font: return "font";
    case DiagKind::Limit: return "limit";
    case DiagKind::Deadline: return "deadline";
    case DiagKind::Io: return "io";
    case DiagKind::Internal: return "internal";
  }
  return "internal";
}

namespace {

// The single DiagKind → HTTP mapping. Server-side causes (broken layout or
// font files, unreadable files, bugs) are 5xx because the client cannot fix
// them; document causes are 400 (not XML at all) or 422.
//  - Layout → 500: the layout for the document has never loaded (a broken
//    edit of a working layout keeps the old one live, so this only happens
//    after a bad deployment); an unknown ?layout= is refused earlier as 400.
//  - Font → 422 in strict mode (the document uses characters the fonts lack),
//    else 500 (a font file named by the manifest is missing).
//  - Limit → 422: a document cap (pages, glyphs, size); the body-size cap is
//    checked by the HTTP layer and answered 413 before parsing.
//  - Io → 500: files the service reads (layouts, fonts); a document's own
//    images are refused as Semantic.
//  - Deadline → 503: the render ran out of time; a retry may succeed.
struct Mapping {
  int status;
  const char* slug;
  const char* title;
  int rank;  // the highest-ranked kind among the errors decides
};

Mapping mapping(DiagKind k, bool strict) {
  switch (k) {
    case DiagKind::Internal: return {500, "internal", "The service failed to render the document", 100};
    case DiagKind::Io: return {500, "server-files-unreadable", "A file the service needs cannot be read", 90};
    case DiagKind::Layout: return {500, "layout-unavailable", "The layout for this document cannot be loaded", 80};
    case DiagKind::Font:
      if (!strict) return {500, "font-unavailable", "A font the layout needs cannot be loaded", 70};
      return {422, "missing-glyphs", "The fonts have no glyph for some characters of the document", 30};
    case DiagKind::Deadline: return {503, "deadline-exceeded", "The render did not finish within its time limit", 60};
    case DiagKind::NotXml: return {400, "not-xml", "The body is not a well-formed XML document", 50};
    case DiagKind::Forbidden:
      return {422, "forbidden-construct", "The document uses an XML feature the service refuses", 40};
    case DiagKind::Schema:
    case DiagKind::Semantic:
      return {422, "invalid-document", "The document does not follow the publication format", 20};
    case DiagKind::Limit: return {422, "document-limit", "The document exceeds a configured limit", 10};
  }
  return {500, "internal", "The service failed to render the document", 100};
}

}  // namespace

DiagKind primary_kind(const Diagnostics& d, bool strict) {
  // Ranked with the request's strictness, so a non-strict font failure
  // (500) outranks document errors reported alongside it.
  DiagKind best = DiagKind::Internal;  // no error at all would be a bug
  int rank = -1;
  for (const auto& x : d.list()) {
    if (x.severity != Severity::Error) continue;
    if (const int r = mapping(x.kind, strict).rank; r > rank) {
      rank = r;
      best = x.kind;
    }
  }
  return best;
}

Problem problem_from_refusal(const Diagnostics& d, bool strict) {
  const DiagKind best = primary_kind(d, strict);
  const Mapping m = mapping(best, strict);
  Problem p = make_problem(m.status, m.slug, m.title);
  size_t errors = 0;
  for (const auto& x : d.list()) {
    if (x.severity == Severity::Error) {
      p.problems.push_back(x);
      ++errors;
    } else {
      p.warnings.push_back(x);
    }
  }
  if (!p.problems.empty()) p.detail = p.problems.front().message;
  if (errors > 1) p.detail += " (and " + std::to_string(errors - 1) + " more)";
  return p;
}

namespace {

Poco::JSON::Object::Ptr diagnostic_json(const Diagnostic& d) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("severity", d.severity == Severity::Error ? "error" : "warning");
  o->set("kind", kind_name(d.kind));
  if (!d.file.empty()) o->set("file", d.file);
  if (d.pos.line > 0) o->set("line", d.pos.line);
  if (d.pos.column > 0) o->set("column", d.pos.column);
  if (!d.pos.path.empty()) o->set("path", d.pos.path.str());
  o->set("message", d.message);
  return o;
}

}  // namespace

std::string to_json(const Problem& p, const std::string& instance, uint64_t request_id) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("type", p.type);
  o.set("title", p.title);
  o.set("status", p.status);
  if (!p.detail.empty()) o.set("detail", p.detail);
  o.set("instance", instance);
  o.set("request_id", request_id);
  if (!p.problems.empty()) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const auto& d : p.problems) a->add(diagnostic_json(d));
    o.set("problems", a);
  }
  if (!p.warnings.empty()) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const auto& d : p.warnings) a->add(diagnostic_json(d));
    o.set("warnings", a);
  }
  std::ostringstream ss;
  o.stringify(ss);
  return ss.str();
}

}  // namespace emnpub::http
