#pragma once
// Every error the service answers is an RFC 9457 problem
// (application/problem+json) with a stable `type` URN, a human `title`, and
// for document errors the list of problems with line, column and element
// path. The DiagKind → HTTP status mapping lives in problem_json.cpp only.
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "common/diagnostics.hpp"

namespace emnpub::http {

struct Problem {
  int status = 500;
  std::string type;                  // urn:emnpub:problem:<slug>
  std::string title;                 // fixed per type
  std::string detail;                // this occurrence
  std::vector<Diagnostic> problems;  // document errors, in document order
  std::vector<Diagnostic> warnings;
  std::vector<std::pair<std::string, std::string>> headers;  // Retry-After, Allow, WWW-Authenticate
  bool close_connection = false;     // the request body was not read to its end
};

// A problem raised inside a handler; the router sends it.
class HttpProblem : public std::exception {
 public:
  explicit HttpProblem(Problem p) : p_(std::move(p)) {}
  const Problem& problem() const { return p_; }
  const char* what() const noexcept override { return p_.title.c_str(); }

 private:
  Problem p_;
};

// A problem the HTTP layer itself detects (slug "body-too-large" …).
Problem make_problem(int status, const std::string& slug, const std::string& title, std::string detail = {});

// A refused document. `strict`: whether the request asked missing glyphs to
// be errors (then Font means the document, else the server's fonts).
Problem problem_from_refusal(const Diagnostics& d, bool strict);

// The primary kind of a refusal: the one that decides status and type.
DiagKind primary_kind(const Diagnostics& d, bool strict);

const char* kind_name(DiagKind k);        // "schema", "not_xml" …
std::string problem_type(const std::string& slug);

// The JSON body; `instance` is the request path.
std::string to_json(const Problem& p, const std::string& instance, uint64_t request_id);

}  // namespace emnpub::http
