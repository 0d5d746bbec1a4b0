#include "http/render_cache.hpp"

namespace emnpub::http {

std::shared_ptr<const RenderResult> RenderCache::get(const std::string& key) {
  if (!enabled()) return nullptr;
  std::lock_guard lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  ++hits_;
  return it->second->second;
}

void RenderCache::put(const std::string& key, std::shared_ptr<const RenderResult> r) {
  if (!enabled() || !r) return;
  const size_t size = r->pdf.size();
  if (size > max_bytes_) return;
  std::lock_guard lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->second->pdf.size();
    lru_.erase(it->second);
    index_.erase(it);
  }
  while (bytes_ + size > max_bytes_ && !lru_.empty()) {
    bytes_ -= lru_.back().second->pdf.size();
    index_.erase(lru_.back().first);
    lru_.pop_back();
    ++evictions_;
  }
  lru_.emplace_front(key, std::move(r));
  index_[key] = lru_.begin();
  bytes_ += size;
}

RenderCache::Stats RenderCache::stats() const {
  std::lock_guard lock(mu_);
  return {bytes_, index_.size(), max_bytes_, hits_, misses_, evictions_};
}

}  // namespace emnpub::http
