// A 1,000-page document: fonts are shared by all pages and written once,
// page contents stay compressed, and the result is a valid file.
#include <gtest/gtest.h>

#include <regex>

#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

namespace emnpub::pdf {
namespace {

using namespace test;

TEST(LongDocument, ThousandPages) {
  TempDir dir;
  const layout::GlyphRun heading = shape("Article", font(kNotoBold), 12, 72, 780);
  const layout::GlyphRun body =
      shape("Member States shall ensure that the provisions apply.", font(kNotoRegular), 10, 72, 0);
  layout::PagedDocument doc;
  doc.info.date = "2024-03-05";
  for (int p = 0; p < 1000; ++p) {
    layout::Page page = a4_page();
    page.runs.push_back(heading);
    for (int l = 0; l < 40; ++l) {
      page.runs.push_back(body);
      page.runs.back().y = from_pt(760 - 16 * l);
    }
    doc.pages.push_back(std::move(page));
    if (p % 100 == 0)
      doc.outline.push_back({"Part " + std::to_string(p / 100 + 1), 1, p, from_pt(790)});
  }
  doc.labels = {{0, layout::PageLabelRange::Style::LowerRoman, 1, ""},
                {4, layout::PageLabelRange::Style::Decimal, 1, ""}};
  const auto bytes = write_pdf(doc);
  const std::string path = dir.write("long.pdf", bytes);
  // 40,000 lines of text compress to a few hundred bytes per page.
  EXPECT_LT(bytes.size(), 1000u * 1024u);
  const CommandResult info = run("pdfinfo '" + path + "'");
  EXPECT_NE(info.out.find("Pages:           1000"), std::string::npos) << info.out;
  const CommandResult fonts = run("pdffonts '" + path + "'");
  // One font object per face for the whole document.
  const std::regex cid_font("CID TrueType");
  EXPECT_EQ(std::distance(std::sregex_iterator(fonts.out.begin(), fonts.out.end(), cid_font),
                          std::sregex_iterator()),
            2)
      << fonts.out;
  EXPECT_EQ(run("qpdf --check '" + path + "'").status, 0);
  EXPECT_EQ(run("pdftotext -f 1000 -l 1000 '" + path + "' - | head -1").out, "Article\n");
}

}  // namespace
}  // namespace emnpub::pdf
