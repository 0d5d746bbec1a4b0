#pragma once
// Rendered PDFs by content hash (the ETag: input + layouts + fonts +
// options), least recently used evicted first, bounded by total PDF bytes.
// A capacity of 0 turns it off.
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "pipeline/engine.hpp"

namespace emnpub::http {

class RenderCache {
 public:
  explicit RenderCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  bool enabled() const { return max_bytes_ > 0; }
  std::shared_ptr<const RenderResult> get(const std::string& key);
  // A result larger than the whole cache is not stored.
  void put(const std::string& key, std::shared_ptr<const RenderResult> r);

  struct Stats {
    size_t bytes = 0, entries = 0, max_bytes = 0;
    uint64_t hits = 0, misses = 0, evictions = 0;
  };
  Stats stats() const;

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const RenderResult>>;
  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // front = most recently used
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  uint64_t hits_ = 0, misses_ = 0, evictions_ = 0;
};

}  // namespace emnpub::http
