// Every error status the service answers, provoked over HTTP, each an RFC
// 9457 problem with a stable type.
#include <Poco/Net/StreamSocket.h>

#include "http_test_support.hpp"

namespace emnpub::http {
namespace {

using namespace test;

void expect_problem(const Response& r, int status, const std::string& slug) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json") << r.body;
  auto o = r.json();
  EXPECT_EQ(o->getValue<std::string>("type"), "urn:emnpub:problem:" + slug);
  EXPECT_EQ(o->getValue<int>("status"), status);
  EXPECT_FALSE(o->getValue<std::string>("title").empty());
}

TEST(Errors, NotXmlIs400) {
  TestServer s;
  for (const std::string name : {"malformed.xml", "truncated.xml", "binary.xml", "empty.xml", "invalid-utf8.xml"}) {
    SCOPED_TRACE(name);
    const Response r = post(s.port(), "/v1/render", bad(name));
    expect_problem(r, 400, "not-xml");
    EXPECT_GE(r.json()->getArray("problems")->size(), 1u);
  }
}

TEST(Errors, InvalidDocumentIs422WithLineColumnAndPath) {
  TestServer s;
  const Response r = post(s.port(), "/v1/render", bad("unknown-element.xml"));
  expect_problem(r, 422, "invalid-document");
  auto p = r.json()->getArray("problems")->getObject(0);
  EXPECT_EQ(p->getValue<int>("line"), 11);
  EXPECT_EQ(p->getValue<int>("column"), 7);
  EXPECT_EQ(p->getValue<std::string>("path"), "/publication/body/section/marquee");
  EXPECT_EQ(p->getValue<std::string>("kind"), "schema");
  EXPECT_NE(p->getValue<std::string>("message").find("marquee"), std::string::npos);
  EXPECT_EQ(metric(s.port(), "emnpub_document_errors_total{kind=\"schema\"}"), 1);

  for (const std::string name : {"duplicate-id.xml", "dangling-ref.xml", "missing-title.xml", "invalid-date.xml"}) {
    SCOPED_TRACE(name);
    expect_problem(post(s.port(), "/v1/render", bad(name)), 422, "invalid-document");
  }
  for (const std::string name : {"billion-laughs.xml", "external-entity.xml", "xinclude.xml"}) {
    SCOPED_TRACE(name);
    const Response f = post(s.port(), "/v1/render", bad(name));
    EXPECT_EQ(f.status, 422) << f.body;
  }
}

TEST(Errors, ValidateAnswers200Or422) {
  TestServer s;
  const Response ok = post(s.port(), "/v1/validate", sample("inform-en.xml"));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(ok.json()->getValue<bool>("valid"));
  EXPECT_TRUE(ok.json()->isArray("warnings"));
  const Response bad_doc = post(s.port(), "/v1/validate", bad("missing-date.xml"));
  expect_problem(bad_doc, 422, "invalid-document");
  EXPECT_GE(bad_doc.json()->getArray("problems")->size(), 1u);
}

TEST(Errors, WrongContentTypeIs415) {
  TestServer s;
  const Response r = request(s.port(), "POST", "/v1/render", sample("inform-en.xml"), "text/plain");
  expect_problem(r, 415, "unsupported-media-type");
  EXPECT_EQ(r.header("accept-post"), "application/xml, text/xml");
  expect_problem(request(s.port(), "POST", "/v1/validate", "<a/>", ""), 415, "unsupported-media-type");
}

TEST(Errors, BodyTooLargeIs413) {
  TestServer s(Flags{{"limits.max_body_mib", "0.01"}});  // 10 KiB: every sample is larger
  const std::string xml = sample("inform-en.xml");
  // Declared too large: answered from the headers, the body is drained.
  expect_problem(post(s.port(), "/v1/render", xml), 413, "body-too-large");

  // With Expect: 100-continue the client learns it before sending the body.
  Poco::Net::HTTPClientSession session("127.0.0.1", s.port());
  session.setTimeout(Poco::Timespan(180, 0));
  Poco::Net::HTTPRequest req("POST", "/v1/render", Poco::Net::HTTPMessage::HTTP_1_1);
  req.setContentType("application/xml");
  req.setContentLength(static_cast<std::streamsize>(100) << 20);
  req.setExpectContinue(true);
  session.sendRequest(req);
  Poco::Net::HTTPResponse res;
  EXPECT_FALSE(session.peekResponse(res));  // no "100 Continue"
  EXPECT_EQ(res.getStatus(), 413);

  // Chunked: counted while it arrives.
  Poco::Net::HTTPClientSession chunked("127.0.0.1", s.port());
  chunked.setTimeout(Poco::Timespan(180, 0));
  Poco::Net::HTTPRequest creq("POST", "/v1/render", Poco::Net::HTTPMessage::HTTP_1_1);
  creq.setContentType("application/xml");
  creq.setChunkedTransferEncoding(true);
  chunked.sendRequest(creq) << xml;
  Poco::Net::HTTPResponse cres;
  expect_problem(read_response(chunked, cres), 413, "body-too-large");
  // The service still works.
  EXPECT_EQ(get(s.port(), "/healthz").status, 200);
}

TEST(Errors, DocumentLimitsAre422) {
  TestServer s(Flags{{"limits.max_pages", "2"}});
  const Response r = post(s.port(), "/v1/render", sample("report-fr.xml"));
  expect_problem(r, 422, "document-limit");
  const Response deep = post(s.port(), "/v1/render", bad("deep-nesting.xml"));
  EXPECT_EQ(deep.status, 422) << deep.body;
}

TEST(Errors, DeadlineIs503) {
  TestServer s(Flags{{"limits.deadline_s", "0.001"}});
  const Response r = post(s.port(), "/v1/render", long_document(50));
  expect_problem(r, 503, "deadline-exceeded");
  EXPECT_EQ(metric(s.port(), "emnpub_document_errors_total{kind=\"deadline\"}"), 1);
}

TEST(Errors, QueueFullIs429WithRetryAfter) {
  TestServer s(Flags{{"workers.threads", "1"}, {"workers.queue", "0"}});
  std::optional<Response> slow;
  std::thread t([&] { slow = post(s.port(), "/v1/render", long_document(1000)); });
  // The long render occupies the only worker; nothing may wait.
  ASSERT_TRUE(eventually([&] { return metric(s.port(), "emnpub_renders_in_flight") == 1; }));
  const Response r = post(s.port(), "/v1/render", sample("inform-en.xml"));
  expect_problem(r, 429, "queue-full");
  EXPECT_GE(std::stoi(r.header("retry-after")), 1);
  t.join();
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->status, 200);
  // Once the worker is free the same request succeeds.
  EXPECT_EQ(post(s.port(), "/v1/render", sample("inform-en.xml")).status, 200);
}

