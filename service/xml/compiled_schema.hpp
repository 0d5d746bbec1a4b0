#pragma once
// The embedded RELAX NG schema, compiled once per process (a function-local
// static, so the first caller on any thread builds it and everyone else
// waits). After that it is only read: each validation makes its own
// xmlRelaxNGValidCtxt, which is what libxml2 needs for concurrent use.
#include <string>

#include "xml/libxml_handles.hpp"
#include "xml/schema_index.hpp"

namespace emnpub::xml {

struct CompiledSchema {
  RelaxNGPtr relaxng;   // null if the embedded schema failed to compile
  SchemaIndex index;    // plain-word explanations (see schema_index.hpp)
  std::string error;    // why compilation failed (a build defect, not user input)
};

const CompiledSchema& compiled_schema();

}  // namespace emnpub::xml
