#pragma once
// Turns "this node is wrong because ..." into a located Diagnostic: every
// check reports through one of these so file, line, column and path are
// always filled the same way.
#include <libxml/tree.h>

#include <string>

#include "common/diagnostics.hpp"
#include "xml/source_map.hpp"

namespace emnpub::xml {

class Reporter {
 public:
  Reporter(const std::string& file, const SourceMap& map, Diagnostics& out)
      : file_(file), map_(map), out_(out) {}

  void error(DiagKind kind, const xmlNode* at, std::string message) {
    out_.error(kind, file_, map_.pos(at), std::move(message));
  }
  void warning(DiagKind kind, const xmlNode* at, std::string message) {
    out_.warning(kind, file_, map_.pos(at), std::move(message));
  }
  void error_at(DiagKind kind, SourcePos pos, std::string message) {
    out_.error(kind, file_, std::move(pos), std::move(message));
  }
  const SourceMap& map() const { return map_; }

 private:
  const std::string& file_;
  const SourceMap& map_;
  Diagnostics& out_;
};

}  // namespace emnpub::xml
