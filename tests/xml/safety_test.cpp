// Hostile and broken input: each is refused with a located message of the
// right kind, quickly, and nothing from local files ever reaches a message.
#include <chrono>
#include <random>

#include "xml_test_support.hpp"

namespace emnpub::xml::test {
namespace {

void expect_located(const Diagnostic& d) {
  EXPECT_GT(d.pos.line, 0) << format_diagnostic(d);
  EXPECT_GT(d.pos.column, 0) << format_diagnostic(d);
}

void expect_no_local_file_content(const std::vector<Diagnostic>& ds) {
  const std::string all = all_messages(ds);
  EXPECT_EQ(all.find("root:"), std::string::npos) << all;
  EXPECT_EQ(all.find("/bin/"), std::string::npos) << all;
  EXPECT_EQ(all.find("nologin"), std::string::npos) << all;
}

TEST(XmlSafety, EmptyInputIsNotXml) {
  const auto ds = refusal_of_file("bad/empty.xml");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::NotXml);
  EXPECT_EQ(ds[0].pos.line, 1);
  EXPECT_EQ(ds[0].pos.column, 1);
  EXPECT_NE(ds[0].message.find("empty"), std::string::npos);
  EXPECT_EQ(ds[0].file, "bad/empty.xml");
}

TEST(XmlSafety, WhitespaceOnlyInputIsNotXml) {
  const auto ds = refusal("  \n\t\n");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::NotXml);
  expect_located(ds[0]);
}

TEST(XmlSafety, BinaryFileIsNotXml) {
  const auto ds = refusal_of_file("bad/binary.xml");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::NotXml);
  expect_located(ds[0]);
  EXPECT_NE(ds[0].message.find("binary"), std::string::npos) << ds[0].message;
}

TEST(XmlSafety, RandomBytesAreNotXml) {
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    std::string junk(512, '\0');
    for (char& c : junk) c = static_cast<char>(rng() % 255 + 1);  // no NUL: exercises libxml2's own refusal
    const auto ds = refusal(junk);
    ASSERT_FALSE(ds.empty());
    EXPECT_EQ(ds[0].kind, DiagKind::NotXml) << format_diagnostic(ds[0]);
    expect_located(ds[0]);
  }
}

TEST(XmlSafety, InvalidUtf8IsNotXmlWithPosition) {
  const auto ds = refusal_of_file("bad/invalid-utf8.xml");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::NotXml);
  EXPECT_EQ(ds[0].pos.line, 10);
  EXPECT_GT(ds[0].pos.column, 1);
  EXPECT_NE(ds[0].message.find("UTF-8"), std::string::npos) << ds[0].message;
}

TEST(XmlSafety, TruncatedDocumentIsNotXml) {
  const auto ds = refusal_of_file("bad/truncated.xml");
  ASSERT_EQ(ds.size(), 1u) << all_messages(ds);
  EXPECT_EQ(ds[0].kind, DiagKind::NotXml);
  EXPECT_EQ(ds[0].pos.line, 11);
  EXPECT_GT(ds[0].pos.column, 0);
  EXPECT_NE(ds[0].message.find("truncated"), std::string::npos) << ds[0].message;
  EXPECT_EQ(ds[0].pos.path, "/publication/body/section/p[2]");
}

TEST(XmlSafety, MismatchedTagIsNotXml) {
  const auto ds = refusal_of_file("bad/malformed.xml");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::NotXml);
  EXPECT_EQ(ds[0].pos.line, 10);
  EXPECT_GT(ds[0].pos.column, 0);
  EXPECT_NE(ds[0].message.find("</p>"), std::string::npos) << ds[0].message;
  EXPECT_NE(ds[0].message.find("<em>"), std::string::npos) << ds[0].message;
}

TEST(XmlSafety, UndefinedEntityIsNotXml) {
  const auto ds = refusal(in_section("<p>&nbsp;</p>"));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::NotXml);
  EXPECT_NE(ds[0].message.find("&nbsp;"), std::string::npos) << ds[0].message;
}

