// Schema refusals: libxml2 decides, the explainer names the problem in plain
// words, with the element's own line, column and path.
#include <filesystem>

#include "xml/compiled_schema.hpp"
#include "xml/safe_reader.hpp"
#include "xml/schema_explainer.hpp"
#include "xml_test_support.hpp"

namespace emnpub::xml::test {
namespace {

// By value: the vector is usually a temporary.
Diagnostic only(const std::vector<Diagnostic>& ds) {
  EXPECT_EQ(ds.size(), 1u) << all_messages(ds);
  return ds.empty() ? Diagnostic{} : ds[0];
}

TEST(XmlSchema, EmbeddedSchemaCompilesAndMatchesTheRepositoryFile) {
  const CompiledSchema& s = compiled_schema();
  ASSERT_NE(s.relaxng, nullptr) << s.error;
  EXPECT_FALSE(s.index.empty());
  EXPECT_EQ(publication_schema_text(),
            read_file(std::string(EMNPUB_SOURCE_DIR) + "/service/xml/schema/publication.rng"));
}

TEST(XmlSchema, IndexReadsRequirementsFromTheGrammar) {
  const SchemaIndex& index = compiled_schema().index;
  const ElementRule* root = index.rule("", "publication");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->required_attributes, (std::set<std::string>{"type", "version", "xml:lang"}));
  EXPECT_EQ(root->required_children, (std::set<std::string>{"body", "meta"}));
  const ElementRule* meta = index.rule("publication", "meta");
  ASSERT_NE(meta, nullptr);
  EXPECT_EQ(meta->required_children, (std::set<std::string>{"date", "title"}));
  const ElementRule* li = index.rule("ul", "li");
  ASSERT_NE(li, nullptr);
  EXPECT_TRUE(li->flow);
  const ElementRule* col = index.rule("colgroup", "col");
  ASSERT_NE(col, nullptr);
  ASSERT_NE(col->attribute("width"), nullptr);
  EXPECT_EQ(col->attribute("width")->type, "width.value");
  EXPECT_EQ(index.rule("p", "section"), nullptr);
}

TEST(XmlSchema, EveryElementAcceptsXmlLang) {
  const SchemaIndex& index = compiled_schema().index;
  EXPECT_GT(index.rules().size(), 60u);
  for (const auto& [key, rule] : index.rules())
    EXPECT_NE(rule.attribute("xml:lang"), nullptr) << "<" << key.second << "> in <" << key.first << ">";
}

TEST(XmlSchema, UnknownElementNamesParentAndAlternatives) {
  const auto& d = only(refusal_of_file("bad/unknown-element.xml"));
  EXPECT_EQ(d.kind, DiagKind::Schema);
  EXPECT_EQ(d.pos.line, 11);
  EXPECT_EQ(d.pos.column, 7);
  EXPECT_EQ(d.pos.path, "/publication/body/section/marquee");
  EXPECT_EQ(d.message.rfind("element 'marquee' is not allowed in <section>; expected one of: title, p, ul", 0), 0u)
      << d.message;
}

TEST(XmlSchema, UnknownAttributeListsAllowedOnes) {
  const auto& d = only(refusal_of_file("bad/unknown-attribute.xml"));
  EXPECT_EQ(d.kind, DiagKind::Schema);
  EXPECT_EQ(d.pos.line, 10);
  EXPECT_EQ(d.pos.column, 7);
  EXPECT_EQ(d.message, "attribute 'style' is not allowed on <p>; allowed: id, class, xml:lang, dir");
}

TEST(XmlSchema, MissingTitleAndDateAreNamed) {
  const auto& t = only(refusal_of_file("bad/missing-title.xml"));
  EXPECT_EQ(t.kind, DiagKind::Schema);
  EXPECT_EQ(t.message, "<meta> is missing <title>");
  EXPECT_EQ(t.pos.line, 3);
  EXPECT_EQ(t.pos.column, 3);
  EXPECT_EQ(t.pos.path, "/publication/meta");
  const auto& d = only(refusal_of_file("bad/missing-date.xml"));
  EXPECT_EQ(d.message, "<meta> is missing <date>");
}

TEST(XmlSchema, UnknownTypeListsTheFiveTypes) {
  const auto& d = only(refusal_of_file("bad/unknown-type.xml"));
  EXPECT_EQ(d.kind, DiagKind::Schema);
  EXPECT_EQ(d.pos.line, 2);
  EXPECT_EQ(d.message,
            "attribute type=\"pamphlet\" on <publication> must be one of: inform, bulletin, report, glossary, factsheet");
}

TEST(XmlSchema, SectionsNestAtMostFourLevels) {
  const auto& d = only(refusal_of_file("bad/section-too-deep.xml"));
  EXPECT_EQ(d.kind, DiagKind::Schema);
  EXPECT_EQ(d.pos.line, 13);
  EXPECT_NE(d.message.find("level 5"), std::string::npos) << d.message;
}

TEST(XmlSchema, MissingRequiredAttribute) {
  const auto& d = only(refusal(in_section("<figure><img src=\"a.png\"/></figure>")));
  EXPECT_EQ(d.message, "<img> is missing the required attribute 'alt'");
  EXPECT_EQ(d.pos.path, "/publication/body/section/figure/img");
}

TEST(XmlSchema, BadAttributeValueSaysWhatIsExpected) {
  const auto& d = only(refusal(in_section("<table><colgroup><col width=\"wide\"/></colgroup>"
                                          "<tbody><tr><td>x</td></tr></tbody></table>")));
  EXPECT_EQ(d.message, "attribute width=\"wide\" on <col> is not valid: expected a width such as 30%, 4cm, "
                       "20mm, 72pt or 1.5in");
}

TEST(XmlSchema, DateInTheWrongShape) {
  const std::string xml = "<publication type=\"report\" xml:lang=\"en\" version=\"1\"><meta><title>T</title>"
                          "<date>31/03/2026</date></meta><body><section><title>S</title></section></body></publication>";
  const auto& d = only(refusal(xml));
  EXPECT_EQ(d.kind, DiagKind::Schema);
  EXPECT_NE(d.message.find("YYYY-MM-DD"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("31/03/2026"), std::string::npos) << d.message;
}

TEST(XmlSchema, ListItemMayNotMixTextAndBlocks) {
  const auto& d = only(refusal(in_section("<ul><li>text <p>para</p></li></ul>")));
  EXPECT_NE(d.message.find("<li> mixes text and blocks"), std::string::npos) << d.message;
}

TEST(XmlSchema, NoteHoldsInlineContentOnly) {
  const auto& d = only(refusal(in_section("<p>a<note><p>b</p></note></p>")));
  EXPECT_EQ(d.message.rfind("element 'p' is not allowed in <note>", 0), 0u) << d.message;
}

TEST(XmlSchema, TextWhereOnlyElementsAreAllowed) {
  const auto& d = only(refusal(in_section("<ul>loose<li>x</li></ul>")));
  EXPECT_EQ(d.message, "text is not allowed directly in <ul>; put it inside one of: li");
}

TEST(XmlSchema, RepeatedSingleChild) {
  const auto& d = only(refusal(in_section("<figure><img src=\"a.png\" alt=\"\"/><img src=\"b.png\" alt=\"\"/></figure>")));
  EXPECT_EQ(d.message, "<figure> has more than one <img>");
}

TEST(XmlSchema, WrongOrderFallsBackToLibxml2WithPosition) {
  const auto& d = only(refusal(in_section("<table><tfoot><tr><td>x</td></tr></tfoot>"
                                          "<tbody><tr><td>y</td></tr></tbody></table>")));
  EXPECT_EQ(d.kind, DiagKind::Schema);
  EXPECT_EQ(d.message, "<tfoot> is not allowed at this point in <table>; check the order and number of its elements");
  EXPECT_EQ(d.pos.path, "/publication/body/section/table/tfoot");
  EXPECT_GT(d.pos.line, 0);
  EXPECT_GT(d.pos.column, 0);
}

TEST(XmlSchema, NamespacedElementsAreNotPartOfTheFormat) {
  const auto& d = only(refusal(in_section("<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>")));
  EXPECT_NE(d.message.find("uses no namespaces"), std::string::npos) << d.message;
  EXPECT_EQ(d.pos.path, "/publication/body/section/svg:svg");
}

TEST(XmlSchema, WrongRootElement) {
  const auto& d = only(refusal("<html><body/></html>"));
  EXPECT_EQ(d.message, "the root element must be <publication>, not <html>");
}

// The explainer must never invent a problem: on valid documents it is silent.
TEST(XmlSchema, ExplainerIsSilentOnValidDocuments) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(data_path("valid"))) files.push_back(e.path());
  for (const auto& e : std::filesystem::directory_iterator(std::string(EMNPUB_SOURCE_DIR) + "/samples"))
    if (e.path().extension() == ".xml") files.push_back(e.path());
  ASSERT_GE(files.size(), 5u);
  for (const auto& f : files) {
    Diagnostics diags;
    ParsedXml parsed = read_xml_safely(read_file(f), ParseOptions{}, diags);
    ASSERT_NE(parsed.doc, nullptr) << f << "\n" << all_messages(diags.list());
    Reporter report(f, parsed.map, diags);
    const ExplainResult r = explain_schema_violations(parsed.doc.get(), compiled_schema().index, report, {});
    EXPECT_EQ(r.reported, 0) << f << "\n" << all_messages(diags.list());
  }
}

}  // namespace
}  // namespace emnpub::xml::test
