#include "http/preview_events.hpp"

namespace emnpub::http {

std::unique_ptr<EventHub::Subscription> EventHub::subscribe() {
  std::lock_guard lock(mu_);
  if (closed_ || subscribers_ >= max_) return nullptr;
  ++subscribers_;
  return std::make_unique<Subscription>(*this);
}

EventHub::Subscription::~Subscription() {
  std::lock_guard lock(hub_.mu_);
  --hub_.subscribers_;
}

std::optional<EventHub::Message> EventHub::Subscription::next(std::chrono::milliseconds timeout) {
  std::unique_lock lock(hub_.mu_);
  hub_.cv_.wait_for(lock, timeout, [this] { return hub_.closed_ || hub_.latest_.id > seen_; });
  if (hub_.closed_ || hub_.latest_.id <= seen_) return std::nullopt;
  seen_ = hub_.latest_.id;
  return hub_.latest_;
}

bool EventHub::Subscription::closed() const {
  std::lock_guard lock(hub_.mu_);
  return hub_.closed_;
}

void EventHub::publish(std::string event, std::string data) {
  {
    std::lock_guard lock(mu_);
    latest_.id += 1;
    latest_.event = std::move(event);
    latest_.data = std::move(data);
  }
  cv_.notify_all();
}

void EventHub::close() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
  }
  cv_.notify_all();
}

std::string EventHub::format(const Message& m) {
  std::string out = "id: " + std::to_string(m.id) + "\nevent: " + m.event + "\n";
  size_t start = 0;
  while (true) {
    const size_t nl = m.data.find('\n', start);
    out += "data: " + m.data.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out + "\n";
}

}  // namespace emnpub::http