TEST(XmlSafety, BillionLaughsIsRefusedBeforeAnyExpansion) {
  const auto start = std::chrono::steady_clock::now();
  const auto ds = refusal_of_file("bad/billion-laughs.xml");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ASSERT_EQ(ds.size(), 1u) << all_messages(ds);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
  EXPECT_EQ(ds[0].message, "DOCTYPE declarations are not allowed: the format has no DTD");
  EXPECT_EQ(ds[0].pos.line, 2);
  EXPECT_EQ(ds[0].pos.column, 1);
  EXPECT_EQ(all_messages(ds).find("lollol"), std::string::npos);
}

TEST(XmlSafety, ExternalEntityIsRefusedAndNeverRead) {
  const auto ds = refusal_of_file("bad/external-entity.xml");
  ASSERT_EQ(ds.size(), 1u) << all_messages(ds);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
  EXPECT_NE(ds[0].message.find("DOCTYPE"), std::string::npos);
  expect_located(ds[0]);
  expect_no_local_file_content(ds);
}

TEST(XmlSafety, ExternalDtdIsRefused) {
  const auto ds = refusal_of_file("bad/external-dtd.xml");
  ASSERT_EQ(ds.size(), 1u) << all_messages(ds);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
  expect_no_local_file_content(ds);
}

TEST(XmlSafety, XIncludeIsRefusedAndNeverRead) {
  const auto ds = refusal_of_file("bad/xinclude.xml");
  ASSERT_EQ(ds.size(), 1u) << all_messages(ds);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
  EXPECT_NE(ds[0].message.find("XInclude"), std::string::npos);
  EXPECT_EQ(ds[0].pos.line, 11);
  EXPECT_EQ(ds[0].pos.column, 7);
  EXPECT_EQ(ds[0].pos.path, "/publication/body/section/xi:include");
  expect_no_local_file_content(ds);
}

TEST(XmlSafety, DeepNestingFileIsRefusedWithItsOwnMessage) {
  const auto start = std::chrono::steady_clock::now();
  const auto ds = refusal_of_file("bad/deep-nesting.xml");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ASSERT_EQ(ds.size(), 1u) << all_messages(ds);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
  EXPECT_NE(ds[0].message.find("nested more than 256"), std::string::npos) << ds[0].message;
  // The 257th open element: 4 levels to <p>, then the 253rd <em> on line 10.
  EXPECT_EQ(ds[0].pos.line, 10);
  EXPECT_EQ(ds[0].pos.column, 10 + 4 * 252);
}

std::string nested(int depth) {
  // publication/body/section/p is 4 levels; the rest are <em>.
  const int ems = depth - 4;
  std::string inner;
  for (int i = 0; i < ems; ++i) inner += "<em>";
  inner += "x";
  for (int i = 0; i < ems; ++i) inner += "</em>";
  return "<publication type=\"report\" xml:lang=\"en\" version=\"1\"><meta><title>T</title><date>2026-01-01</date>"
         "</meta><body><section><title>S</title><p>" + inner + "</p></section></body></publication>";
}

TEST(XmlSafety, HugeNestingFinishesFastWithoutStackOverflow) {
  const std::string doc = nested(100000);
  const auto start = std::chrono::steady_clock::now();
  const auto ds = refusal(doc);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
  EXPECT_EQ(ds[0].pos.line, 1);
  EXPECT_GT(ds[0].pos.column, 1);
}

TEST(XmlSafety, DepthLimitIsExact) {
  EXPECT_NO_THROW(parse_text(nested(256)));
  const auto ds = refusal(nested(257));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
}

TEST(XmlSafety, DepthLimitFollowsOptions) {
  ParseOptions opts;
  opts.max_depth = 8;
  EXPECT_NO_THROW(parse_publication(nested(8), opts));
  const auto ds = refusal(nested(9), opts);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_NE(ds[0].message.find("limit is 8"), std::string::npos) << ds[0].message;
}

