// Many documents are written at once on different threads sharing the
// immutable FontFace objects: every output must equal the single-threaded one.
#include <gtest/gtest.h>

#include <thread>

#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

namespace emnpub::pdf {
namespace {

using namespace test;

layout::PagedDocument mixed_document(int variant) {
  layout::PagedDocument doc;
  doc.info.title = "Thread " + std::to_string(variant);
  doc.info.date = "2024-03-05";
  ShapeOptions ar;
  ar.direction = HB_DIRECTION_RTL;
  ar.script = "Arab";
  ar.lang = "ar";
  for (int p = 0; p < 4; ++p) {
    layout::Page page = a4_page();
    page.runs.push_back(shape("Regulation (EU) 2024/" + std::to_string(1689 + variant),
                              font(kNotoBold), 14, 72, 780));
    page.runs.push_back(
        shape("official efficient Ευρωπαϊκή Ένωση", font(kNotoRegular), 10, 72, 760));
    page.runs.push_back(shape("Европейски съюз", font(kDejaVu), 10, 72, 740));
    page.runs.push_back(shape("الاتحاد الأوروبي", font(kNaskh), 12, 72, 720, ar));
    layout::Image img;
    img.data = make_png(16, 16, static_cast<uint8_t>(variant));
    img.x = img.y = from_pt(300);
    img.w = img.h = from_pt(32);
    page.images.push_back(img);
    doc.pages.push_back(std::move(page));
  }
  doc.outline.push_back({"Début", 1, 0, from_pt(790)});
  return doc;
}

TEST(Concurrency, EightThreadsWriteTheSameBytesAsOne) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 3;
  std::vector<layout::PagedDocument> docs;
  std::vector<std::vector<uint8_t>> expected;
  for (int i = 0; i < kThreads; ++i) {
    docs.push_back(mixed_document(i % 3));
    expected.push_back(write_pdf(docs.back()));
  }
  std::vector<std::vector<std::vector<uint8_t>>> got(kThreads);
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int r = 0; r < kRounds; ++r) got[t].push_back(write_pdf(docs[t]));
      } catch (const std::exception& e) {
        errors[t] = e.what();
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(errors[t], "") << "thread " << t;
    ASSERT_EQ(got[t].size(), static_cast<size_t>(kRounds));
    for (const auto& bytes : got[t]) EXPECT_TRUE(bytes == expected[t]) << "thread " << t;
  }
  // Different inputs really differ (the comparison above is not vacuous).
  EXPECT_NE(expected[0], expected[1]);
}

}  // namespace
}  // namespace emnpub::pdf
