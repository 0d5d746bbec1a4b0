// The small value checkers behind the messages: calendar, widths, code
// tables, image sources and the schema's named value types.
#include "xml/calendar.hpp"
#include "xml/image_source.hpp"
#include "xml/iso_codes.hpp"
#include "xml/lengths.hpp"
#include "xml/value_types.hpp"
#include "xml_test_support.hpp"

namespace emnpub::xml::test {
namespace {

TEST(XmlValues, Calendar) {
  CivilDate d;
  std::string why;
  ASSERT_TRUE(parse_iso_date(" 2026-03-31 ", d, why));
  EXPECT_EQ(d, (CivilDate{2026, 3, 31}));
  EXPECT_FALSE(parse_iso_date("2026-02-29", d, why));
  EXPECT_EQ(why, "month 2 of 2026 has 28 days");
  EXPECT_TRUE(parse_iso_date("2024-02-29", d, why));
  EXPECT_FALSE(parse_iso_date("1900-02-29", d, why));
  EXPECT_FALSE(parse_iso_date("2026-00-10", d, why));
  EXPECT_FALSE(parse_iso_date("2026-1-10", d, why));
  EXPECT_FALSE(parse_iso_date("0000-01-01", d, why));
  EXPECT_LT((CivilDate{2025, 12, 31}), (CivilDate{2026, 1, 1}));
}

TEST(XmlValues, Widths) {
  EXPECT_DOUBLE_EQ(*parse_width("30%").percent, 30);
  EXPECT_DOUBLE_EQ(*parse_width("72pt").points, 72);
  EXPECT_NEAR(*parse_width("20mm").points, 56.6929, 1e-4);
  EXPECT_NEAR(*parse_width("4cm").points, 113.3858, 1e-4);
  EXPECT_DOUBLE_EQ(*parse_width("1.5in").points, 108);
  EXPECT_FALSE(parse_width("").percent);
  EXPECT_FALSE(parse_width("12px").points);
  EXPECT_FALSE(parse_width("wide").percent);
}

TEST(XmlValues, CodeTables) {
  for (const char* c : {"en", "fr", "nl", "de", "bg", "el", "ar", "fa", "uk", "zu", "aa"}) EXPECT_TRUE(is_iso639_1(c)) << c;
  for (const char* c : {"xx", "qq", "eng", "e", ""}) EXPECT_FALSE(is_iso639_1(c)) << c;
  EXPECT_FALSE(is_iso639_1("n "));  // only whole table entries match
  for (const char* c : {"BE", "FR", "EU", "EL", "UK", "ZW", "AD"}) EXPECT_TRUE(is_country_code(c)) << c;
  for (const char* c : {"ZZ", "be", "B"}) EXPECT_FALSE(is_country_code(c)) << c;
  EXPECT_EQ(primary_language("PT-br"), "pt");
  EXPECT_EQ(canonical_language_tag("EN"), "en");
  EXPECT_EQ(canonical_language_tag("pt-br"), "pt-BR");
  EXPECT_EQ(canonical_language_tag("SR-LATN-rs"), "sr-Latn-RS");
  EXPECT_EQ(canonical_language_tag("es-419"), "es-419");
}

TEST(XmlValues, ImageSources) {
  EXPECT_EQ(check_image_source("figures/a.png"), "");
  EXPECT_NE(check_image_source("/abs.png"), "");
  EXPECT_NE(check_image_source("a/../../b.png"), "");
  EXPECT_NE(check_image_source("http://x/a.png"), "");
  EXPECT_NE(check_image_source(""), "");
  // Wrapped base64 is fine: whitespace is not significant in a data: URI.
  EXPECT_EQ(check_image_source("data:image/png;base64,iVBORw0K\n  GgoAAAANSUhEUg=="), "");
  EXPECT_EQ(strip_data_uri_spaces("data:image/png;base64,iVBO Rw0K\n"), "data:image/png;base64,iVBORw0K");
  EXPECT_NE(check_image_source("data:image/png;base64,iVBORw0KGgoAAAANSUhEUg===="), "");
  EXPECT_NE(check_image_source("data:image/png;base64,"), "");
}

TEST(XmlValues, NamedValueTypesFollowTheSchemaPatterns) {
  EXPECT_TRUE(value_matches("lang.value", "zh-Hant-TW"));
  EXPECT_FALSE(value_matches("lang.value", "e"));
  EXPECT_FALSE(value_matches("lang.value", "en-"));
  EXPECT_FALSE(value_matches("lang.value", "en-abcdefghi"));
  EXPECT_TRUE(value_matches("id.value", " sec-1.2_a "));
  EXPECT_TRUE(value_matches("id.value", "\xC3\xA9t\xC3\xA9"));
  EXPECT_FALSE(value_matches("id.value", "1st"));
  EXPECT_FALSE(value_matches("id.value", "a:b"));
  EXPECT_TRUE(value_matches("span.value", "+3"));
  EXPECT_FALSE(value_matches("span.value", "0"));
  EXPECT_FALSE(value_matches("span.value", "1001"));
  EXPECT_TRUE(value_matches("start.value", "0"));
  EXPECT_FALSE(value_matches("start.value", "-1"));
  EXPECT_TRUE(value_matches("decimal.value", "-.5"));
  EXPECT_FALSE(value_matches("decimal.value", "1e3"));
  EXPECT_TRUE(value_matches("width.value", "12.5%"));
  EXPECT_FALSE(value_matches("width.value", "12.%"));
  EXPECT_FALSE(value_matches("nonempty.value", ""));
  EXPECT_TRUE(value_matches("some.unknown.type", "anything"));
  EXPECT_EQ(describe_type("date.value"), "a date written YYYY-MM-DD, e.g. 2026-03-31");
}

}  // namespace
}  // namespace emnpub::xml::test
