#include "http/admission.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace emnpub::http {

WorkerPool::WorkerPool(int workers, int queue) : capacity_(std::max(0, queue)) {
  const int n = std::max(1, workers);
  idle_ = n;
  threads_.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { stop(); }

WorkerPool::Admit WorkerPool::submit(std::function<void()> job) {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return Admit::Stopped;
    // Idle workers take jobs straight from the deque, so they count as room.
    if (jobs_.size() >= static_cast<size_t>(capacity_ + idle_)) return Admit::QueueFull;
    jobs_.push_back(std::move(job));
  }
  cv_.notify_one();
  return Admit::Accepted;
}

void WorkerPool::stop() {
  std::deque<std::function<void()>> dropped;
  {
    std::lock_guard lock(mu_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
    dropped.swap(jobs_);
  }
  cv_.notify_all();
  dropped.clear();  // outside the lock: breaking promises wakes their waiters
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
}

void WorkerPool::work() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (stopping_) return;
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    --idle_;
    ++running_;
    lock.unlock();
    const auto t0 = std::chrono::steady_clock::now();
    try {
      job();
    } catch (...) {
      // submit_task routes exceptions into the future; nothing else may escape
      // and take the worker down.
    }
    job = nullptr;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    lock.lock();
    mean_job_s_ = 0.8 * mean_job_s_ + 0.2 * s;
    --running_;
    ++idle_;
  }
}

int WorkerPool::running() const {
  std::lock_guard lock(mu_);
  return running_;
}

int WorkerPool::queued() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(jobs_.size());
}

int WorkerPool::retry_after_seconds() const {
  std::lock_guard lock(mu_);
  const double ahead = static_cast<double>(jobs_.size() + static_cast<size_t>(running_));
  const double s = mean_job_s_ * ahead / static_cast<double>(std::max<size_t>(1, threads_.size()));
  return std::clamp(static_cast<int>(std::ceil(s)), 1, 60);
}

bool ByteBudget::reserve(size_t n) {
  size_t cur = used_.load();
  do {
    if (cur + n > max_) return false;
  } while (!used_.compare_exchange_weak(cur, cur + n));
  return true;
}

}  // namespace emnpub::http
