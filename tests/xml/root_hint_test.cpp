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
};

ParseOptions watching(Seen& seen) {
  ParseOptions opts;
  opts.source_name = "hint.xml";
  opts.on_root = [&seen](std::string_view type, std::string_view lang) {
    ++seen.calls;
    seen.type = type;
    seen.lang = lang;
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
