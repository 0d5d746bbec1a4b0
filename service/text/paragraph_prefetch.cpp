#include "text/paragraph_prefetch.hpp"

#include <algorithm>

namespace emnpub::text {

bool ParagraphPrefetch::add(const ParagraphSpec& spec, ParagraphSetter& setter) {
  if (ended_ || stopped_.load(std::memory_order_relaxed)) return false;
  pending_.push_back(spec);
  if (pending_.size() >= window_) set_window(setter);
  return !ended_;
}

void ParagraphPrefetch::finish(ParagraphSetter& setter) {
  if (!ended_ && !pending_.empty()) set_window(setter);
  ended_ = true;
  pending_.clear();
}

size_t ParagraphPrefetch::run(const std::vector<ParagraphSpec>& specs, ParagraphSetter& setter) {
  for (const auto& s : specs)
    if (!add(s, setter)) break;
  finish(setter);
  return set_;
}

void ParagraphPrefetch::set_window(ParagraphSetter& setter) {
  const size_t base = first_;
  first_ += pending_.size();
  for (size_t k = pending_.size(); k-- > 0 && !ended_;) {
    std::string key = ParagraphSetter::key_of(pending_[k]);
    {
      std::lock_guard lock(mu_);
      if (stopped_ || held_ > budget_) {
        ended_ = true;
        break;
      }
      // Met the layout thread: it sets the rest of this window (a
      // paragraph it claimed further on is a repeat of an earlier one).
      if (base + k < asked_.load(std::memory_order_relaxed)) break;
      if (!entries_.try_emplace(key, Entry{State::Helper, {}, 0}).second) continue;
    }
    std::optional<SetParagraph> p;
    try {
      p = setter.set_fresh(pending_[k]);
    } catch (...) {
    }
    {
      std::lock_guard lock(mu_);
      auto it = entries_.find(key);
      if (p) {
        it->second.bytes = set_paragraph_bytes(*p);
        it->second.paragraph = std::move(*p);
        it->second.state = State::Done;
        held_ += it->second.bytes;
        ++set_;
      } else {
        entries_.erase(it);  // the layout thread sets it, and meets the error itself
        ended_ = true;
      }
    }
    done_.notify_all();
  }
  pending_.clear();
}

std::optional<SetParagraph> ParagraphPrefetch::take(const std::string& key) {
  std::unique_lock lock(mu_);
  for (;;) {
    auto it = entries_.find(key);
    if (it == entries_.end()) {
      entries_.emplace(key, Entry{State::Layout, {}, 0});
      return std::nullopt;
    }
    switch (it->second.state) {
      case State::Layout:
        return std::nullopt;
      case State::Done: {
        std::optional<SetParagraph> out(std::move(it->second.paragraph));
        held_ -= it->second.bytes;
        it->second = Entry{State::Layout, {}, 0};
        ++taken_;
        return out;
      }
      case State::Helper:
        done_.wait(lock);
        break;
    }
  }
}

void ParagraphPrefetch::stop() { stopped_.store(true, std::memory_order_relaxed); }

size_t ParagraphPrefetch::taken() const {
  std::lock_guard lock(mu_);
  return taken_;
}

}  // namespace emnpub::text
