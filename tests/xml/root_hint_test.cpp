// ParseOptions::on_root: the hint the engine uses to load the layout, faces
// and hyphenation patterns while the schema validation runs.
#include <string>
#include <vector>

#include "xml_test_support.hpp"

namespace emnpub::xml {
namespace {

struct Seen {
  int calls = 0;
  std::string type, lang;
  std::vector<std::string> elements;
};

ParseOptions watching(Seen& seen) {
  ParseOptions opts;
  opts.source_name = "hint.xml";
  opts.on_root = [&seen](const RootHint& hint) {
    ++seen.calls;
    seen.type = hint.type;
    seen.lang = hint.lang;
    seen.elements.assign(hint.elements.begin(), hint.elements.end());
  };
  return opts;
}

TEST(RootHint, GivesTheRootTypeAndLanguageOfAValidDocument) {
  Seen seen;
  parse_publication(test::read_file(test::data_path("valid/report.xml")), watching(seen));
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.type, "report");
  EXPECT_EQ(seen.lang, "en");
}

// The element names let the engine load only the faces a document uses
// (no italic face for a document without <em>): each name once, in
// document order, at any depth, none from other namespaces.
TEST(RootHint, NamesEveryElementOnceAtAnyDepth) {
  Seen seen;
  test::refusal(R"(<publication type="inform" xml:lang="en" xmlns:x="urn:x">)"
                R"(<body><section><p>a <em>b <strong>c</strong></em></p><x:q/><p/></section></body>)"
                R"(<back><p>d</p></back></publication>)",
                watching(seen));
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.elements, (std::vector<std::string>{"publication", "body", "section", "p", "em", "strong", "back"}));
  RootHint h;
  h.elements = {"p", "em"};
  EXPECT_TRUE(h.has("em"));
  EXPECT_FALSE(h.has("strong"));
}

TEST(RootHint, ComesBeforeValidationSoAnInvalidDocumentStillGivesIt) {
  // Well-formed but invalid (unknown type, no metadata): the hint is what
  // was written, and the document is refused all the same.
  Seen seen;
  const auto problems = test::refusal(R"(<publication type="leaflet" xml:lang="de-AT"/>)", watching(seen));
  EXPECT_FALSE(problems.empty());
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.type, "leaflet");
  EXPECT_EQ(seen.lang, "de-AT");
}

TEST(RootHint, IsEmptyForMissingAttributesAndAbsentForMalformedInput) {
  Seen seen;
  test::refusal("<publication/>", watching(seen));
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.type, "");
  EXPECT_EQ(seen.lang, "");

  Seen none;
  test::refusal(R"(<publication type="inform" xml:lang="nl">)", watching(none));  // truncated
  EXPECT_EQ(none.calls, 0);
}

}  // namespace
}  // namespace emnpub::xml
