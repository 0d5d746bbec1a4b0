#include "common/helper_thread.hpp"

#include <gtest/gtest.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <vector>

namespace emnpub {
namespace {

cpu_set_t mask_of_this_thread() {
  cpu_set_t m;
  CPU_ZERO(&m);
  EXPECT_EQ(sched_getaffinity(0, sizeof m, &m), 0);
  return m;
}

// Restores the test thread's mask whatever a test does to it.
struct KeepMask {
  cpu_set_t saved = mask_of_this_thread();
  ~KeepMask() { sched_setaffinity(0, sizeof saved, &saved); }
};

TEST(HelperThread, RunsTheFunctionAndJoinsOnDestruction) {
  std::atomic<int> ran{0};
  {
    HelperThread t([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      ran = 1;
    });
    EXPECT_TRUE(t.joinable());
  }
  EXPECT_EQ(ran.load(), 1);  // the destructor waited
}

TEST(HelperThread, MovesAndJoinsOnce) {
  std::atomic<int> ran{0};
  HelperThread a([&] { ++ran; });
  HelperThread b(std::move(a));
  EXPECT_FALSE(a.joinable());
  EXPECT_TRUE(b.joinable());
  b.join();
  EXPECT_FALSE(b.joinable());
  b.join();  // a no-op
  HelperThread c;
  EXPECT_FALSE(c.joinable());
  c = HelperThread([&] { ++ran; });
  c = HelperThread([&] { ++ran; });  // joins the first before taking the second
  c.join();
  EXPECT_EQ(ran.load(), 3);
}

// The point of the class: the helper starts on another core than its
// creator's current one, then may run anywhere its creator may.
TEST(HelperThread, StartsOnAnotherCoreThenWidensToTheCreatorsMask) {
  KeepMask keep;
  const cpu_set_t all = keep.saved;
  if (CPU_COUNT(&all) < 2) GTEST_SKIP() << "needs two allowed cores";
  // Two allowed cores for the creator, so the helper has one other to
  // start on whichever of them the creator runs on.
  int first = -1, second = -1;
  for (int c = 0; c < CPU_SETSIZE && second < 0; ++c)
    if (CPU_ISSET(c, &all)) (first < 0 ? first : second) = c;
  cpu_set_t creator;
  CPU_ZERO(&creator);
  CPU_SET(first, &creator);
  CPU_SET(second, &creator);
  ASSERT_EQ(sched_setaffinity(0, sizeof creator, &creator), 0);
  // The scheduler may move the creator while it starts the helper: then
  // its "current core" is ambiguous, and the attempt is repeated.
  for (int attempt = 0; attempt < 10; ++attempt) {
    int started_on = -1;
    cpu_set_t widened;
    CPU_ZERO(&widened);
    const int before = sched_getcpu();
    HelperThread t([&] {
      started_on = sched_getcpu();
      sched_getaffinity(0, sizeof widened, &widened);
    });
    const int after = sched_getcpu();
    t.join();
    if (before != after) continue;
    EXPECT_NE(started_on, before);
    EXPECT_TRUE(CPU_EQUAL(&widened, &creator));
    return;
  }
  FAIL() << "the creator moved between cores at every attempt";
}

TEST(HelperThread, OneAllowedCoreStartsThereUnchanged) {
  KeepMask keep;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(sched_getcpu(), &one);
  ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
  cpu_set_t seen;
  CPU_ZERO(&seen);
  HelperThread t([&] { sched_getaffinity(0, sizeof seen, &seen); });
  t.join();
  EXPECT_TRUE(CPU_EQUAL(&seen, &one));
}

}  // namespace
}  // namespace emnpub

namespace emnpub {
namespace {

std::atomic<int> g_hook_runs{0};
std::atomic<long> g_hook_thread{0};
void count_hook() {
  ++g_hook_runs;
  g_hook_thread = static_cast<long>(pthread_self());
}

// The render binary primes the thread malloc arena this way: once, on the
// first helper to start, before that helper's own work.
TEST(HelperThread, FirstStartHookRunsOnceOnAHelperBeforeItsWork) {
  HelperThread::on_first_start(count_hook);
  std::atomic<int> saw_hook_first{0};
  const long main_thread = static_cast<long>(pthread_self());
  for (int i = 0; i < 3; ++i) {
    HelperThread t([&] {
      if (g_hook_runs == 1) ++saw_hook_first;
    });
  }
  HelperThread::on_first_start(nullptr);
  EXPECT_EQ(g_hook_runs.load(), 1);
  EXPECT_EQ(saw_hook_first.load(), 3);
  EXPECT_NE(g_hook_thread.load(), main_thread);
}

}  // namespace
}  // namespace emnpub
