// Same input → byte-identical PDF, whether rendered twice in a row, on
// several threads at once sharing one engine (fonts, hyphenators, layouts),
// or with and without a helper setting paragraphs ahead.
#include <gtest/gtest.h>

#include <thread>

#include "test_support.hpp"

namespace emnpub::test {
namespace {

TEST(Determinism, SameInputSameBytes) {
  const std::string xml = sample("inform-en.xml");
  RenderOptions ro;
  const auto a = engine().render(xml, ro);
  const auto b = engine().render(xml, ro);
  ASSERT_GT(a.pdf.size(), 1000u);
  EXPECT_EQ(a.pdf, b.pdf);
}

TEST(Determinism, ConcurrentRendersMatchSerialOnes) {
  const std::vector<std::string> names = {"inform-en.xml", "inform-nl.xml", "bulletin-fr.xml",
                                          "inform-multilingual.xml"};
  std::vector<std::string> xml;
  std::vector<std::vector<uint8_t>> serial;
  for (const auto& n : names) {
    xml.push_back(sample(n));
    serial.push_back(engine().render(xml.back(), {}).pdf);
  }
  std::vector<std::vector<uint8_t>> parallel(names.size() * 2);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < parallel.size(); ++i)
    threads.emplace_back([&, i] { parallel[i] = engine().render(xml[i % names.size()], {}).pdf; });
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < parallel.size(); ++i)
    EXPECT_EQ(parallel[i], serial[i % names.size()]) << names[i % names.size()];
}

// Paragraphs set ahead on a second thread (layout::Limits::lookahead) are
// the ones the layout thread would have set: the PDF is the same bytes with
// the helper and without it, for every sample (RTL and fallback fonts in
// the multilingual one, many pages, tables and a contents in the reports).
TEST(Determinism, LookaheadChangesNoByte) {
  for (const char* n : {"inform-nl.xml", "inform-multilingual.xml", "bulletin-en.xml", "report-fr.xml",
                        "report-long-en.xml"}) {
    const std::string xml = sample(n);
    RenderOptions with, without;
    without.limits.lookahead = false;
    EXPECT_EQ(engine().render(xml, with).pdf, engine().render(xml, without).pdf) << n;
  }
}

}  // namespace
}  // namespace emnpub::test
