#pragma once
// Everything the request handlers share, owned in one place: the engine
// (fonts, hyphenation, layouts: loaded once, shared by all workers), the
// worker pool, cache, metrics, log and the shutdown flag.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <utility>

#include "http/admission.hpp"
#include "http/auth.hpp"
#include "http/log.hpp"
#include "http/metrics.hpp"
#include "http/render_cache.hpp"
#include "http/server_config.hpp"
#include "pipeline/engine.hpp"

namespace emnpub::http {

struct ServiceState {
  // Throws DocumentRefused when the font manifest cannot be read.
  ServiceState(ServerConfig c, std::ostream& log_out);

  const ServerConfig cfg;
  Log log;
  Engine engine;
  BearerAuth auth;
  Metrics metrics;
  RenderCache cache;
  ByteBudget bodies;
  WorkerPool pool;  // declared last: destroyed first, its jobs use the engine

  std::atomic<bool> draining{false};
  std::atomic<int> http_in_flight{0};
  std::atomic<uint64_t> request_ids{0};

  // SHA-256 over every layout's fingerprint (layout and brand files, fonts,
  // version). Part of each render's ETag: before parsing, the service cannot
  // know which layout a document will use. Checking the layouts here is also
  // what reloads edited ones and logs reloads and refused edits.
  std::string layouts_fingerprint();

  Gauges gauges() const;

 private:
  void note_layout_changes(const std::vector<Engine::LayoutStatus>& st);
  std::mutex watch_mu_;
  std::map<std::string, std::pair<int, size_t>> seen_;  // name → (reloads, problems)
};

// A small valid publication: the readiness probe renders it.
const std::string& readiness_document();

}  // namespace emnpub::http
