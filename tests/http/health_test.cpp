// /healthz, /readyz, /v1/layouts and /metrics.
#include "http_test_support.hpp"
#include <chrono>
#include <thread>

namespace emnpub::http {
namespace {

using namespace test;

TEST(Health, AliveAndReady) {
  TestServer s;
  const Response h = get(s.port(), "/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.json()->getValue<std::string>("status"), "alive");
  const Response r = get(s.port(), "/readyz");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "ready");
  EXPECT_EQ(r.json()->getValue<int>("pages"), 1);
  EXPECT_EQ(request(s.port(), "HEAD", "/healthz").status, 200);
}

TEST(Health, NotReadyWhenTheReadinessLayoutIsBroken) {
  TempDir d;
  fs::copy(std::string(EMNPUB_SOURCE_DIR) + "/layouts", d.path(), fs::copy_options::recursive);
  fs::remove(d.path() / "inform.xml");  // the probe document is an inform
  TestServer s(Flags{{"paths.layouts", d.path().string()}});
  const Response r = get(s.port(), "/readyz");
  EXPECT_EQ(r.status, 503) << r.body;
  EXPECT_EQ(r.json()->getValue<std::string>("type"), "urn:emnpub:problem:not-ready");
  EXPECT_EQ(get(s.port(), "/healthz").status, 200);
}

TEST(Health, LayoutsListNamesTypesAndLoadTimes) {
  TestServer s;
  const Response r = get(s.port(), "/v1/layouts");
  ASSERT_EQ(r.status, 200);
  auto list = r.json()->getArray("layouts");
  std::vector<std::string> names;
  for (size_t i = 0; i < list->size(); ++i) {
    auto o = list->getObject(static_cast<unsigned>(i));
    names.push_back(o->getValue<std::string>("name"));
    EXPECT_EQ(o->getValue<std::string>("status"), "ok");
    EXPECT_EQ(o->getArray("document_types")->getElement<std::string>(0), names.back());
    EXPECT_FALSE(o->getValue<std::string>("loaded_at").empty());
    EXPECT_EQ(o->getArray("files")->size(), 2u);  // layout and brand file
  }
  EXPECT_EQ(names, (std::vector<std::string>{"bulletin", "inform", "report"}));
}

TEST(Health, MetricsInPrometheusTextFormat) {
  TestServer s;
  ASSERT_EQ(post(s.port(), "/v1/render", sample("inform-en.xml")).status, 200);
  ASSERT_EQ(post(s.port(), "/v1/render", bad("malformed.xml")).status, 400);
  const std::vector<std::string> lines{
      "emnpub_http_requests_total{route=\"/v1/render\",method=\"POST\",status=\"200\"} 1",
      "emnpub_http_requests_total{route=\"/v1/render\",method=\"POST\",status=\"400\"} 1",
      "emnpub_render_duration_seconds_count 1", "emnpub_render_duration_seconds_bucket{le=\"+Inf\"} 1",
      "emnpub_document_errors_total{kind=\"not_xml\"} 1", "emnpub_queue_depth 0", "emnpub_renders_in_flight 0",
      "emnpub_layout_reloads_total 0", "# TYPE emnpub_render_duration_seconds histogram"};
  // A request is counted when its handler returns, just after the client
  // has its response: on a loaded machine the next request can come first.
  Response m;
  for (int attempt = 0; attempt < 40; ++attempt) {
    m = get(s.port(), "/metrics");
    bool all = m.status == 200;
    for (const auto& line : lines) all = all && m.body.find(line + "\n") != std::string::npos;
    if (all) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& t = m.body;
  for (const std::string& line : lines) EXPECT_NE(t.find(line + "\n"), std::string::npos) << line;
  EXPECT_GT(metric(s.port(), "emnpub_render_pages_total"), 0);
  EXPECT_GT(metric(s.port(), "emnpub_render_bytes_total"), 10000);
  EXPECT_GT(metric(s.port(), "process_resident_memory_bytes"), 0);
  // Unknown paths share one label.
  get(s.port(), "/nope/1");
  get(s.port(), "/nope/2");
  EXPECT_NE(get(s.port(), "/metrics").body.find("route=\"unmatched\",method=\"GET\",status=\"404\"} 2"),
            std::string::npos);
}

TEST(Health, AccessLogLinePerRequest) {
  TestServer s;
  ASSERT_EQ(post(s.port(), "/v1/render", sample("bulletin-en.xml")).status, 200);
  const std::string log = s.log.text();
  const auto at = log.find("msg=access req=1 method=POST path=/v1/render status=200 bytes=");
  ASSERT_NE(at, std::string::npos) << log;
  const std::string line = log.substr(at, log.find('\n', at) - at);
  EXPECT_NE(line.find(" ms="), std::string::npos);
  EXPECT_NE(line.find(" doc=emn-be-bulletin"), std::string::npos) << line;
  EXPECT_NE(line.find(" remote=127.0.0.1"), std::string::npos);
}

TEST(Health, LogLevelIsConfigurable) {
  TestServer s(Flags{{"log.level", "warning"}});
  ASSERT_EQ(get(s.port(), "/healthz").status, 200);
  EXPECT_EQ(s.log.text().find("msg=access"), std::string::npos);
  EXPECT_EQ(s.log.text().find("msg=listening"), std::string::npos);
}

}  // namespace
}  // namespace emnpub::http
