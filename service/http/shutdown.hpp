#pragma once
// SIGTERM and SIGINT for `emnpub serve`: blocked in every thread (the mask
// is inherited, so construct this before any thread starts) and received
// synchronously with sigwait, so shutdown runs as ordinary code rather than
// inside a signal handler.
#include <csignal>

namespace emnpub::http {

class TerminationSignals {
 public:
  TerminationSignals();   // blocks SIGTERM and SIGINT in this thread
  ~TerminationSignals();  // restores the previous mask
  TerminationSignals(const TerminationSignals&) = delete;
  TerminationSignals& operator=(const TerminationSignals&) = delete;

  int wait();  // the signal number that arrived

 private:
  sigset_t set_{}, previous_{};
};

}  // namespace emnpub::http
