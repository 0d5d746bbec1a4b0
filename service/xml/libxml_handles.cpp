#include "xml/libxml_handles.hpp"

#include <mutex>

namespace emnpub::xml {

void ensure_libxml_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace emnpub::xml
