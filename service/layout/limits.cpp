#include "layout/layout_context.hpp"

namespace emnpub::layout {

void check_deadline(const Limits& limits, const std::string& source_name) {
  if (std::chrono::steady_clock::now() < limits.deadline) return;
  Diagnostics d;
  d.error(DiagKind::Deadline, source_name, {}, "the render did not finish within its time limit");
  throw DocumentRefused(std::move(d));
}

}  // namespace emnpub::layout
