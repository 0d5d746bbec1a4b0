#include "pipeline/render_prefetch.hpp"

#include <system_error>

namespace emnpub {

void RenderPrefetch::start(std::function<void()> work) {
  if (thread_.joinable()) return;
  try {
    thread_ = std::thread([w = std::move(work)] {
      try {
        w();
      } catch (...) {
        // A warm-up only: the render reports the same problem itself.
      }
    });
  } catch (const std::system_error&) {
    // No thread to spare: the render loads everything itself, as before.
  }
}

void RenderPrefetch::join() {
  if (thread_.joinable()) thread_.join();
}

}  // namespace emnpub
