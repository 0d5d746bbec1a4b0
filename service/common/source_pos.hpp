#pragma once
// Where something came from in an input file, carried from parse to PDF so
// every diagnostic can point at the line that caused it.
#include "common/shared_text.hpp"

namespace emnpub {

struct SourcePos {
  int line = 0;       // 1-based; 0 = unknown
  int column = 0;     // 1-based; 0 = unknown
  SharedText path;    // element path, e.g. /publication/body/section[2]/p[4]
};

}  // namespace emnpub
