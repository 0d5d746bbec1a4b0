#pragma once
// The embedded RELAX NG schema, compiled once per process (a function-local
// static, so the first caller on any thread builds it and everyone else
// waits). After that it is only read: each validation makes its own
// xmlRelaxNGValidCtxt, which is what libxml2 needs for concurrent use.
#include <string>
#include <string_view>

#include "xml/libxml_handles.hpp"
#include "xml/schema_index.hpp"

namespace emnpub::xml {

// The plain-word index (see schema_index.hpp), built on first use: only a
// refused document needs it, and building it costs more than compiling the
// schema, so a valid document's process never pays for it. Converts to
// `const SchemaIndex&`; the build is a function-local static (thread-safe).
class LazySchemaIndex {
 public:
  const SchemaIndex& get() const;
  operator const SchemaIndex&() const { return get(); }
  const ElementRule* rule(std::string_view parent, std::string_view name) const { return get().rule(parent, name); }
  const SchemaIndex::Rules& rules() const { return get().rules(); }
  bool empty() const { return get().empty(); }
};

struct CompiledSchema {
  RelaxNGPtr relaxng;     // null if the embedded schema failed to compile
  LazySchemaIndex index;  // plain-word explanations
  std::string error;      // why compilation failed (a build defect, not user input)
};

const CompiledSchema& compiled_schema();

}  // namespace emnpub::xml