TEST(XmlSafety, Libxml2sOwnDepthCapStillApplies) {
  ParseOptions opts;
  opts.max_depth = 1000;  // above libxml2's 256: its own cap answers, with our message
  const auto ds = refusal(nested(300), opts);
  ASSERT_EQ(ds.size(), 1u) << all_messages(ds);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
  EXPECT_NE(ds[0].message.find("limit is 256"), std::string::npos) << ds[0].message;
}

TEST(XmlSafety, SizeLimitIsEnforcedBeforeParsing) {
  ParseOptions opts;
  opts.max_bytes = 100;
  const auto ds = refusal(in_section("<p>long enough to pass one hundred bytes</p>"), opts);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
  EXPECT_NE(ds[0].message.find("limit is 100 bytes"), std::string::npos) << ds[0].message;
}

TEST(XmlSafety, HugeAttributeValueHitsLibxml2sCap) {
  const std::string src = "data:image/png;base64," + std::string(10'100'000, 'A');
  const auto ds = refusal(in_section("<figure><img alt=\"\" src=\"" + src + "\"/></figure>"));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].kind, DiagKind::Forbidden);
  EXPECT_EQ(ds[0].pos.line, 4);
  EXPECT_NE(ds[0].message.find("10000000 bytes"), std::string::npos) << ds[0].message;
}

TEST(XmlSafety, ProcessingInstructionsAndCommentsAreIgnoredAndNothingIsFetched) {
  const std::string xml = "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"http://127.0.0.1:9/x.xsl\"?>\n" +
                          in_section("<!-- comment --><p>a<![CDATA[ <b> ]]>c</p>");
  const auto r = parse_text(xml);
  ASSERT_EQ(r.doc.body.size(), 1u);
  ASSERT_EQ(r.doc.body[0].blocks.size(), 1u);
  EXPECT_EQ(model::plain_text(r.doc.body[0].blocks[0].inlines), "a <b> c");
}

TEST(XmlSafety, Utf16WithBomIsReadAsText) {
  const std::string utf8 = in_section("<p>Brussels</p>");
  std::string utf16 = "\xFF\xFE";  // UTF-16LE BOM; the document is ASCII
  for (char c : utf8) {
    utf16 += c;
    utf16 += '\0';
  }
  const auto r = parse_text(utf16);
  ASSERT_EQ(r.doc.body.size(), 1u);
  EXPECT_EQ(model::plain_text(r.doc.body[0].blocks[0].inlines), "Brussels");
}

TEST(XmlSafety, DeclaredLatin1IsConvertedToUtf8) {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + in_section("<p>Li\xE8ge</p>");
  const auto r = parse_text(xml);
  EXPECT_EQ(model::plain_text(r.doc.body[0].blocks[0].inlines), "Li\xC3\xA8ge");
}

}  // namespace
}  // namespace emnpub::xml::test

namespace emnpub::xml::test {
namespace {

TEST(XmlSafety, ParserWarningsAreReturnedNotFatal) {
  const auto r = parse_text("<?xml version=\"1.5\"?>\n" + in_section("<p>w</p>"));
  ASSERT_EQ(r.warnings.list().size(), 1u);
  const Diagnostic& w = r.warnings.list().front();
  EXPECT_EQ(w.severity, Severity::Warning);
  EXPECT_EQ(w.kind, DiagKind::NotXml);
  EXPECT_EQ(w.pos.line, 1);
  EXPECT_GT(w.pos.column, 0);
  EXPECT_NE(w.message.find("1.5"), std::string::npos);
  EXPECT_FALSE(r.warnings.has_errors());
}

TEST(XmlSafety, ParserWarningsAreCapped) {
  std::string body;
  for (int i = 0; i < 50; ++i) body += "<p xmlns=\"relative/uri\">w</p>";  // one warning each
  const auto ds = refusal(in_section(body));
  int warnings = 0;
  for (const auto& d : ds) warnings += d.severity == Severity::Warning;
  EXPECT_EQ(warnings, 20);
}

}  // namespace
}  // namespace emnpub::xml::test
