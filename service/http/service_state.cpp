#include "http/service_state.hpp"

namespace emnpub::http {

namespace {

EngineConfig engine_config(const ServerConfig& c) {
  EngineConfig e;
  e.layouts_dir = c.layouts_dir;
  e.fonts_dir = c.fonts_dir;
  e.assets_dir = c.assets_dir;
  return e;
}

}  // namespace

ServiceState::ServiceState(ServerConfig c, std::ostream& log_out)
    : cfg(std::move(c)),
      log(log_out, cfg.log_level),
      engine(engine_config(cfg)),
      auth(cfg.auth_enabled, cfg.tokens),
      cache(cfg.cache_bytes),
      bodies(cfg.max_buffered_bytes),
      pool(cfg.workers, cfg.queue) {}

std::string ServiceState::layouts_fingerprint() {
  const auto st = engine.layout_status();
  note_layout_changes(st);
  std::string id;
  for (const auto& s : st) {
    id += s.name + ":";
    try {
      id += engine.fingerprint(s.name);
    } catch (const DocumentRefused&) {
      id += "unavailable";  // renders needing it fail; the others still hash stably
    }
    id += "\n";
  }
  return Engine::sha256_hex(id);
}

void ServiceState::note_layout_changes(const std::vector<Engine::LayoutStatus>& st) {
  std::lock_guard lock(watch_mu_);
  for (const auto& s : st) {
    auto [it, fresh] = seen_.try_emplace(s.name, s.reloads, s.problems.size());
    auto& [reloads, problems] = it->second;
    if (!fresh && s.reloads > reloads)
      log.info("layout reloaded", {{"layout", s.name}, {"reloads", std::to_string(s.reloads)}});
    if ((fresh || problems == 0) && !s.problems.empty()) {
      log.warning(s.files.empty() ? "layout unavailable" : "layout edit refused; the previous version stays live",
                  {{"layout", s.name},
                   {"problems", std::to_string(s.problems.size())},
                   {"first", format_diagnostic(s.problems.front())}});
    }
    reloads = s.reloads;
    problems = s.problems.size();
  }
}

Gauges ServiceState::gauges() const {
  Gauges g;
  g.queue_depth = pool.queued();
  g.renders_in_flight = pool.running();
  g.http_in_flight = http_in_flight.load();
  g.workers = pool.workers();
  g.queue_capacity = cfg.queue;
  for (const auto& s : engine.layout_status()) {
    g.layout_reloads += s.reloads;
    if (!s.problems.empty()) ++g.layouts_with_problems;
  }
  const auto cs = cache.stats();
  g.cache_bytes = cs.bytes;
  g.cache_entries = cs.entries;
  g.cache_hits = cs.hits;
  g.cache_misses = cs.misses;
  g.cache_evictions = cs.evictions;
  g.buffered_bytes = bodies.used();
  g.draining = draining.load();
  return g;
}

const std::string& readiness_document() {
  static const std::string doc = R"(<?xml version="1.0" encoding="UTF-8"?>
<publication type="inform" xml:lang="en" version="1" id="emnpub-readiness">
  <meta>
    <title>Readiness check</title>
    <date>2026-01-01</date>
  </meta>
  <body>
    <section id="ready">
      <title>Ready</title>
      <p>This document is rendered by the readiness probe.</p>
    </section>
  </body>
</publication>
)";
  return doc;
}

}  // namespace emnpub::http