// Raw HTTP over a socket: for requests Poco's client will not produce.
std::string raw_exchange(uint16_t port, const std::string& request_text, Poco::Net::StreamSocket& sock) {
  sock.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(60, 0));
  sock.setReceiveTimeout(Poco::Timespan(120, 0));
  sock.sendBytes(request_text.data(), static_cast<int>(request_text.size()));
  std::string got;
  char buf[4096];
  for (int n; (n = sock.receiveBytes(buf, sizeof buf)) > 0;) got.append(buf, static_cast<size_t>(n));
  return got;  // up to the server closing the connection
}

TEST(Errors, SlowClientGets408AndHoldsNoWorker) {
  TestServer s(Flags{{"workers.threads", "1"}, {"server.io_timeout_s", "5"}});
  std::string answer;
  std::thread slow([&] {
    Poco::Net::StreamSocket sock;
    // Promises 5000 bytes, sends 12, then stalls.
    answer = raw_exchange(s.port(),
                          "POST /v1/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
                          "Content-Length: 5000\r\n\r\n<publication",
                          sock);
  });
  // While its body trickles in, the slow request holds memory for it but no
  // worker (the scrape itself is the other request in flight) ...
  ASSERT_TRUE(eventually([&] { return metric(s.port(), "emnpub_buffered_request_bytes") == 5000; }));
  EXPECT_GE(metric(s.port(), "emnpub_http_requests_in_flight"), 2);
  EXPECT_EQ(metric(s.port(), "emnpub_renders_in_flight"), 0);
  // ... so the only worker renders for others meanwhile.
  EXPECT_EQ(post(s.port(), "/v1/render", sample("inform-en.xml")).status, 200);
  slow.join();
  EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer;
  EXPECT_NE(answer.find("urn:emnpub:problem:request-timeout"), std::string::npos);
}

