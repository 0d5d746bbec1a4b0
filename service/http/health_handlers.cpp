// GET /healthz (the process answers), /readyz (a tiny document actually
// renders) and /metrics (Prometheus text).
#include <chrono>

#include "http/handlers.hpp"

namespace emnpub::http {

void handle_healthz(Exchange& ex) {
  ex.query({});
  Poco::JSON::Object o;
  o.set("status", "alive");
  ex.send_json(200, o);
}

void handle_readyz(Exchange& ex) {
  ServiceState& s = ex.state;
  ex.query({});
  if (s.draining.load()) throw HttpProblem(shutting_down_problem());
  // Rendered on this connection thread, not queued: the probe asks whether
  // the engine works (fonts, layouts, PDF writer), not whether the queue has
  // room; it takes milliseconds.
  RenderOptions ro;
  ro.source_name = "readiness";
  ro.limits.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  const auto t0 = std::chrono::steady_clock::now();
  try {
    const RenderResult r = s.engine.render(readiness_document(), ro);
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("status", "ready");
    o.set("pages", r.pages);
    o.set("render_ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    ex.send_json(200, o);
  } catch (const DocumentRefused& e) {
    Problem p = problem_from_refusal(e.diagnostics(), false);
    p.status = 503;  // whatever broke, this instance should get no traffic
    p.type = problem_type("not-ready");
    p.title = "The service cannot render documents";
    s.log.error("readiness check failed",
                {{"first", p.problems.empty() ? std::string() : format_diagnostic(p.problems.front())}});
    throw HttpProblem(std::move(p));
  }
}

void handle_metrics(Exchange& ex) {
  ex.query({});
  ex.send(200, "text/plain; version=0.0.4; charset=utf-8", ex.state.metrics.prometheus(ex.state.gauges()));
}

}  // namespace emnpub::http
