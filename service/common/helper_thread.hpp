#pragma once
// A thread started on another core than the one creating it: std::thread
// with a different start.
//
// Why: Linux queues a new thread on its creator's core. When the creator
// keeps working (every helper here: it starts one and goes on), the new
// thread waits for that core until the scheduler's next balancing, although
// the other core is idle: measured on the 2-core VM, a median 4.7 ms before
// a helper ran its first instruction, against 0.17 ms when it may only
// start elsewhere. A render's helpers (schema, patterns, lookahead, page
// writer, font subsetting) each have a few milliseconds of work to give.
//
// So the thread is created allowed on every core its creator may use but
// the creator's current one, and widens its mask back to the creator's as
// its first act: it starts elsewhere and is pinned nowhere. With a single
// allowed core it starts as std::thread would.
//
// Like std::jthread, destruction joins. Throws std::system_error when no
// thread can be started. The function must not throw (as for std::thread,
// an escaping exception ends the process).
#include <pthread.h>

#include <functional>

namespace emnpub {

class HelperThread {
 public:
  HelperThread() = default;
  explicit HelperThread(std::function<void()> fn);
  HelperThread(HelperThread&& o) noexcept : id_(o.id_), running_(o.running_) { o.running_ = false; }
  HelperThread& operator=(HelperThread&& o) noexcept;
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;
  ~HelperThread() { join(); }

  bool joinable() const { return running_; }
  void join();

  // Runs `hook` once, on the first helper thread to start, before its
  // function (and before its first malloc). For the render binary's heap
  // set-up (cli/heap_tuning.cpp), which prepares the malloc arena that the
  // first thread to allocate creates. Set it at most once, before any
  // helper starts; later helpers do not wait for it.
  static void on_first_start(void (*hook)());

 private:
  pthread_t id_{};
  bool running_ = false;
};

}  // namespace emnpub
