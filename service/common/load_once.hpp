#pragma once
// A value loaded once, by whichever thread asks first, under a lock of its
// own: the shared caches (font files, hyphenation dictionaries) keep one
// per key, so a slow load delays only the callers that want that same
// value, never lookups of others. A load that throws leaves it empty, and
// the next caller retries. (Not std::call_once: with GCC < 14 it deadlocks
// after a throwing call.)
#include <memory>
#include <mutex>

namespace emnpub {

template <class T>
class LoadOnce {
 public:
  // The value, loading it with `load()` (returning std::shared_ptr<const T>)
  // if no call has yet succeeded; waits while another thread loads it.
  template <class Load>
  std::shared_ptr<const T> get(Load&& load) {
    std::lock_guard lock(mu_);
    if (!value_) value_ = load();
    return value_;
  }

  // The value if loaded (waits for a load under way), else null.
  std::shared_ptr<const T> loaded() {
    std::lock_guard lock(mu_);
    return value_;
  }

 private:
  std::mutex mu_;
  std::shared_ptr<const T> value_;
};

}  // namespace emnpub
