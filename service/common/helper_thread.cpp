#include "common/helper_thread.hpp"

#include <sched.h>

#include <atomic>
#include <memory>
#include <system_error>
#include <utility>

namespace emnpub {

namespace {

// Set once before any helper starts (pthread_create orders it before every
// helper's read); taken by the first helper to start.
void (*g_first_start_hook)() = nullptr;
std::atomic<bool> g_first_start_taken{false};

struct Start {
  std::function<void()> fn;
  cpu_set_t widen_to;  // the creator's mask
  bool narrowed = false;
};

// RAII for pthread_attr_t.
struct Attr {
  pthread_attr_t a;
  Attr() {
    if (int e = pthread_attr_init(&a)) throw std::system_error(e, std::generic_category(), "pthread_attr_init");
  }
  ~Attr() { pthread_attr_destroy(&a); }
  Attr(const Attr&) = delete;
  Attr& operator=(const Attr&) = delete;
};

extern "C" void* run_helper(void* arg) {
  std::unique_ptr<Start> start(static_cast<Start*>(arg));
  // Failing to widen only leaves the thread on the cores it started on.
  if (start->narrowed) sched_setaffinity(0, sizeof start->widen_to, &start->widen_to);
  if (g_first_start_hook && !g_first_start_taken.exchange(true)) g_first_start_hook();
  start->fn();
  return nullptr;
}

}  // namespace

HelperThread::HelperThread(std::function<void()> fn) {
  auto start = std::make_unique<Start>();
  start->fn = std::move(fn);
  Attr attr;
  CPU_ZERO(&start->widen_to);
  const int here = sched_getcpu();
  if (here >= 0 && here < CPU_SETSIZE && sched_getaffinity(0, sizeof start->widen_to, &start->widen_to) == 0 &&
      CPU_ISSET(here, &start->widen_to) && CPU_COUNT(&start->widen_to) > 1) {
    cpu_set_t elsewhere = start->widen_to;
    CPU_CLR(here, &elsewhere);
    start->narrowed = pthread_attr_setaffinity_np(&attr.a, sizeof elsewhere, &elsewhere) == 0;
  }
  if (int e = pthread_create(&id_, &attr.a, run_helper, start.get()))
    throw std::system_error(e, std::generic_category(), "cannot start a thread");
  start.release();  // the thread owns it now
  running_ = true;
}

void HelperThread::on_first_start(void (*hook)()) { g_first_start_hook = hook; }

HelperThread& HelperThread::operator=(HelperThread&& o) noexcept {
  if (this != &o) {
    join();
    id_ = o.id_;
    running_ = std::exchange(o.running_, false);
  }
  return *this;
}

void HelperThread::join() {
  if (!running_) return;
  pthread_join(id_, nullptr);
  running_ = false;
}

}  // namespace emnpub
