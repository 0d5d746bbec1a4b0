// What the grammar cannot say: ids, references, real dates, known
// languages and countries, safe image sources and links.
#include "xml_test_support.hpp"

namespace emnpub::xml::test {
namespace {

// By value: the vector is usually a temporary.
Diagnostic only(const std::vector<Diagnostic>& ds) {
  EXPECT_EQ(ds.size(), 1u) << all_messages(ds);
  return ds.empty() ? Diagnostic{} : ds[0];
}

TEST(XmlSemantic, DuplicateIdPointsAtBothPlaces) {
  const auto& d = only(refusal_of_file("bad/duplicate-id.xml"));
  EXPECT_EQ(d.kind, DiagKind::Semantic);
  EXPECT_EQ(d.pos.line, 12);
  EXPECT_EQ(d.pos.column, 5);
  EXPECT_EQ(d.pos.path, "/publication/body/section[2]");
  EXPECT_EQ(d.message, "duplicate id \"sec-intro\": already used by <section> on line 8");
}

TEST(XmlSemantic, DanglingRefUsesTheSpecSentence) {
  const auto& d = only(refusal_of_file("bad/dangling-ref.xml"));
  EXPECT_EQ(d.kind, DiagKind::Semantic);
  EXPECT_EQ(d.message, "<ref target='s9'> points at no element with id 's9'");
  EXPECT_EQ(d.pos.line, 10);
  EXPECT_EQ(d.pos.column, 14);
  EXPECT_EQ(format_diagnostic(d),
            "bad/dangling-ref.xml:10:14: error: <ref target='s9'> points at no element with id 's9' "
            "(at /publication/body/section/p/ref)");
}

TEST(XmlSemantic, ImpossibleDateIsRefused) {
  const auto& d = only(refusal_of_file("bad/invalid-date.xml"));
  EXPECT_EQ(d.kind, DiagKind::Semantic);
  EXPECT_EQ(d.pos.line, 5);
  EXPECT_EQ(d.message, "invalid date \"2026-02-30\" in <date>: month 2 of 2026 has 28 days");
}

std::string with_date(const std::string& date) {
  return "<publication type=\"report\" xml:lang=\"en\" version=\"1\"><meta><title>T</title><date>" + date +
         "</date></meta><body><section><title>S</title></section></body></publication>";
}

TEST(XmlSemantic, LeapYearsFollowTheGregorianCalendar) {
  EXPECT_EQ(parse_text(with_date("2028-02-29")).doc.meta.date, "2028-02-29");
  EXPECT_EQ(parse_text(with_date("2000-02-29")).doc.meta.date, "2000-02-29");
  EXPECT_EQ(only(refusal(with_date("2100-02-29"))).kind, DiagKind::Semantic);
  EXPECT_EQ(only(refusal(with_date("2026-13-01"))).message, "invalid date \"2026-13-01\" in <date>: month 13 does not exist");
  EXPECT_EQ(only(refusal(with_date("2026-04-31"))).kind, DiagKind::Semantic);
}

TEST(XmlSemantic, PeriodAndItemDates) {
  const std::string period = "<publication type=\"bulletin\" xml:lang=\"en\" version=\"1\"><meta><title>T</title>"
                             "<date>2026-01-01</date><period from=\"2026-03-31\" to=\"2026-01-01\"/></meta>"
                             "<body><section><title>S</title></section></body></publication>";
  EXPECT_EQ(only(refusal(period)).message, "<period> ends (2026-01-01) before it starts (2026-03-31)");
  const auto& item = only(refusal(in_section("<item country=\"BE\" date=\"2026-02-31\"><title>x</title></item>", "bulletin")));
  EXPECT_EQ(item.message, "invalid date \"2026-02-31\" in date on <item>: month 2 of 2026 has 28 days");
  EXPECT_EQ(item.pos.path, "/publication/body/section/item");
}

TEST(XmlSemantic, UnknownLanguageIsRefused) {
  const auto& d = only(refusal_of_file("bad/unknown-language.xml"));
  EXPECT_EQ(d.kind, DiagKind::Semantic);
  EXPECT_EQ(d.pos.line, 10);
  EXPECT_EQ(d.pos.column, 19);
  EXPECT_NE(d.message.find("unknown language \"xx\""), std::string::npos) << d.message;
}

TEST(XmlSemantic, LanguageTagsAreBcp47WithAnIso639Primary) {
  for (const char* ok : {"pt-BR", "sr-Latn", "nl-BE", "EN", "zh-Hant-TW"})
    EXPECT_NO_THROW(parse_text(in_section(std::string("<p xml:lang=\"") + ok + "\">x</p>"))) << ok;
  EXPECT_EQ(only(refusal(in_section("<p xml:lang=\"fil\">x</p>"))).kind, DiagKind::Semantic);
  EXPECT_EQ(only(refusal(in_section("<p xml:lang=\"english\">x</p>"))).kind, DiagKind::Schema);
}

TEST(XmlSemantic, UnsupportedVersionIsReportedOnce) {
  const auto& d = only(refusal_of_file("bad/unsupported-version.xml"));
  EXPECT_EQ(d.kind, DiagKind::Semantic);
  EXPECT_EQ(d.message, "unsupported version=\"2\": this service reads version=\"1\" publications");
}

TEST(XmlSemantic, ImageSourcesStayInsideTheAssetsRoot) {
  const auto& abs = only(refusal_of_file("bad/image-absolute-path.xml"));
  EXPECT_EQ(abs.kind, DiagKind::Semantic);
  EXPECT_NE(abs.message.find("absolute path"), std::string::npos);
  EXPECT_NE(only(refusal_of_file("bad/image-parent-escape.xml")).message.find("'..'"), std::string::npos);
  EXPECT_NE(only(refusal_of_file("bad/image-remote-url.xml")).message.find("URL scheme"), std::string::npos);
  for (const char* bad : {"file:///etc/passwd", "C:/images/a.png", "figures\\a.png", "..", "a/../../b.png",
                          "data:image/gif;base64,R0lGODlhAQABAAAAACw=", "data:image/png;base64,/9j/4AAQ",
                          "data:image/png;base64,iVBO!!!", "data:image/png,rawdata"}) {
    const auto ds = refusal(in_section(std::string("<figure><img src=\"") + bad + "\" alt=\"\"/></figure>"));
    ASSERT_EQ(ds.size(), 1u) << bad << "\n" << all_messages(ds);
    EXPECT_EQ(ds[0].kind, DiagKind::Semantic) << bad;
    EXPECT_EQ(ds[0].pos.path, "/publication/body/section/figure/img");
  }
  for (const char* ok : {"figures/a.png", "./a.jpg", "a..b.png", "data:image/jpeg;base64,/9j/4AAQSkZJRg=="})
    EXPECT_NO_THROW(parse_text(in_section(std::string("<figure><img src=\"") + ok + "\" alt=\"\"/></figure>")))
        << ok;
}

TEST(XmlSemantic, LinksAreWebOrMail) {
  EXPECT_NO_THROW(parse_text(in_section("<p><a href=\"mailto:emn@ibz.fgov.be\">m</a><a href=\"HTTPS://x.eu\">w</a></p>")));
  const auto& d = only(refusal(in_section("<p><a href=\"javascript:alert(1)\">x</a></p>")));
  EXPECT_EQ(d.kind, DiagKind::Semantic);
  EXPECT_NE(d.message.find("https://"), std::string::npos);
}

TEST(XmlSemantic, NoteInsideNote) {
  const auto& d = only(refusal(in_section("<p>a<note>b<em><note>c</note></em></note></p>")));
  EXPECT_EQ(d.message, "a <note> cannot contain another <note>");
  EXPECT_EQ(d.pos.path, "/publication/body/section/p/note/em/note");
}

TEST(XmlSemantic, EmptyMetaTitle) {
  const std::string xml = "<publication type=\"report\" xml:lang=\"en\" version=\"1\"><meta><title> <em> </em> </title>"
                          "<date>2026-01-01</date></meta><body><section><title>S</title></section></body></publication>";
  EXPECT_EQ(only(refusal(xml)).message, "<meta> has an empty <title>: every publication needs a title");
}

TEST(XmlSemantic, UnknownCountry) {
  const auto& d = only(refusal(in_section("<item country=\"ZZ\"><title>x</title></item>", "bulletin")));
  EXPECT_NE(d.message.find("unknown country code \"ZZ\""), std::string::npos);
  EXPECT_NO_THROW(parse_text(in_section("<item country=\"EL\"><title>x</title></item>", "bulletin")));
}

std::string glossary(const std::string& entries) {
  return "<publication type=\"glossary\" xml:lang=\"en\" version=\"1\"><meta><title>G</title><date>2026-01-01</date>"
         "</meta><summary><p id=\"intro\">x</p></summary><body>" + entries + "</body></publication>";
}

TEST(XmlSemantic, RelatedMustPointAtAnEntry) {
  const auto& missing = only(refusal(glossary("<entry id=\"a\"><term>a</term><related ref=\"zz\"/></entry>")));
  EXPECT_EQ(missing.message, "<related ref='zz'> points at no glossary entry with id 'zz'");
  const auto& wrong = only(refusal(glossary("<entry id=\"a\"><term>a</term><related ref=\"intro\"/></entry>")));
  EXPECT_EQ(wrong.message, "<related ref='intro'> points at a <p>, not at a glossary <entry>");
}

// The grammar allows either in <body>; the check against the type is semantic.
TEST(XmlSemantic, GlossaryBodyHoldsEntriesAndOthersHoldSections) {
  const auto& g = only(refusal(in_section("<p>x</p>", "glossary")));
  EXPECT_EQ(g.kind, DiagKind::Semantic);
  EXPECT_EQ(g.message, "the <body> of a glossary holds <entry> elements, not <section>");
  EXPECT_EQ(g.pos.path, "/publication/body/section");
  const std::string report_with_entry =
      "<publication type=\"report\" xml:lang=\"en\" version=\"1\"><meta><title>T</title><date>2026-01-01</date>"
      "</meta><body><entry id=\"e\"><term>t</term></entry></body></publication>";
  const auto& r = only(refusal(report_with_entry));
  EXPECT_NE(r.message.find("<entry> belongs in a glossary"), std::string::npos) << r.message;
}

TEST(XmlSemantic, EveryProblemIsReportedSortedByPosition) {
  const std::string xml = in_section(
      "<p>See <ref target=\"nowhere\"/>.</p>\n"
      "<blink>x</blink>\n"
      "<p id=\"s1\">duplicate of the section id</p>");
  const auto ds = refusal(xml);
  ASSERT_EQ(ds.size(), 3u) << all_messages(ds);
  EXPECT_EQ(ds[0].kind, DiagKind::Semantic);  // dangling ref, line 4
  EXPECT_EQ(ds[1].kind, DiagKind::Schema);    // unknown element, line 5
  EXPECT_EQ(ds[2].kind, DiagKind::Semantic);  // duplicate id, line 6
  EXPECT_LT(ds[0].pos.line, ds[1].pos.line);
  EXPECT_LT(ds[1].pos.line, ds[2].pos.line);
}

TEST(XmlSemantic, ReportIsCappedAtAHundredProblems) {
  std::string body;
  for (int i = 0; i < 150; ++i) body += "<p><ref target=\"missing" + std::to_string(i) + "\"/></p>\n";
  const auto ds = refusal(in_section(body));
  ASSERT_EQ(ds.size(), 101u);
  EXPECT_EQ(ds.back().kind, DiagKind::Limit);
  EXPECT_NE(ds.back().message.find("50 more problems"), std::string::npos) << ds.back().message;
}

}  // namespace
}  // namespace emnpub::xml::test
