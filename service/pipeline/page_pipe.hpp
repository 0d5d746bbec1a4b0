#pragma once
// Hands finished pages from layout to a second thread that writes them, so
// content streams are built and compressed while layout goes on (the two
// stages otherwise take turns on one core).
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

#include "common/helper_thread.hpp"
#include "layout/paged_document.hpp"

namespace emnpub {

class PagePipe {
 public:
  // `consume` runs on the pipe's thread, one page at a time, in order.
  // At most `capacity` pages wait, so memory stays bounded when writing
  // is slower than layout. Written pages are freed by the thread that
  // pushes (the next push or drain): memory goes back to the allocator
  // arena it came from without the two threads contending for its lock.
  explicit PagePipe(std::function<void(const layout::Page&)> consume, size_t capacity = 4);
  ~PagePipe();  // stops without writing what is still queued
  PagePipe(const PagePipe&) = delete;
  PagePipe& operator=(const PagePipe&) = delete;

  // Blocks while the queue is full. Rethrows what `consume` threw.
  void push(layout::Page&& page);
  // Waits until every page pushed is written. Rethrows what `consume` threw.
  void drain();

 private:
  void run();
  void rethrow_locked();

  void free_spent(std::unique_lock<std::mutex>& lock);

  std::function<void(const layout::Page&)> consume_;
  size_t capacity_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<layout::Page> queue_;
  std::vector<layout::Page> spent_;  // written, to be freed by the pushing thread
  bool busy_ = false;     // the thread is writing a page
  bool stopping_ = false;
  std::exception_ptr error_;
  HelperThread thread_;   // last: starts once the rest is set up
};

}  // namespace emnpub
