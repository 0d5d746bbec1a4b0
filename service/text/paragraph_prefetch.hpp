#pragma once
// Paragraphs set ahead on a second thread. A layout pass asks for its
// paragraphs one after the other, from the first; a helper holding the list
// of paragraphs that pass will ask for (layout records it in a quick pass
// with nothing set) sets them from the last, so the two meet in the middle
// and a pass takes about half as long on two cores. A long list is taken a
// window at a time (the helper from each window's last paragraph, the
// layout thread from its first), so the helper never holds more than about
// half a window of set paragraphs that the layout thread has yet to take.
//
// Each paragraph is set by one thread only: the helper claims a paragraph
// before setting it and skips any the layout thread has claimed; the
// layout thread takes the helper's result, waits for one being set, or
// claims the paragraph and sets it itself. Setting is a pure function of
// the spec, so which thread set a paragraph never shows in the output.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/paragraph_setter.hpp"

namespace emnpub::text {

class ParagraphPrefetch {
 public:
  // `window`: paragraphs per window. `budget`: most bytes of set
  // paragraphs held for the layout thread before it takes them (a window
  // of very long paragraphs); past it the helper stops and the layout
  // thread sets the rest.
  explicit ParagraphPrefetch(size_t window = 256, size_t budget = size_t{16} << 20)
      : window_(std::max<size_t>(window, 1)), budget_(budget) {}
  ParagraphPrefetch(const ParagraphPrefetch&) = delete;
  ParagraphPrefetch& operator=(const ParagraphPrefetch&) = delete;

  // The helper, for each paragraph the layout pass will ask for, in its
  // order: a full window is set at once with `setter`, from its last
  // paragraph down to the one the layout thread is at, skipping those
  // already claimed. Returns false once the helper should end: stop() was
  // called, the budget is spent, or setting failed (that paragraph is left
  // to the layout thread, which meets the error itself).
  bool add(const ParagraphSpec& spec, ParagraphSetter& setter);
  // The helper, after the last add(): sets the last window.
  void finish(ParagraphSetter& setter);
  // add() for each of `specs`, then finish(); returns the number set.
  size_t run(const std::vector<ParagraphSpec>& specs, ParagraphSetter& setter);

  // The layout thread, for each paragraph it asks for (cached or not): the
  // helper stops where the two meet.
  void asked() { asked_.fetch_add(1, std::memory_order_relaxed); }

  // The layout thread, on a miss in its own cache: the helper's paragraph
  // for `key` (ParagraphSetter::key_of), waiting while the helper sets it;
  // nullopt when the helper has not begun it, and then it never will.
  std::optional<SetParagraph> take(const std::string& key);

  // No more paragraphs are begun; the one being set is finished.
  void stop();

  size_t taken() const;  // paragraphs the layout thread received

 private:
  void set_window(ParagraphSetter& setter);
  // The helper's own state.
  std::vector<ParagraphSpec> pending_;  // the window being gathered
  size_t first_ = 0;                    // index of pending_[0] in the pass
  size_t set_ = 0;
  bool ended_ = false;

  enum class State { Helper, Done, Layout };
  struct Entry {
    State state;
    SetParagraph paragraph;
    size_t bytes = 0;
  };
  mutable std::mutex mu_;
  std::condition_variable done_;
  std::unordered_map<std::string, Entry> entries_;
  size_t held_ = 0;
  size_t window_;
  size_t budget_;
  size_t taken_ = 0;
  std::atomic<bool> stopped_{false};
  std::atomic<size_t> asked_{0};
};

}  // namespace emnpub::text
