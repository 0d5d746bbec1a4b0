#include "http/metrics.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "http/problem_json.hpp"

namespace emnpub::http {

void Metrics::request(const std::string& route, const std::string& method, int status) {
  std::lock_guard lock(mu_);
  ++requests_[{route, method, status}];
}

void Metrics::render(double seconds, int pages, size_t bytes) {
  std::lock_guard lock(mu_);
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++buckets_[i];  // cumulative, as Prometheus expects
  ++renders_;
  render_seconds_ += seconds;
  pages_ += static_cast<uint64_t>(pages);
  bytes_ += bytes;
}

void Metrics::refused(DiagKind primary) {
  std::lock_guard lock(mu_);
  ++errors_[primary];
}

namespace {

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void header(std::ostringstream& o, const char* name, const char* type, const char* help) {
  o << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << "\n";
}

// One unlabelled sample with its HELP and TYPE lines: the name is written
// once, so the header and the value cannot drift apart.
template <typename T>
void scalar(std::ostringstream& o, const char* name, const char* type, const char* help, const T& value) {
  header(o, name, type, help);
  o << name << ' ' << value << "\n";
}

}  // namespace

std::string Metrics::prometheus(const Gauges& g) const {
  std::ostringstream o;
  std::lock_guard lock(mu_);
  header(o, "emnpub_http_requests_total", "counter", "HTTP requests by route, method and status.");
  for (const auto& [k, n] : requests_) {
    const auto& [route, method, status] = k;
    o << "emnpub_http_requests_total{route=\"" << route << "\",method=\"" << method << "\",status=\"" << status
      << "\"} " << n << "\n";
  }
  header(o, "emnpub_render_duration_seconds", "histogram", "Time to render a document, queue wait included (successful renders).");
  for (size_t i = 0; i < kBuckets.size(); ++i)
    o << "emnpub_render_duration_seconds_bucket{le=\"" << num(kBuckets[i]) << "\"} " << buckets_[i] << "\n";
  o << "emnpub_render_duration_seconds_bucket{le=\"+Inf\"} " << renders_ << "\n";
  o << "emnpub_render_duration_seconds_sum " << num(render_seconds_) << "\n";
  o << "emnpub_render_duration_seconds_count " << renders_ << "\n";
  scalar(o, "emnpub_render_pages_total", "counter", "Pages rendered.", pages_);
  scalar(o, "emnpub_render_bytes_total", "counter", "PDF bytes rendered.", bytes_);
  header(o, "emnpub_document_errors_total", "counter",
         "Refused documents by the kind of problem that decided the status.");
  for (const auto& [kind, n] : errors_)
    o << "emnpub_document_errors_total{kind=\"" << kind_name(kind) << "\"} " << n << "\n";
  scalar(o, "emnpub_queue_depth", "gauge", "Jobs waiting for a worker.", g.queue_depth);
  scalar(o, "emnpub_queue_capacity", "gauge", "Jobs allowed to wait.", g.queue_capacity);
  scalar(o, "emnpub_workers", "gauge", "Worker threads.", g.workers);
  scalar(o, "emnpub_renders_in_flight", "gauge", "Jobs (render or validate) running on a worker.", g.renders_in_flight);
  scalar(o, "emnpub_http_requests_in_flight", "gauge", "HTTP requests being handled.", g.http_in_flight);
  scalar(o, "emnpub_layout_reloads_total", "counter", "Layouts reloaded after their files changed.", g.layout_reloads);
  scalar(o, "emnpub_layouts_with_problems", "gauge", "Layouts whose last load failed (a previous version serves, if there is one).", g.layouts_with_problems);
  scalar(o, "emnpub_cache_bytes", "gauge", "PDF bytes in the render cache.", g.cache_bytes);
  scalar(o, "emnpub_cache_entries", "gauge", "PDFs in the render cache.", g.cache_entries);
  scalar(o, "emnpub_cache_hits_total", "counter", "Renders answered from the cache.", g.cache_hits);
  scalar(o, "emnpub_cache_misses_total", "counter", "Cache lookups that found nothing.", g.cache_misses);
  scalar(o, "emnpub_cache_evictions_total", "counter", "PDFs evicted from the cache.", g.cache_evictions);
  scalar(o, "emnpub_buffered_request_bytes", "gauge", "Request body bytes held in memory.", g.buffered_bytes);
  scalar(o, "emnpub_draining", "gauge", "1 while shutting down.", (g.draining ? 1 : 0));
  scalar(o, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", resident_bytes());
  return o.str();
}

size_t resident_bytes() {
  std::ifstream in("/proc/self/statm");
  size_t pages_total = 0, resident = 0;
  if (!(in >> pages_total >> resident)) return 0;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace emnpub::http
