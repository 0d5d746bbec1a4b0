// PagePipe: pages reach the writer thread in order, at most `capacity`
// wait, and a writer error comes back to the layout side.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "pipeline/page_pipe.hpp"

namespace emnpub {
namespace {

layout::Page page_labelled(int i) {
  layout::Page p;
  p.label = std::to_string(i);
  return p;
}

TEST(PagePipe, WritesEveryPageInOrder) {
  std::vector<std::string> got;  // touched by the pipe's thread only until drain()
  {
    PagePipe pipe([&](const layout::Page& p) { got.push_back(p.label); }, 2);
    for (int i = 0; i < 200; ++i) pipe.push(page_labelled(i));
    pipe.drain();
  }
  ASSERT_EQ(got.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], std::to_string(i));
}

TEST(PagePipe, HoldsAtMostItsCapacity) {
  std::atomic<int> written{0};
  std::atomic<int> most_ahead{0};
  std::atomic<int> pushed{0};
  PagePipe pipe(
      [&](const layout::Page&) {
        most_ahead = std::max(most_ahead.load(), pushed.load() - written.load());
        ++written;
      },
      3);
  for (int i = 0; i < 100; ++i) {
    pipe.push(page_labelled(i));
    ++pushed;
  }
  pipe.drain();
  EXPECT_EQ(written.load(), 100);
  // Queued pages plus the one being written.
  EXPECT_LE(most_ahead.load(), 3 + 1);
}

TEST(PagePipe, WriterErrorsReachTheCaller) {
  PagePipe pipe(
      [](const layout::Page& p) {
        if (p.label == "5") throw std::runtime_error("PDF writer: page 6 is broken");
      },
      2);
  try {
    for (int i = 0; i < 50; ++i) pipe.push(page_labelled(i));
    pipe.drain();
    FAIL() << "the writer's error was lost";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "PDF writer: page 6 is broken");
  }
}

TEST(PagePipe, StopsWithPagesStillQueued) {
  std::atomic<int> written{0};
  {
    PagePipe pipe([&](const layout::Page&) { ++written; }, 8);
    for (int i = 0; i < 8; ++i) pipe.push(page_labelled(i));
  }  // no drain: layout failed; the destructor must not hang
  EXPECT_LE(written.load(), 8);
}

}  // namespace
}  // namespace emnpub