TEST(Errors, PostWithoutLengthIs411) {
  TestServer s;
  Poco::Net::StreamSocket sock;
  const std::string answer = raw_exchange(
      s.port(), "POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n\r\n<a/>", sock);
  EXPECT_EQ(answer.rfind("HTTP/1.1 411", 0), 0u) << answer;
  EXPECT_NE(answer.find("Connection: Close"), std::string::npos);  // the body's end is unknown
}

TEST(Errors, UnknownRouteMethodAndParameters) {
  TestServer s;
  expect_problem(get(s.port(), "/v2/render"), 404, "not-found");
  const Response m = get(s.port(), "/v1/render");
  expect_problem(m, 405, "method-not-allowed");
  EXPECT_EQ(m.header("allow"), "POST");
  expect_problem(post(s.port(), "/v1/render?strcit=true", sample("inform-en.xml")), 400, "bad-parameter");
  expect_problem(post(s.port(), "/v1/render?strict=maybe", sample("inform-en.xml")), 400, "bad-parameter");
  const Response l = post(s.port(), "/v1/render?layout=../../etc/passwd", sample("inform-en.xml"));
  expect_problem(l, 400, "bad-parameter");
  EXPECT_NE(l.json()->getValue<std::string>("detail").find("inform"), std::string::npos);  // lists the layouts
}

TEST(Errors, BrokenLayoutWithNoGoodVersionIs500) {
  TempDir d;
  fs::copy(std::string(EMNPUB_SOURCE_DIR) + "/layouts", d.path(), fs::copy_options::recursive);
  write_file(d.path() / "inform.xml", "<layout name=\"inform\" brand=\"brand.xml\"><page size=\"A9000\"/>");
  TestServer s(Flags{{"paths.layouts", d.path().string()}});
  const Response r = post(s.port(), "/v1/render", sample("inform-en.xml"));
  expect_problem(r, 500, "layout-unavailable");
  EXPECT_EQ(post(s.port(), "/v1/render", sample("bulletin-en.xml")).status, 200);  // the others serve
  EXPECT_NE(s.log.text().find("msg=\"layout unavailable\" layout=inform"), std::string::npos);
}

TEST(Errors, AuthRefusesMissingAndWrongTokens) {
  TestServer s(Flags{{"auth.enabled", "true"}, {"auth.tokens", "cms-token-1,cms-token-2"}});
  const std::string xml = sample("inform-en.xml");
  const Response none = post(s.port(), "/v1/render", xml);
  expect_problem(none, 401, "unauthorized");
  EXPECT_EQ(none.header("www-authenticate"), "Bearer realm=\"emnpub\"");
  const Response wrong = post(s.port(), "/v1/render", xml, {{"Authorization", "Bearer cms-token-3"}});
  expect_problem(wrong, 401, "unauthorized");
  EXPECT_NE(wrong.header("www-authenticate").find("invalid_token"), std::string::npos);
  expect_problem(post(s.port(), "/v1/validate", xml, {{"Authorization", "Basic Y21zOnRva2Vu"}}), 401,
                 "unauthorized");
  expect_problem(get(s.port(), "/v1/layouts"), 401, "unauthorized");
  EXPECT_EQ(post(s.port(), "/v1/render", xml, {{"Authorization", "Bearer cms-token-2"}}).status, 200);
  // Probes and metrics stay open for load balancers and Prometheus.
  EXPECT_EQ(get(s.port(), "/healthz").status, 200);
  EXPECT_EQ(get(s.port(), "/readyz").status, 200);
  EXPECT_EQ(get(s.port(), "/metrics").status, 200);
}

TEST(Errors, ShuttingDownIs503) {
  TestServer s;
  s.server->state().draining.store(true);  // what shutdown() sets first
  const Response r = post(s.port(), "/v1/render", sample("inform-en.xml"));
  expect_problem(r, 503, "shutting-down");
  EXPECT_EQ(r.header("connection"), "Close");
  expect_problem(get(s.port(), "/readyz"), 503, "shutting-down");
  EXPECT_EQ(get(s.port(), "/healthz").status, 200);  // alive, just not ready
}

}  // namespace
}  // namespace emnpub::http
