#include "pipeline/page_pipe.hpp"

namespace emnpub {

PagePipe::PagePipe(std::function<void(const layout::Page&)> consume, size_t capacity)
    : consume_(std::move(consume)), capacity_(capacity ? capacity : 1), thread_([this] { run(); }) {}

PagePipe::~PagePipe() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

void PagePipe::rethrow_locked() {
  if (error_) std::rethrow_exception(error_);
}

void PagePipe::free_spent(std::unique_lock<std::mutex>& lock) {
  std::vector<layout::Page> spent;
  spent.swap(spent_);
  lock.unlock();
  spent.clear();
  lock.lock();
}

void PagePipe::push(layout::Page&& page) {
  std::unique_lock lock(mu_);
  free_spent(lock);
  changed_.wait(lock, [&] { return error_ || queue_.size() < capacity_; });
  rethrow_locked();
  queue_.push_back(std::move(page));
  lock.unlock();
  changed_.notify_all();
}

void PagePipe::drain() {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return error_ || (queue_.empty() && !busy_); });
  free_spent(lock);
  rethrow_locked();
}

void PagePipe::run() {
  for (;;) {
    layout::Page page;
    {
      std::unique_lock lock(mu_);
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      page = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    changed_.notify_all();
    std::exception_ptr failed;
    try {
      consume_(page);
    } catch (...) {
      failed = std::current_exception();
    }
    {
      std::lock_guard lock(mu_);
      busy_ = false;
      spent_.push_back(std::move(page));
      if (failed) {
        error_ = failed;
        queue_.clear();
      }
    }
    changed_.notify_all();
    if (failed) {
      std::unique_lock lock(mu_);
      changed_.wait(lock, [&] { return stopping_; });
      return;
    }
  }
}

}  // namespace emnpub
