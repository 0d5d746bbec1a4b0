#include "common/diagnostics.hpp"

namespace emnpub {

std::string format_diagnostic(const Diagnostic& d) {
  std::string s = d.file.empty() ? std::string("<input>") : d.file;
  if (d.pos.line > 0) {
    s += ':' + std::to_string(d.pos.line);
    s += ':' + std::to_string(d.pos.column > 0 ? d.pos.column : 1);
  }
  s += d.severity == Severity::Error ? ": error: " : ": warning: ";
  s += d.message;
  if (!d.pos.path.empty()) s += " (at " + d.pos.path.str() + ")";
  return s;
}

void Diagnostics::error(DiagKind kind, std::string file, SourcePos pos, std::string message) {
  list_.push_back({Severity::Error, kind, std::move(file), std::move(pos), std::move(message)});
}

void Diagnostics::warning(DiagKind kind, std::string file, SourcePos pos, std::string message) {
  list_.push_back({Severity::Warning, kind, std::move(file), std::move(pos), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  list_.insert(list_.end(), other.list_.begin(), other.list_.end());
}

bool Diagnostics::has_errors() const {
  for (const auto& d : list_)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace emnpub
