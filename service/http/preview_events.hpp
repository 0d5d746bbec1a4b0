#pragma once
// `emnpub preview`: server push to the open preview pages (Server-Sent
// Events). Every message carries the whole preview state, so a subscriber
// only ever needs the latest one: a slow page skips states it missed, and a
// page that (re)connects gets the current state at once.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace emnpub::http {

class EventHub {
 public:
  struct Message {
    uint64_t id = 0;       // increases with every publish; 0 = nothing published yet
    std::string event;     // SSE event name
    std::string data;      // payload (JSON); may contain newlines
  };

  explicit EventHub(size_t max_subscribers) : max_(max_subscribers) {}
  EventHub(const EventHub&) = delete;
  EventHub& operator=(const EventHub&) = delete;

  // One open event stream. Counts against max_subscribers while it lives.
  class Subscription {
   public:
    explicit Subscription(EventHub& hub) : hub_(hub) {}
    ~Subscription();
    Subscription(const Subscription&) = delete;
    Subscription& operator=(const Subscription&) = delete;
    // The latest message if it is newer than the last one returned here;
    // waits up to `timeout` for one. nullopt on timeout or when the hub closed.
    std::optional<Message> next(std::chrono::milliseconds timeout);
    bool closed() const;

   private:
    EventHub& hub_;
    uint64_t seen_ = 0;
  };

  // nullptr when max_subscribers streams are open or the hub is closed.
  std::unique_ptr<Subscription> subscribe();
  void publish(std::string event, std::string data);
  // Wakes every subscriber for good (shutdown).
  void close();

  // The wire form: "id: N\nevent: E\ndata: line\n...\n\n".
  static std::string format(const Message& m);

 private:
  const size_t max_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  Message latest_;
  size_t subscribers_ = 0;
  bool closed_ = false;
};

}  // namespace emnpub::http
