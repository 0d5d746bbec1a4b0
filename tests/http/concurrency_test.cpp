// 32 clients post different documents at once; every PDF must equal the
// single-threaded render of the same document, byte for byte.
#include "http_test_support.hpp"
#include "pipeline/engine.hpp"

namespace emnpub::http {
namespace {

using namespace test;

// 32 distinct documents: informs and bulletins with a numbered title.
std::vector<std::string> documents() {
  const std::vector<std::string> bases = {sample("inform-en.xml"), sample("inform-nl.xml"),
                                          sample("inform-multilingual.xml"), sample("bulletin-en.xml"),
                                          sample("bulletin-fr.xml")};
  std::vector<std::string> docs;
  for (int i = 0; i < 32; ++i) {
    std::string xml = bases[static_cast<size_t>(i) % bases.size()];
    const auto at = xml.find("<title>") + 7;
    xml.insert(at, "Client " + std::to_string(i) + ": ");
    docs.push_back(std::move(xml));
  }
  return docs;
}

TEST(Concurrency, ThirtyTwoClientsGetTheSingleThreadedBytes) {
  const auto docs = documents();
  std::vector<std::vector<uint8_t>> expected;
  {
    const Engine engine(EngineConfig{});
    for (const auto& d : docs) expected.push_back(engine.render(d, RenderOptions{}).pdf);
  }
  TestServer s;
  std::vector<Response> got(docs.size());
  std::vector<std::string> errors(docs.size());
  std::vector<std::thread> clients;
  for (size_t i = 0; i < docs.size(); ++i)
    clients.emplace_back([&, i] {
      try {
        got[i] = post(s.port(), "/v1/render", docs[i]);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  for (auto& t : clients) t.join();
  std::set<std::string> etags;
  for (size_t i = 0; i < docs.size(); ++i) {
    SCOPED_TRACE("client " + std::to_string(i));
    EXPECT_EQ(errors[i], "");
    ASSERT_EQ(got[i].status, 200) << got[i].body;
    EXPECT_TRUE(got[i].bytes() == expected[i]) << "PDF differs from the single-threaded render";
    etags.insert(got[i].header("etag"));
  }
  EXPECT_EQ(etags.size(), docs.size());  // different inputs, different tags
  EXPECT_EQ(metric(s.port(), "emnpub_render_duration_seconds_count"), 32);
}

}  // namespace
}  // namespace emnpub::http
