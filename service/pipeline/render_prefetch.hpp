#pragma once
// Warms the engine's caches on a helper thread while the render thread
// validates the document: the layout file, the body and heading faces and
// the hyphenation patterns of the document's language (a Dutch dictionary
// alone is a sixth of a short render). The hint comes from the root element
// before validation, so it may be wrong or empty: the helper only fills the
// engine's own guarded caches, never decides anything, and ignores every
// error, which the render meets again, located, when it asks itself.
#include <functional>
#include <thread>

namespace emnpub {

class RenderPrefetch {
 public:
  RenderPrefetch() = default;
  RenderPrefetch(const RenderPrefetch&) = delete;
  RenderPrefetch& operator=(const RenderPrefetch&) = delete;
  ~RenderPrefetch() { join(); }

  // Runs `work` on a helper thread (once; later calls are ignored).
  void start(std::function<void()> work);
  void join();

 private:
  std::thread thread_;
};

}  // namespace emnpub
