#pragma once
// The route handlers and what they share: running a job on the worker pool
// under the request's deadline, and mapping its refusal to a problem.
#include <chrono>
#include <future>
#include <string>

#include "http/admission.hpp"
#include "http/exchange.hpp"

namespace emnpub::http {

void handle_render(Exchange& ex);
void handle_validate(Exchange& ex);
void handle_layouts(Exchange& ex);
void handle_healthz(Exchange& ex);
void handle_readyz(Exchange& ex);
void handle_metrics(Exchange& ex);

// The problems the worker pool answers with.
Problem queue_full_problem(ServiceState& s);
Problem shutting_down_problem();
// A deadline refusal built like the engine's, so it maps through the one table.
Diagnostics deadline_diagnostics(const std::string& source_name);

// Runs `fn` on a worker: 429 when the queue is full, 503 when shutting down
// or past `deadline` (also while still queued), the mapped problem when the
// engine refuses the document. Other exceptions propagate (500).
template <class F>
auto run_on_worker(Exchange& ex, bool strict, std::chrono::steady_clock::time_point deadline,
                   const std::string& source_name, F fn) -> std::invoke_result_t<F&> {
  ServiceState& s = ex.state;
  auto sub = submit_task(s.pool, [fn = std::move(fn), deadline, source_name]() mutable {
    if (std::chrono::steady_clock::now() >= deadline) throw DocumentRefused(deadline_diagnostics(source_name));
    return fn();
  });
  if (sub.admit == WorkerPool::Admit::QueueFull) throw HttpProblem(queue_full_problem(s));
  if (sub.admit == WorkerPool::Admit::Stopped) throw HttpProblem(shutting_down_problem());
  // The engine checks its deadline between paragraphs; the margin covers one
  // paragraph. Past it the job is abandoned (it owns its inputs).
  if (sub.result.wait_until(deadline + std::chrono::seconds(5)) == std::future_status::timeout) {
    s.metrics.refused(DiagKind::Deadline);
    throw HttpProblem(problem_from_refusal(deadline_diagnostics(source_name), strict));
  }
  try {
    return sub.result.get();
  } catch (const DocumentRefused& e) {
    const DiagKind kind = primary_kind(e.diagnostics(), strict);
    s.metrics.refused(kind);
    Problem p = problem_from_refusal(e.diagnostics(), strict);
    s.log.write(p.status >= 500 ? LogLevel::Error : LogLevel::Info, "document refused",
                {{"req", std::to_string(ex.id)},
                 {"kind", kind_name(kind)},
                 {"status", std::to_string(p.status)},
                 {"problems", std::to_string(p.problems.size())},
                 {"first", p.problems.empty() ? std::string() : format_diagnostic(p.problems.front())}});
    throw HttpProblem(std::move(p));
  } catch (const std::future_error&) {
    throw HttpProblem(shutting_down_problem());  // dropped from the queue by shutdown
  }
}

}  // namespace emnpub::http
