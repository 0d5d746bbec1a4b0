#pragma once
// Independent jobs 0..n-1 on the calling thread and one helper, each job
// taken once from a shared counter (the machine this runs on has two
// cores; a render already runs a page-writer thread). Without a thread to
// spare, the calling thread does them all. `job` must not throw: callers
// keep each job's exception or result themselves.
#include <atomic>
#include <cstddef>
#include <system_error>

#include "common/helper_thread.hpp"

namespace emnpub {

template <class Job>
void run_on_two_threads(size_t n, bool use_helper, const Job& job) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) job(i);
  };
  HelperThread helper;
  if (use_helper && n > 1) {
    try {
      helper = HelperThread(work);
    } catch (const std::system_error&) {
      // No thread to spare: this one does them all.
    }
  }
  work();
  if (helper.joinable()) helper.join();
}

}  // namespace emnpub
