// HTML whitespace rules, on the model helpers and through a full parse.
#include "xml/whitespace.hpp"
#include "xml_test_support.hpp"

namespace emnpub::xml::test {
namespace {

using model::Inline;
using model::InlineKind;

Inline text(const std::string& t) {
  Inline in;
  in.text = t;
  return in;
}

Inline wrap(InlineKind k, std::vector<Inline> children) {
  Inline in;
  in.kind = k;
  in.children = std::move(children);
  return in;
}

Inline atom(InlineKind k) {
  Inline in;
  in.kind = k;
  return in;
}

TEST(XmlWhitespace, NormalizeTextCollapsesAndTrims) {
  EXPECT_EQ(normalize_text("  a \t\r\n b  "), "a b");
  EXPECT_EQ(normalize_text("\n\n"), "");
  EXPECT_EQ(normalize_text("a\xC2\xA0\xC2\xA0" "b"), "a\xC2\xA0\xC2\xA0" "b");  // U+00A0 is kept
}

TEST(XmlWhitespace, CollapsesAcrossElementBoundaries) {
  std::vector<Inline> v = {text("  a  "), wrap(InlineKind::Emph, {text("  b ")}), text("  c  ")};
  normalize_inlines(v);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].text, "a ");
  EXPECT_EQ(v[1].children.at(0).text, "b ");
  EXPECT_EQ(v[2].text, "c");
}

TEST(XmlWhitespace, TrailingSpaceInsideLastElementIsTrimmed) {
  std::vector<Inline> v = {text("a "), wrap(InlineKind::Strong, {text("b  ")}), text("\n  ")};
  normalize_inlines(v);
  ASSERT_EQ(v.size(), 2u);  // the whitespace-only run disappears
  EXPECT_EQ(v[1].children.at(0).text, "b");
}

TEST(XmlWhitespace, BreakDropsSurroundingSpace) {
  std::vector<Inline> v = {text("a  "), atom(InlineKind::Break), text("  b")};
  normalize_inlines(v);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].text, "a");
  EXPECT_EQ(v[2].text, "b");
}

TEST(XmlWhitespace, RefsAndNotesAreVisibleItems) {
  std::vector<Inline> v = {text("see "), atom(InlineKind::Ref), text(" and"),
                           wrap(InlineKind::Note, {text("  the   note  ")}), text(" next ")};
  normalize_inlines(v);
  ASSERT_EQ(v.size(), 5u);
  EXPECT_EQ(v[0].text, "see ");
  EXPECT_EQ(v[2].text, " and");
  EXPECT_EQ(v[3].children.at(0).text, "the note");
  EXPECT_EQ(v[4].text, " next");
}

TEST(XmlWhitespace, PreKeepsEverythingButTheFirstNewline) {
  EXPECT_EQ(pre_text("\n  a\n\n  b  \n"), "  a\n\n  b  \n");
  EXPECT_EQ(pre_text("x  y"), "x  y");
}

TEST(XmlWhitespace, ThroughTheParser) {
  const auto r = parse_text(in_section("<p>\n   One\t\ttwo\n <em> three </em>\xC2\xA0" "four  </p>\n"
                                       "<pre>\n  keep   this\n</pre>\n<p>   </p>"));
  const auto& blocks = r.doc.body.at(0).blocks;
  ASSERT_EQ(blocks.size(), 3u);
  const auto& p = blocks[0].inlines;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].text, "One two ");
  EXPECT_EQ(p[1].children.at(0).text, "three ");
  EXPECT_EQ(p[2].text, "\xC2\xA0" "four");
  EXPECT_EQ(blocks[1].text, "  keep   this\n");
  EXPECT_TRUE(blocks[2].inlines.empty());
  EXPECT_EQ(r.doc.body[0].title.at(0).text, "S");
}

}  // namespace
}  // namespace emnpub::xml::test
