// POST /v1/render against the real server on a loopback port: every sample
// comes back as the very PDF the CLI writes, with ETag, file name and
// warnings; If-None-Match gives 304; the cache answers repeats.
#include "http_test_support.hpp"
#include "pipeline/engine.hpp"

namespace emnpub::http {
namespace {

using namespace test;

const std::vector<std::string> kSamples = {"inform-en.xml",  "inform-nl.xml", "inform-multilingual.xml",
                                           "bulletin-en.xml", "bulletin-fr.xml", "report-en.xml",
                                           "report-fr.xml"};

std::vector<uint8_t> reference_pdf(const std::string& xml) {
  static const Engine engine(EngineConfig{});  // what `emnpub render` runs
  RenderOptions ro;
  return engine.render(xml, ro).pdf;
}

TEST(Render, EverySampleEqualsTheSingleThreadedRender) {
  TestServer s;
  for (const auto& name : kSamples) {
    SCOPED_TRACE(name);
    const std::string xml = sample(name);
    const Response r = post(s.port(), "/v1/render", xml);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/pdf");
    EXPECT_EQ(r.body.rfind("%PDF-", 0), 0u);
    EXPECT_EQ(r.bytes(), reference_pdf(xml));
    EXPECT_GT(std::stoi(r.header("emnpub-pages")), 0);
    // ETag: a quoted SHA-256.
    const std::string etag = r.header("etag");
    ASSERT_EQ(etag.size(), 66u);
    EXPECT_EQ(etag.front(), '"');
  }
}

TEST(Render, SameBytesAsTheCliBinary) {
  TestServer s;
  TempDir d;
  for (const std::string name : {"inform-en.xml", "bulletin-fr.xml"}) {
    SCOPED_TRACE(name);
    const auto out = d.path() / (name + ".pdf");
    const std::string cmd = emnpub_binary() + " render " + EMNPUB_SOURCE_DIR + "/samples/" + name + " -o " +
                            out.string() + " 2>/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    const Response r = post(s.port(), "/v1/render", sample(name));
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.body == read_file(out.string())) << "service and CLI PDFs differ";
  }
}

TEST(Render, FileNameFromTheDocumentId) {
  TestServer s;
  const Response r = post(s.port(), "/v1/render", sample("inform-en.xml"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-disposition"), "attachment; filename=\"emn-be-inform-2026-03-labour-pathways.pdf\"");
  EXPECT_EQ(r.header("emnpub-document-id"), "emn-be-inform-2026-03-labour-pathways");
  EXPECT_NE(s.log.text().find("doc=emn-be-inform-2026-03-labour-pathways"), std::string::npos);
}

TEST(Render, IfNoneMatchGives304AndTheTagFollowsTheInput) {
  TestServer s;
  const std::string xml = sample("bulletin-en.xml");
  const Response first = post(s.port(), "/v1/render", xml);
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.header("etag");
  const Response again = post(s.port(), "/v1/render", xml, {{"If-None-Match", "\"other\", " + etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);
  // Other bytes, other options: other tags.
  const Response edited = post(s.port(), "/v1/render", xml + "\n", {{"If-None-Match", etag}});
  EXPECT_EQ(edited.status, 200);
  EXPECT_NE(edited.header("etag"), etag);
  const Response strict = post(s.port(), "/v1/render?strict=true", xml, {{"If-None-Match", etag}});
  EXPECT_EQ(strict.status, 200);
  EXPECT_NE(strict.header("etag"), etag);
}

TEST(Render, LayoutOverride) {
  TestServer s;
  const std::string xml = sample("inform-en.xml");
  const Response normal = post(s.port(), "/v1/render", xml);
  const Response as_report = post(s.port(), "/v1/render?layout=report", xml);
  ASSERT_EQ(normal.status, 200);
  ASSERT_EQ(as_report.status, 200);
  EXPECT_NE(normal.body, as_report.body);
  static const Engine engine(EngineConfig{});
  RenderOptions ro;
  ro.layout = "report";
  EXPECT_EQ(as_report.bytes(), engine.render(xml, ro).pdf);
}

// A character no configured font has: a warning normally, an error in
// strict mode.
std::string with_missing_glyph() {
  std::string xml = sample("inform-en.xml");
  const std::string marker = "<p>";
  const auto at = xml.find(marker, xml.find("<body>"));
  return xml.insert(at + marker.size(), "Linear B \xF0\x90\x80\x80 sign. ");
}

TEST(Render, WarningsComeBackInHeadersAndTheLog) {
  TestServer s;
  const Response r = post(s.port(), "/v1/render", with_missing_glyph());
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_GE(std::stoi(r.header("emnpub-warnings")), 1);
  const std::string w = r.header("emnpub-warning");
  EXPECT_EQ(w.rfind("font ", 0), 0u) << w;
  EXPECT_NE(s.log.text().find("msg=\"render warning\""), std::string::npos);

  const Response strict = post(s.port(), "/v1/render?strict=true", with_missing_glyph());
  EXPECT_EQ(strict.status, 422);
  EXPECT_EQ(strict.header("content-type"), "application/problem+json");
  EXPECT_EQ(strict.json()->getValue<std::string>("type"), "urn:emnpub:problem:missing-glyphs");
}

TEST(Render, CacheAnswersRepeats) {
  TestServer s(Flags{{"cache.mib", "64"}});
  const std::string xml = sample("inform-nl.xml");
  const Response a = post(s.port(), "/v1/render", xml);
  const Response b = post(s.port(), "/v1/render", xml);
  ASSERT_EQ(a.status, 200);
  ASSERT_EQ(b.status, 200);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(a.header("etag"), b.header("etag"));
  EXPECT_EQ(metric(s.port(), "emnpub_cache_hits_total"), 1);
  EXPECT_EQ(metric(s.port(), "emnpub_render_duration_seconds_count"), 1);  // rendered once
  EXPECT_NE(s.log.text().find("cache=hit"), std::string::npos);
}

TEST(Render, ChunkedBodiesAreAccepted) {
  TestServer s;
  Poco::Net::HTTPClientSession session("127.0.0.1", s.port());
  session.setTimeout(Poco::Timespan(180, 0));
  Poco::Net::HTTPRequest req("POST", "/v1/render", Poco::Net::HTTPMessage::HTTP_1_1);
  req.setContentType("application/xml; charset=utf-8");
  req.setChunkedTransferEncoding(true);
  const std::string xml = sample("inform-en.xml");
  session.sendRequest(req) << xml;
  Poco::Net::HTTPResponse res;
  const Response r = read_response(session, res);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.bytes(), reference_pdf(xml));
}

TEST(Render, KeepAliveConnectionServesManyRequests) {
  TestServer s;
  Poco::Net::HTTPClientSession session("127.0.0.1", s.port());
  session.setTimeout(Poco::Timespan(180, 0));
  session.setKeepAlive(true);
  for (const std::string path : {"/healthz", "/v1/layouts", "/readyz"}) {
    Poco::Net::HTTPRequest req("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setKeepAlive(true);
    session.sendRequest(req);
    Poco::Net::HTTPResponse res;
    EXPECT_EQ(read_response(session, res).status, 200) << path;
  }
  const std::string xml = sample("bulletin-fr.xml");
  for (int i = 0; i < 2; ++i) {
    Poco::Net::HTTPRequest req("POST", "/v1/render", Poco::Net::HTTPMessage::HTTP_1_1);
    req.setKeepAlive(true);
    req.setContentType("application/xml");
    req.setContentLength(static_cast<std::streamsize>(xml.size()));
    session.sendRequest(req) << xml;
    Poco::Net::HTTPResponse res;
    EXPECT_EQ(read_response(session, res).status, 200);
  }
}

}  // namespace
}  // namespace emnpub::http
