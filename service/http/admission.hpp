#pragma once
// Admission control. Renders run on a fixed pool of worker threads with a
// bounded queue in front of it: a request that finds every worker busy and
// the queue full is refused at once (429 with Retry-After) instead of piling
// up. Request bodies held in memory are bounded by a byte budget, so
// memory stays bounded however many clients upload at once.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace emnpub::http {

class WorkerPool {
 public:
  // `queue`: jobs allowed to wait when every worker is busy (may be 0).
  WorkerPool(int workers, int queue);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  enum class Admit { Accepted, QueueFull, Stopped };
  // Jobs must not throw (submit_task wraps them).
  Admit submit(std::function<void()> job);

  // Drops jobs that have not started (their futures report broken_promise)
  // and joins the workers once their current jobs finish.
  void stop();

  int workers() const { return static_cast<int>(threads_.size()); }
  int running() const;
  int queued() const;
  // Seconds until a slot is likely free: the mean job time times the work
  // ahead, per worker; at least 1.
  int retry_after_seconds() const;

 private:
  void work();
  const int capacity_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  int idle_ = 0;
  int running_ = 0;
  bool stopping_ = false;
  double mean_job_s_ = 0.25;  // moving average; a guess until jobs have run
};

template <class R>
struct Submitted {
  WorkerPool::Admit admit;
  std::future<R> result;  // valid when Accepted; carries the job's exception
};

template <class F>
auto submit_task(WorkerPool& pool, F fn) -> Submitted<std::invoke_result_t<F&>> {
  using R = std::invoke_result_t<F&>;
  // packaged_task is move-only; std::function needs a copyable callable.
  auto task = std::make_shared<std::packaged_task<R()>>(std::move(fn));
  std::future<R> f = task->get_future();
  const auto a = pool.submit([task] { (*task)(); });
  return {a, std::move(f)};
}

// Bytes of request bodies held at once.
class ByteBudget {
 public:
  explicit ByteBudget(size_t max) : max_(max) {}
  bool reserve(size_t n);
  void release(size_t n) { used_.fetch_sub(n); }
  size_t used() const { return used_.load(); }
  size_t max() const { return max_; }

  // Releases what it reserved when it goes out of scope.
  class Hold {
   public:
    explicit Hold(ByteBudget& b) : b_(b) {}
    ~Hold() { b_.release(held_); }
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;
    bool add(size_t n) {
      if (!b_.reserve(n)) return false;
      held_ += n;
      return true;
    }

   private:
    ByteBudget& b_;
    size_t held_ = 0;
  };

 private:
  const size_t max_;
  std::atomic<size_t> used_{0};
};

}  // namespace emnpub::http
