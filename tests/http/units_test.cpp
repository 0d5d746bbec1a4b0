// The service's building blocks on their own: token comparison, the render
// cache, the worker pool's admission and the problem mapping.
#include <latch>

#include "http/admission.hpp"
#include "http/auth.hpp"
#include "http/problem_json.hpp"
#include "http/render_cache.hpp"
#include "http_test_support.hpp"

namespace emnpub::http {
namespace {

TEST(Auth, ConstantTimeEqual) {
  const uint8_t a[] = {1, 2, 3, 4}, b[] = {1, 2, 3, 4}, c[] = {1, 2, 3, 5};
  EXPECT_TRUE(constant_time_equal(a, b, 4));
  EXPECT_FALSE(constant_time_equal(a, c, 4));
  EXPECT_TRUE(constant_time_equal(a, c, 3));
}

TEST(Auth, BearerTokens) {
  BearerAuth auth(true, {"token-one", "token-two"});
  EXPECT_TRUE(auth.allows("Bearer token-one"));
  EXPECT_TRUE(auth.allows("bearer token-two"));  // the scheme is case-insensitive
  EXPECT_FALSE(auth.allows("Bearer token-on"));
  EXPECT_FALSE(auth.allows("Bearer token-one2"));
  EXPECT_FALSE(auth.allows("Bearer TOKEN-ONE"));  // the token is not
  EXPECT_FALSE(auth.allows("Basic token-one"));
  EXPECT_FALSE(auth.allows("Bearer "));
  EXPECT_FALSE(auth.allows(""));
  EXPECT_TRUE(BearerAuth(false, {}).allows(""));
}

std::shared_ptr<const RenderResult> pdf_of(size_t n, uint8_t fill) {
  auto r = std::make_shared<RenderResult>();
  r->pdf.assign(n, fill);
  return r;
}

TEST(RenderCache, EvictsLeastRecentlyUsedByBytes) {
  RenderCache c(300);
  c.put("a", pdf_of(100, 1));
  c.put("b", pdf_of(100, 2));
  c.put("c", pdf_of(100, 3));
  ASSERT_NE(c.get("a"), nullptr);  // a is now the most recent
  c.put("d", pdf_of(100, 4));      // evicts b
  EXPECT_EQ(c.get("b"), nullptr);
  EXPECT_NE(c.get("a"), nullptr);
  EXPECT_NE(c.get("c"), nullptr);
  EXPECT_EQ(c.get("d")->pdf.front(), 4);
  const auto s = c.stats();
  EXPECT_EQ(s.bytes, 300u);
  EXPECT_EQ(s.entries, 3u);
  EXPECT_EQ(s.evictions, 1u);
  c.put("huge", pdf_of(301, 5));  // larger than the whole cache: not kept
  EXPECT_EQ(c.get("huge"), nullptr);
  EXPECT_EQ(c.stats().bytes, 300u);
}

TEST(RenderCache, OffAtZero) {
  RenderCache c(0);
  c.put("a", pdf_of(1, 1));
  EXPECT_FALSE(c.enabled());
  EXPECT_EQ(c.get("a"), nullptr);
}

TEST(WorkerPool, RefusesWhenWorkersAndQueueAreFull) {
  WorkerPool pool(2, 1);
  std::latch release(1);
  std::latch started(2);
  std::vector<std::future<int>> running;
  for (int i = 0; i < 2; ++i) {
    auto s = submit_task(pool, [&] {
      started.count_down();
      release.wait();
      return 1;
    });
    ASSERT_EQ(s.admit, WorkerPool::Admit::Accepted);
    running.push_back(std::move(s.result));
  }
  started.wait();  // both workers are busy
  auto queued = submit_task(pool, [] { return 2; });
  EXPECT_EQ(queued.admit, WorkerPool::Admit::Accepted);
  EXPECT_EQ(pool.queued(), 1);
  EXPECT_EQ(pool.running(), 2);
  auto refused = submit_task(pool, [] { return 3; });
  EXPECT_EQ(refused.admit, WorkerPool::Admit::QueueFull);
  EXPECT_GE(pool.retry_after_seconds(), 1);
  release.count_down();
  for (auto& f : running) EXPECT_EQ(f.get(), 1);
  EXPECT_EQ(queued.result.get(), 2);
}

TEST(WorkerPool, ExceptionsReachTheCaller) {
  WorkerPool pool(1, 1);
  auto s = submit_task(pool, []() -> int { throw std::runtime_error("boom"); });
  ASSERT_EQ(s.admit, WorkerPool::Admit::Accepted);
  EXPECT_THROW(s.result.get(), std::runtime_error);
  auto ok = submit_task(pool, [] { return 7; });  // the worker survived
  EXPECT_EQ(ok.result.get(), 7);
}

TEST(WorkerPool, StopDropsQueuedJobsAndRefusesNewOnes) {
  WorkerPool pool(1, 4);
  std::latch release(1), started(1);
  auto busy = submit_task(pool, [&] {
    started.count_down();
    release.wait();
    return 1;
  });
  started.wait();
  auto waiting = submit_task(pool, [] { return 2; });
  ASSERT_EQ(waiting.admit, WorkerPool::Admit::Accepted);
  std::thread stopper([&] { pool.stop(); });
  // stop() drops the queued job at once, then waits for the running one.
  EXPECT_THROW(waiting.result.get(), std::future_error);
  release.count_down();
  stopper.join();
  EXPECT_EQ(busy.result.get(), 1);
  EXPECT_EQ(submit_task(pool, [] { return 3; }).admit, WorkerPool::Admit::Stopped);
}

TEST(ByteBudget, ReservesUpToItsMaximum) {
  ByteBudget b(100);
  {
    ByteBudget::Hold h(b);
    EXPECT_TRUE(h.add(60));
    EXPECT_FALSE(b.reserve(50));
    EXPECT_TRUE(h.add(40));
    EXPECT_EQ(b.used(), 100u);
  }
  EXPECT_EQ(b.used(), 0u);
}

Diagnostics one(DiagKind k) {
  Diagnostics d;
  d.error(k, "request", {3, 7, "/publication/body/p"}, "message");
  return d;
}

TEST(ProblemMapping, EachKindHasOneStatus) {
  EXPECT_EQ(problem_from_refusal(one(DiagKind::NotXml), false).status, 400);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Forbidden), false).status, 422);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Schema), false).status, 422);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Semantic), false).status, 422);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Limit), false).status, 422);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Font), true).status, 422);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Font), false).status, 500);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Deadline), false).status, 503);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Layout), false).status, 500);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Io), false).status, 500);
  EXPECT_EQ(problem_from_refusal(one(DiagKind::Internal), false).status, 500);
}

