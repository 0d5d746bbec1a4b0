#pragma once
// Diagnostics are values: collected in a list, printed by the front doors as
// FILE:LINE:COL: error: MESSAGE, mapped to HTTP problems by the service.
#include <stdexcept>
#include <string>
#include <vector>

#include "common/source_pos.hpp"

namespace emnpub {

enum class Severity { Warning, Error };

// Stable kinds, so the HTTP layer maps each to a status in one place.
enum class DiagKind {
  NotXml,        // not well-formed, empty, binary, bad encoding
  Forbidden,     // DOCTYPE, entities, XInclude, depth/size caps
  Schema,        // RELAX NG violation
  Semantic,      // duplicate id, dangling ref, bad date, unknown language
  Layout,        // layout or brand file problem
  Font,          // font missing, glyph missing
  Limit,         // work caps (pages, glyphs, depth, size)
  Deadline,      // the render ran out of its time budget
  Io,            // files that cannot be read or written
  Internal,
};

struct Diagnostic {
  Severity severity = Severity::Error;
  DiagKind kind = DiagKind::Internal;
  std::string file;     // input name as the user gave it ("-" for stdin)
  SourcePos pos;
  std::string message;  // one sentence a CMS developer understands
};

// FILE:LINE:COL: error: MESSAGE [at PATH]
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
 public:
  void error(DiagKind kind, std::string file, SourcePos pos, std::string message);
  void warning(DiagKind kind, std::string file, SourcePos pos, std::string message);
  void add(Diagnostic d) { list_.push_back(std::move(d)); }
  void append(const Diagnostics& other);
  bool has_errors() const;
  const std::vector<Diagnostic>& list() const { return list_; }
  bool empty() const { return list_.empty(); }

 private:
  std::vector<Diagnostic> list_;
};

// Thrown when a stage refuses its input; carries every problem found.
class DocumentRefused : public std::runtime_error {
 public:
  explicit DocumentRefused(Diagnostics d)
      : std::runtime_error("document refused"), diags_(std::move(d)) {}
  const Diagnostics& diagnostics() const { return diags_; }

 private:
  Diagnostics diags_;
};

}  // namespace emnpub
