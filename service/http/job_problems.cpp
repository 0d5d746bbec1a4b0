// Problems the worker pool answers with, shared by render and validate.
#include "http/handlers.hpp"

namespace emnpub::http {

Problem queue_full_problem(ServiceState& s) {
  Problem p = make_problem(429, "queue-full", "Too many documents are waiting to be processed",
                           "every worker is busy and workers.queue (" + std::to_string(s.cfg.queue) +
                               ") documents are waiting; retry after the indicated delay");
  p.headers.emplace_back("Retry-After", std::to_string(s.pool.retry_after_seconds()));
  return p;
}

Problem shutting_down_problem() {
  Problem p = make_problem(503, "shutting-down", "The service is shutting down", "retry on another instance");
  p.close_connection = true;
  return p;
}

Diagnostics deadline_diagnostics(const std::string& source_name) {
  Diagnostics d;
  d.error(DiagKind::Deadline, source_name, {}, "the request did not finish within limits.deadline_s");
  return d;
}

}  // namespace emnpub::http
