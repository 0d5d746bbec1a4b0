#pragma once
// Counters and the render latency histogram, exposed in the Prometheus text
// format (version 0.0.4) by GET /metrics. Gauges that describe current state
// (queue depth, in-flight renders, cache size, layout reloads) are read from
// their owners at scrape time and passed in.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "common/diagnostics.hpp"

namespace emnpub::http {

struct Gauges {
  int queue_depth = 0;
  int renders_in_flight = 0;
  int http_in_flight = 0;
  int workers = 0;
  int queue_capacity = 0;
  int64_t layout_reloads = 0;
  int layouts_with_problems = 0;
  size_t cache_bytes = 0, cache_entries = 0;
  uint64_t cache_hits = 0, cache_misses = 0, cache_evictions = 0;
  size_t buffered_bytes = 0;
  bool draining = false;
};

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                      1,    2.5,   5,    10,  30,   60};

  // `route` is the route pattern ("/v1/render") or "unmatched", never the
  // raw path, so clients cannot grow the label set.
  void request(const std::string& route, const std::string& method, int status);
  void render(double seconds, int pages, size_t bytes);
  void refused(DiagKind primary);

  std::string prometheus(const Gauges& g) const;

 private:
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::array<uint64_t, kBuckets.size()> buckets_{};
  uint64_t renders_ = 0;
  double render_seconds_ = 0;
  uint64_t pages_ = 0, bytes_ = 0;
  std::map<DiagKind, uint64_t> errors_;
};

// Resident set size of this process in bytes (0 when unknown).
size_t resident_bytes();

}  // namespace emnpub::http
