// SIGTERM / SIGINT: stop accepting, finish what is in flight, exit 0. Runs
// build/emnpub serve as a child process, as an operator would.
#include "http_test_support.hpp"

namespace emnpub::http {
namespace {

using namespace test;

TEST(Shutdown, SigtermLetsTheInFlightRenderFinishAndExitsZero) {
  ChildServer child({"--port", "0"}, {{"EMNPUB_SERVER_SHUTDOWN_GRACE_S", "600"}});
  const uint16_t port = child.wait_until_listening();
  ASSERT_NE(port, 0) << child.log();
  std::optional<Response> slow;
  std::string error;
  std::thread t([&] {
    try {
      slow = post(port, "/v1/render", long_document(1000));
    } catch (const std::exception& e) {
      error = e.what();
    }
  });
  ASSERT_TRUE(eventually([&] { return metric(port, "emnpub_renders_in_flight") == 1; })) << child.log();
  child.signal(SIGTERM);
  t.join();
  EXPECT_EQ(error, "");
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->status, 200) << slow->body;
  EXPECT_EQ(slow->body.rfind("%PDF-", 0), 0u);
  EXPECT_GT(std::stoi(slow->header("emnpub-pages")), 100);
  EXPECT_EQ(child.wait(), 0) << child.log();
  const std::string log = child.log();
  EXPECT_NE(log.find("msg=\"signal received\" signal=SIGTERM"), std::string::npos) << log;
  // The render was in flight when the signal came (a scrape may still be
  // finishing too).
  const auto at = log.find("msg=\"shutting down\" in_flight=");
  ASSERT_NE(at, std::string::npos) << log;
  EXPECT_GE(std::stoi(log.substr(at + 30)), 1) << log;
  EXPECT_NE(log.find("msg=stopped cut_off=0"), std::string::npos) << log;
}

TEST(Shutdown, SigintOnAnIdleServerExitsZero) {
  ChildServer child({"--port", "0"});
  const uint16_t port = child.wait_until_listening();
  ASSERT_NE(port, 0) << child.log();
  ASSERT_EQ(get(port, "/healthz").status, 200);
  child.signal(SIGINT);
  EXPECT_EQ(child.wait(), 0) << child.log();
  EXPECT_NE(child.log().find("msg=\"signal received\" signal=SIGINT"), std::string::npos) << child.log();
  EXPECT_NE(child.log().find("msg=stopped cut_off=0"), std::string::npos) << child.log();
}

TEST(Shutdown, InProcessShutdownFinishesInFlightRequests) {
  auto s = std::make_unique<TestServer>(Flags{{"workers.threads", "1"}});
  const uint16_t port = s->port();
  std::optional<Response> slow;
  std::thread t([&] { slow = post(port, "/v1/render", long_document(400)); });
  ASSERT_TRUE(eventually([&] { return metric(port, "emnpub_renders_in_flight") == 1; }));
  EXPECT_TRUE(s->server->shutdown(std::chrono::seconds(600)));
  t.join();
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->status, 200);
  EXPECT_EQ(slow->header("connection"), "Close");  // draining: clients reconnect elsewhere
}

TEST(Shutdown, GracePeriodCutsOffWhatDoesNotFinish) {
  auto s = std::make_unique<TestServer>(Flags{{"workers.threads", "1"}});
  const uint16_t port = s->port();
  std::thread t([&] {
    try {
      post(port, "/v1/render", long_document(1000));
    } catch (const std::exception&) {
      // the connection is closed under it: expected
    }
  });
  ASSERT_TRUE(eventually([&] { return metric(port, "emnpub_renders_in_flight") == 1; }));
  EXPECT_FALSE(s->server->shutdown(std::chrono::seconds(0)));
  t.join();
  EXPECT_NE(s->log.text().find("msg=stopped cut_off=1"), std::string::npos) << s->log.text();
}

}  // namespace
}  // namespace emnpub::http
