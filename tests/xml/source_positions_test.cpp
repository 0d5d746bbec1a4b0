// Line and column of every element are those of its '<', also for start
// tags spread over lines, after multi-byte characters and deep into large
// inputs (where libxml2 may have moved its buffer on).
#include <chrono>

#include "xml_test_support.hpp"

namespace emnpub::xml::test {
namespace {

TEST(XmlPositions, StartTagSpanningLinesReportsItsFirstLine) {
  const auto r = parse_text(in_section("  <p\n     id=\"a\"\n     class=\"lead\">x</p>"));
  const auto& p = r.doc.body.at(0).blocks.at(0);
  EXPECT_EQ(p.pos.line, 4);
  EXPECT_EQ(p.pos.column, 3);
}

TEST(XmlPositions, ColumnsCountCharactersNotBytes) {
  const auto r = parse_text(in_section("<p>\xC3\xA9\xC3\xA9\xC3\xA9 <em>x</em></p>"));
  const auto& em = r.doc.body.at(0).blocks.at(0).inlines.at(1);
  ASSERT_EQ(em.kind, model::InlineKind::Emph);
  EXPECT_EQ(em.pos.line, 4);
  EXPECT_EQ(em.pos.column, 8);  // "<p>" + 3 letters + space, then '<'
}

TEST(XmlPositions, ExactDeepIntoALargeDocument) {
  std::string body;
  const int paragraphs = 60000;  // about 4 MB
  for (int i = 0; i < paragraphs; ++i)
    body += "   <p id=\"p" + std::to_string(i) + "\">Paragraph number " + std::to_string(i) +
            " with enough text to make the document large.</p>\n";
  body += "   <p><ref target=\"nowhere\"/></p>";
  const auto start = std::chrono::steady_clock::now();
  const auto ds = refusal(in_section(body));
  // libxml2 validates some RELAX NG forms in quadratic time (this took a
  // minute before the schema avoided them); linear takes well under a second.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_EQ(ds.size(), 1u) << all_messages(ds);
  EXPECT_EQ(ds[0].pos.line, 4 + paragraphs);
  EXPECT_EQ(ds[0].pos.column, 7);  // "   <p>" then '<ref' 
  EXPECT_EQ(ds[0].pos.path, "/publication/body/section/p[60001]/ref");
}

TEST(XmlPositions, ParagraphWithManyInlineElementsIsFast) {
  std::string p = "<p>";
  for (int i = 0; i < 40000; ++i) p += "word <em>x</em> ";
  p += "</p>";
  const auto start = std::chrono::steady_clock::now();
  const auto r = parse_text(in_section(p));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(r.doc.body.at(0).blocks.at(0).inlines.size(), 80000u);
}

TEST(XmlPositions, SchemaErrorsUseTheRecordedColumn) {
  const auto ds = refusal(in_section("<p>a</p>   <p>b</p> <video/>"));
  ASSERT_EQ(ds.size(), 1u) << all_messages(ds);
  EXPECT_EQ(ds[0].pos.line, 4);
  EXPECT_EQ(ds[0].pos.column, 21);
}

}  // namespace
}  // namespace emnpub::xml::test
