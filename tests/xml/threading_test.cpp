// Rendering happens on many threads: 8 threads parse different documents at
// once (valid and refused) and every result must equal the single-threaded
// one. Run as its own process by ctest, this also races the one-time schema
// compilation.
#include <atomic>
#include <thread>

#include "xml_test_support.hpp"

namespace emnpub::xml::test {
namespace {

std::string outcome(const std::string& xml, const std::string& name) {
  try {
    ParseOptions opts;
    opts.source_name = name;
    return "OK " + dump(parse_publication(xml, opts).doc);
  } catch (const DocumentRefused& e) {
    return "REFUSED " + all_messages(e.diagnostics().list());
  }
}

TEST(XmlThreading, EightThreadsParseDifferentDocumentsAtOnce) {
  const std::vector<std::string> names = {"valid/inform.xml",       "valid/bulletin.xml",     "valid/report.xml",
                                          "valid/glossary.xml",     "valid/factsheet.xml",    "bad/malformed.xml",
                                          "bad/unknown-element.xml", "bad/duplicate-id.xml"};
  std::vector<std::string> docs;
  for (const auto& n : names) docs.push_back(read_file(data_path(n)));

  std::vector<std::string> got(names.size());
  std::atomic<int> mismatches{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < names.size(); ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      got[t] = outcome(docs[t], names[t]);
      for (int round = 0; round < 40; ++round)
        if (outcome(docs[t], names[t]) != got[t]) ++mismatches;
    });
  }
  go = true;
  for (auto& th : threads) th.join();

  EXPECT_EQ(mismatches.load(), 0);
  for (std::size_t t = 0; t < names.size(); ++t) {
    EXPECT_EQ(got[t], outcome(docs[t], names[t])) << names[t];
    EXPECT_EQ(got[t].rfind(t < 5 ? "OK " : "REFUSED ", 0), 0u) << names[t] << "\n" << got[t];
  }
  // Errors are captured per call: each refusal names only its own file.
  for (std::size_t t = 5; t < names.size(); ++t) {
    for (std::size_t other = 0; other < names.size(); ++other) {
      if (other != t) {
        EXPECT_EQ(got[t].find(names[other]), std::string::npos) << names[t];
      }
    }
  }
}

}  // namespace
}  // namespace emnpub::xml::test