TEST(ProblemMapping, ServerSideProblemsOutrankDocumentOnes) {
  Diagnostics d = one(DiagKind::Schema);
  d.error(DiagKind::Limit, "request", {}, "12 more problems not shown");
  Problem p = problem_from_refusal(d, false);
  EXPECT_EQ(p.type, "urn:emnpub:problem:invalid-document");  // the trailing Limit note does not decide
  EXPECT_EQ(p.problems.size(), 2u);
  d.error(DiagKind::Layout, "layouts/inform.xml", {}, "broken");
  EXPECT_EQ(problem_from_refusal(d, false).status, 500);
}

TEST(ProblemMapping, JsonCarriesLocatedProblems) {
  Diagnostics d = one(DiagKind::Schema);
  d.warning(DiagKind::Font, "request", {9, 1, "/publication/body/p[2]"}, "no glyph");
  const std::string json = to_json(problem_from_refusal(d, false), "/v1/render", 42);
  auto o = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(o->getValue<std::string>("type"), "urn:emnpub:problem:invalid-document");
  EXPECT_EQ(o->getValue<int>("status"), 422);
  EXPECT_EQ(o->getValue<std::string>("instance"), "/v1/render");
  EXPECT_EQ(o->getValue<int>("request_id"), 42);
  auto p = o->getArray("problems")->getObject(0);
  EXPECT_EQ(p->getValue<int>("line"), 3);
  EXPECT_EQ(p->getValue<int>("column"), 7);
  EXPECT_EQ(p->getValue<std::string>("path"), "/publication/body/p");
  EXPECT_EQ(p->getValue<std::string>("kind"), "schema");
  EXPECT_EQ(o->getArray("warnings")->size(), 1u);
}

}  // namespace
}  // namespace emnpub::http
