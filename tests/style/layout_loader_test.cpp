// Layout-file language tests: the shipped layouts load and cascade as
// designed, every kind of mistake is refused with a located message that
// names the property and what is allowed, and the value parsers read the
// units and colour forms docs/layouts.md promises.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "support/temp_dir.hpp"
#include "style/layout.hpp"
#include "style/style_properties.hpp"
#include "style/value_parsers.hpp"

namespace emnpub::style {
namespace {

namespace fs = std::filesystem;

const std::string kLayouts = std::string(EMNPUB_SOURCE_DIR) + "/layouts/";

// ---------------------------------------------------------------- helpers

using test_support::TempDir;

// A small brand file most synthetic layouts build on.
const char* kBrand =
    "<brand name=\"test\">\n"
    "  <color name=\"blue\" value=\"#0000FF\"/>\n"
    "  <color name=\"eu-blue\" value=\"#003399\"/>\n"
    "  <font-role name=\"body\" family=\"Noto Serif\"/>\n"
    "  <font-role name=\"heading\" family=\"Noto Sans\"/>\n"
    "  <style match=\"body\" font=\"body\" size=\"10pt\" leading=\"14pt\" color=\"#111111\"/>\n"
    "  <style match=\"heading\" font=\"heading\" weight=\"bold\" color=\"blue\"/>\n"
    "  <style match=\"heading\" level=\"1\" size=\"15pt\" leading=\"19pt\"/>\n"
    "  <style match=\"heading\" level=\"2\" size=\"12pt\"/>\n"
    "</brand>\n";

// Writes brand.xml and a layout file with the given body lines.
std::string layout_with(const TempDir& dir, const std::string& body, const std::string& name = "test.xml") {
  dir.write("brand.xml", kBrand);
  return dir.write(name, "<layout name=\"test\" brand=\"brand.xml\">\n" + body + "</layout>\n");
}

Diagnostics refusal_of(const std::string& path) {
  try {
    load_layout(path);
  } catch (const DocumentRefused& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << path << " was accepted but should have been refused";
  return {};
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// 1-based column of `needle` on 1-based `line` of `text` (0 if absent), so
// expected positions are read off the test's own file text.
int column_of(const std::string& text, int line, const std::string& needle) {
  std::istringstream in(text);
  std::string l;
  for (int i = 1; std::getline(in, l); ++i)
    if (i == line) {
      const auto p = l.find(needle);
      return p == std::string::npos ? 0 : static_cast<int>(p) + 1;
    }
  return 0;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Expects exactly one diagnostic, an error at file:line:col; returns its message.
std::string one_error_at(const Diagnostics& d, const std::string& file, int line, int col) {
  if (d.list().size() != 1) {
    std::string all;
    for (const auto& x : d.list()) all += "\n  " + format_diagnostic(x);
    ADD_FAILURE() << "expected exactly one diagnostic, got " << d.list().size() << ":" << all;
  }
  if (d.list().empty()) return {};
  const Diagnostic& x = d.list().front();
  EXPECT_EQ(x.severity, Severity::Error);
  EXPECT_EQ(x.file, file);
  EXPECT_EQ(x.pos.line, line) << format_diagnostic(x);
  EXPECT_EQ(x.pos.column, col) << format_diagnostic(x);
  return x.message;
}

Selector sel(const std::string& element, const std::string& cls = "", const std::string& type = "",
             const std::string& lang = "en", int level = 0) {
  return Selector{element, cls, type, lang, level};
}

void expect_length(Fixed actual, double pt) { EXPECT_NEAR(static_cast<double>(actual), pt * kPt, 1.0) << to_pt(actual) << "pt"; }

Color rgb(unsigned v) { return Color{uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)}; }

// ------------------------------------------------------- shipped layouts

TEST(ShippedLayouts, AllLoadWithTheSharedBrandFile) {
  for (const char* name : {"inform", "bulletin", "report"}) {
    SCOPED_TRACE(name);
    LayoutRef L;
    try {
      L = load_layout(kLayouts + name + ".xml");
    } catch (const DocumentRefused& e) {
      for (const auto& d : e.diagnostics().list()) ADD_FAILURE() << format_diagnostic(d);
      continue;
    }
    EXPECT_EQ(L->name, name);
    ASSERT_EQ(L->files.size(), 2u);
    EXPECT_EQ(fs::path(L->files[0]).lexically_normal(), fs::path(kLayouts + name + ".xml").lexically_normal());
    EXPECT_EQ(fs::path(L->files[1]).lexically_normal(), fs::path(kLayouts + "brand.xml").lexically_normal());
    // Brand colours and font roles are available to every layout.
    EXPECT_EQ(L->colors.at("eu-blue"), rgb(0x003399));
    EXPECT_EQ(L->colors.at("eu-yellow"), rgb(0xFFCC00));
    EXPECT_EQ(L->font_roles.at("body"), "Noto Serif");
    EXPECT_EQ(L->font_roles.at("heading"), "Noto Sans");
    EXPECT_EQ(L->font_roles.at("mono"), "DejaVu Sans Mono");
    // The brand's cover colours reach the cover band.
    EXPECT_EQ(L->cover.band_color, rgb(0x003399));
    EXPECT_EQ(L->cover.accent, rgb(0xFFCC00));
  }
}

TEST(ShippedLayouts, TheBandIsWordedInTheDocumentsLanguage) {
  for (const char* name : {"inform", "bulletin", "report"}) {
    SCOPED_TRACE(name);
    const auto L = load_layout(kLayouts + name + ".xml");
    EXPECT_EQ(L->cover.wording("en").tagline, "European Migration Network");
    EXPECT_EQ(L->cover.wording("en").contact_point, "Belgian Contact Point");
    EXPECT_EQ(L->cover.wording("fr").tagline, "Réseau européen des migrations");
    EXPECT_EQ(L->cover.wording("fr-BE").contact_point, "Point de contact belge");
    EXPECT_EQ(L->cover.wording("nl").tagline, "Europees Migratienetwerk");
    EXPECT_EQ(L->cover.wording("nl-BE").contact_point, "Belgisch Contactpunt");
    EXPECT_EQ(L->cover.wording("de").tagline, "Europäisches Migrationsnetzwerk");
    EXPECT_EQ(L->cover.wording("el").tagline, "European Migration Network");  // no masthead: the cover's
    EXPECT_EQ(L->cover.wording("fr").wordmark, "EMN");
  }
}

TEST(Masthead, RegionalMastheadsRefineTheLanguagesAndLayoutsRefineTheBrand) {
  TempDir dir;
  dir.write("brand.xml",
            "<brand name=\"b\">\n"
            "  <masthead lang=\"fr\" tagline=\"Réseau européen des migrations\" contact-point=\"Point de contact belge\"/>\n"
            "  <masthead lang=\"de\" tagline=\"Europäisches Migrationsnetzwerk\"/>\n"
            "</brand>\n");
  const std::string path = dir.write("t.xml",
            "<layout name=\"t\" brand=\"brand.xml\">\n"
            "  <cover tagline=\"Default tagline\" contact-point=\"Default point\" wordmark=\"W\"/>\n"
            "  <masthead lang=\"fr-CA\" contact-point=\"Point de contact canadien\"/>\n"
            "  <masthead lang=\"de\" wordmark=\"EMN-DE\"/>\n"
            "</layout>\n");
  const auto L = load_layout(path);
  const auto fr = L->cover.wording("fr");
  EXPECT_EQ(fr.wordmark, "W");
  EXPECT_EQ(fr.tagline, "Réseau européen des migrations");
  EXPECT_EQ(fr.contact_point, "Point de contact belge");
  // fr-CA sets only the contact point; the tagline is still French.
  const auto ca = L->cover.wording("fr-CA");
  EXPECT_EQ(ca.contact_point, "Point de contact canadien");
  EXPECT_EQ(ca.tagline, "Réseau européen des migrations");
  EXPECT_EQ(L->cover.wording("fr-CA-x-test").contact_point, "Point de contact canadien");
  EXPECT_EQ(L->cover.wording("fr-BE").contact_point, "Point de contact belge");
  EXPECT_EQ(L->cover.wording("FR-ca").contact_point, "Point de contact canadien");  // tags ignore case
  // "fr" is not a prefix of "fry" (Frisian): whole subtags only.
  EXPECT_EQ(L->cover.wording("fry").tagline, "Default tagline");
  // The layout's "de" masthead adds a wordmark to the brand's tagline.
  const auto de = L->cover.wording("de-AT");
  EXPECT_EQ(de.wordmark, "EMN-DE");
  EXPECT_EQ(de.tagline, "Europäisches Migrationsnetzwerk");
  EXPECT_EQ(de.contact_point, "Default point");
  EXPECT_EQ(L->cover.wording("").tagline, "Default tagline");
}

TEST(ShippedLayouts, PageGeometryAndFurniture) {
  const auto report = load_layout(kLayouts + "report.xml");
  EXPECT_TRUE(report->page.facing);
  expect_length(report->page.width, 210 * 72 / 25.4);
  expect_length(report->page.margin_inner, 26 * 72 / 25.4);
  expect_length(report->page.margin_outer, 22 * 72 / 25.4);
  EXPECT_EQ(report->page.columns, 1);
  ASSERT_TRUE(report->header.enabled);
  EXPECT_EQ(report->header.left, "{section}");
  EXPECT_EQ(report->header.right, "{title}");
  EXPECT_EQ(report->header.style_name, "header");
  EXPECT_TRUE(report->header.rule);
  EXPECT_FALSE(report->header.skip_first);
  expect_length(report->header.offset, 9 * 72 / 25.4);
  EXPECT_EQ(report->footer.left, "{page}");
  EXPECT_TRUE(report->cover.own_page);
  expect_length(report->cover.band_height, 42 * 72 / 25.4);

  const auto bulletin = load_layout(kLayouts + "bulletin.xml");
  EXPECT_FALSE(bulletin->page.facing);
  EXPECT_EQ(bulletin->page.columns, 2);
  expect_length(bulletin->page.column_gap, 7 * 72 / 25.4);
  EXPECT_TRUE(bulletin->header.skip_first);
  EXPECT_EQ(bulletin->footer.center, "{page}");
  EXPECT_FALSE(bulletin->footer.skip_first);

  const auto inform = load_layout(kLayouts + "inform.xml");
  EXPECT_FALSE(inform->header.enabled);  // no <header> element
  ASSERT_TRUE(inform->footer.enabled);
  EXPECT_EQ(inform->footer.right, "{page} / {pages}");
  EXPECT_EQ(inform->footer.center, "");
  EXPECT_FALSE(inform->cover.own_page);
}

TEST(ShippedLayouts, LineBreakingTunablesAndDefaults) {
  const auto bulletin = load_layout(kLayouts + "bulletin.xml");
  EXPECT_EQ(bulletin->breaking.tolerance, 300);
  EXPECT_EQ(bulletin->breaking.pretolerance, 100);
  EXPECT_EQ(bulletin->breaking.hyphen_penalty, 50);
  // Not written in the file: the documented defaults.
  EXPECT_EQ(bulletin->breaking.line_penalty, 10);
  EXPECT_EQ(bulletin->breaking.double_hyphen_demerits, 10000);
  EXPECT_EQ(bulletin->breaking.final_hyphen_demerits, 5000);
  EXPECT_EQ(bulletin->breaking.adj_demerits, 10000);
  EXPECT_EQ(bulletin->breaking.looseness, 0);
  EXPECT_EQ(bulletin->breaking.emergency_stretch, 0);
  EXPECT_EQ(bulletin->breaking.min_word, 5);
  EXPECT_EQ(bulletin->breaking.min_last_line, 15);
  EXPECT_EQ(bulletin->breaking.short_last_line_demerits, 10000);
  EXPECT_EQ(load_layout(kLayouts + "report.xml")->breaking.tolerance, 200);
}

TEST(ShippedLayouts, ReportHeadingLevelOneOverridesTheBrand) {
  const auto L = load_layout(kLayouts + "report.xml");
  const BlockStyle h1 = L->block(sel("heading", "", "", "en", 1));
  expect_length(h1.font.size, 18);         // report.xml, not brand.xml's 15pt
  expect_length(h1.leading, 23);
  expect_length(h1.space_before, 0);       // report.xml sets 0pt over the brand's 16pt
  expect_length(h1.space_after, 14);
  EXPECT_TRUE(h1.page_break_before);
  // Everything report.xml does not say comes from brand.xml.
  EXPECT_EQ(h1.font.family, "Noto Sans");
  EXPECT_EQ(h1.font.weight, 700);
  EXPECT_EQ(h1.color, rgb(0x003399));
  EXPECT_EQ(h1.align, text::Align::Start);
  EXPECT_FALSE(h1.hyphenate);
  EXPECT_TRUE(h1.balance);                 // wrapped headings balance their lines
  EXPECT_TRUE(h1.hang_number);             // and continue under the title, not the number
  EXPECT_FALSE(L->block(sel("p")).balance);
  EXPECT_EQ(h1.numbering, "1.1");

  const BlockStyle h2 = L->block(sel("heading", "", "", "en", 2));
  expect_length(h2.font.size, 12);         // brand.xml
  EXPECT_FALSE(h2.page_break_before);

  const BlockStyle annex = L->block(sel("heading", "", "annex", "en", 1));
  expect_length(annex.font.size, 18);
  EXPECT_TRUE(annex.page_break_before);

  // The same selector in inform.xml, which overrides nothing, gets the brand.
  const auto inform = load_layout(kLayouts + "inform.xml");
  expect_length(inform->block(sel("heading", "", "", "en", 1)).font.size, 15);
  EXPECT_FALSE(inform->block(sel("heading", "", "", "en", 1)).page_break_before);
}

TEST(ShippedLayouts, EveryBlockStartsFromTheLayoutsBodyStyle) {
  const auto bulletin = load_layout(kLayouts + "bulletin.xml");
  const BlockStyle p = bulletin->block(sel("p"));
  EXPECT_EQ(p.font.family, "Noto Sans");   // bulletin body font="heading"
  expect_length(p.font.size, 8.75);
  expect_length(p.leading, 12);
  expect_length(p.space_after, 4);         // bulletin.xml over brand.xml's 6pt
  EXPECT_EQ(p.color, rgb(0x1C2230));       // brand body colour "ink"
  EXPECT_EQ(p.align, text::Align::Justify);
  EXPECT_TRUE(p.hyphenate);

  // A name with no rule of its own is the body style.
  const BlockStyle unknown = bulletin->block(sel("no-such-style"));
  EXPECT_EQ(unknown.font.family, "Noto Sans");
  expect_length(unknown.font.size, 8.75);

  const auto inform = load_layout(kLayouts + "inform.xml");
  const BlockStyle ip = inform->block(sel("p"));
  EXPECT_EQ(ip.font.family, "Noto Serif");
  expect_length(ip.leading, 14.5);
  expect_length(ip.space_after, 6);

  // Level-3 headings: bulletin.xml has no rule, so brand.xml's level-3 rule.
  const BlockStyle h3 = bulletin->block(sel("heading", "", "", "en", 3));
  expect_length(h3.font.size, 10.5);
  expect_length(h3.leading, 14);
  const BlockStyle h1 = bulletin->block(sel("heading", "", "", "en", 1));
  expect_length(h1.font.size, 13);
  EXPECT_TRUE(h1.rule_below);
  EXPECT_EQ(h1.rule_color, rgb(0xFFCC00));
  expect_length(h1.rule_width, 1.5);
}

TEST(ShippedLayouts, BoxesTablesCaptionsAndFurniture) {
  const auto L = load_layout(kLayouts + "report.xml");
  const BlockStyle box = L->block(sel("box"));
  EXPECT_TRUE(box.has_background);
  EXPECT_EQ(box.background, rgb(0xEDF1F8));
  EXPECT_TRUE(box.rule_start);
  EXPECT_EQ(box.rule_color, rgb(0x003399));
  expect_length(box.padding, 10);
  EXPECT_EQ(L->block(sel("box", "", "keypoints")).rule_color, rgb(0xFFCC00));
  const BlockStyle warning = L->block(sel("box", "", "warning"));
  EXPECT_EQ(warning.background, rgb(0xFFF4D6));
  EXPECT_EQ(warning.rule_color, rgb(0xC98A00));
  expect_length(warning.padding, 10);      // from the plain box rule

  const BlockStyle th = L->block(sel("th"));
  EXPECT_EQ(th.color, rgb(0xFFFFFF));
  EXPECT_TRUE(th.has_background);
  EXPECT_EQ(L->block(sel("td")).font.features, "tnum");
  const BlockStyle table = L->block(sel("table"));
  EXPECT_TRUE(table.zebra);
  EXPECT_TRUE(table.has_border);
  EXPECT_EQ(table.border_color, rgb(0xC3CBDA));
  for (const char* t : {"table", "figure"}) {
    const BlockStyle c = L->block(sel("caption", "", t));
    EXPECT_EQ(c.font.family, "Noto Sans");
    expect_length(c.font.size, 8.5);
  }
  const BlockStyle header = L->block(sel("header"));
  EXPECT_EQ(header.font.family, "Noto Sans");
  expect_length(header.font.size, 7.5);
  EXPECT_EQ(header.color, rgb(0x5B6475));
  EXPECT_EQ(header.rule_color, rgb(0xC3CBDA));
  expect_length(L->block(sel("doc-title", "", "report")).font.size, 28);
  expect_length(load_layout(kLayouts + "inform.xml")->block(sel("doc-title", "", "inform")).font.size, 22);
}

TEST(ShippedLayouts, InlineStylesChangeOnlyWhatTheySay) {
  const auto L = load_layout(kLayouts + "inform.xml");
  EXPECT_EQ(L->inline_style(sel("em")).italic, 1);
  EXPECT_EQ(L->inline_style(sel("strong")).weight, 700);
  const InlineStyle sup = L->inline_style(sel("sup"));
  EXPECT_EQ(sup.size_percent, 70);
  EXPECT_EQ(sup.shift_percent, 33);
  EXPECT_EQ(L->inline_style(sel("sub")).shift_percent, -15);
  const InlineStyle code = L->inline_style(sel("code"));
  EXPECT_EQ(code.family, "DejaVu Sans Mono");
  EXPECT_EQ(code.size_percent, 90);
  const InlineStyle a = L->inline_style(sel("a"));
  EXPECT_TRUE(a.has_color);
  EXPECT_EQ(a.color, rgb(0x003399));
  // Inline styles do not start from body: an unstyled span inherits all.
  const InlineStyle span = L->inline_style(sel("span"));
  EXPECT_EQ(span.family, "");
  EXPECT_EQ(span.weight, 0);
  EXPECT_EQ(span.italic, -1);
  EXPECT_EQ(span.size_percent, 100);
  EXPECT_FALSE(span.has_color);
}

// ---------------------------------------------------------------- cascade

TEST(Cascade, ClassSelectorBeatsAPlainRuleWrittenLater) {
  TempDir dir;
  const auto L = load_layout(layout_with(dir,
      "  <style match=\"p\" class=\"lead\" size=\"12pt\"/>\n"
      "  <style match=\"p\" size=\"9pt\"/>\n"));
  expect_length(L->block(sel("p", "lead")).font.size, 12);
  expect_length(L->block(sel("p")).font.size, 9);
  expect_length(L->block(sel("p", "other")).font.size, 9);
}

TEST(Cascade, LaterRuleWinsAtEqualSpecificityAndRulesCombine) {
  TempDir dir;
  const auto L = load_layout(layout_with(dir,
      "  <style match=\"p\" color=\"#FF0000\" space-after=\"3pt\"/>\n"
      "  <style match=\"p\" color=\"#00FF00\"/>\n"));
  const BlockStyle p = L->block(sel("p"));
  EXPECT_EQ(p.color, rgb(0x00FF00));
  expect_length(p.space_after, 3);  // the earlier rule's other properties still apply
}

TEST(Cascade, LayoutRuleBeatsBrandRuleOfEqualSpecificity) {
  TempDir dir;
  const auto L = load_layout(layout_with(dir, "  <style match=\"heading\" color=\"#00AA00\"/>\n"));
  const BlockStyle h1 = L->block(sel("heading", "", "", "en", 1));
  EXPECT_EQ(h1.color, rgb(0x00AA00));
  EXPECT_EQ(h1.font.family, "Noto Sans");  // brand's plain heading rule
  expect_length(h1.font.size, 15);         // brand's level-1 rule
}

TEST(Cascade, MoreSpecificBrandRuleBeatsPlainLayoutRule) {
  TempDir dir;
  const auto L = load_layout(layout_with(dir, "  <style match=\"heading\" size=\"20pt\"/>\n"));
  expect_length(L->block(sel("heading", "", "", "en", 1)).font.size, 15);  // brand level="1" wins
  expect_length(L->block(sel("heading", "", "", "en", 3)).font.size, 20);  // no brand level-3 rule
}

TEST(Cascade, SpecificityIsTheNumberOfConditions) {
  TempDir dir;
  const auto L = load_layout(layout_with(dir,
      "  <style match=\"heading\" class=\"x\" type=\"annex\" level=\"1\" lang=\"fr\" size=\"30pt\"/>\n"
      "  <style match=\"heading\" type=\"annex\" level=\"1\" size=\"20pt\"/>\n"
      "  <style match=\"heading\" level=\"1\" size=\"16pt\"/>\n"));
  expect_length(L->block(sel("heading", "", "annex", "en", 1)).font.size, 20);
  expect_length(L->block(sel("heading", "", "", "en", 1)).font.size, 16);
  expect_length(L->block(sel("heading", "x", "annex", "fr-BE", 1)).font.size, 30);
  expect_length(L->block(sel("heading", "x", "annex", "en", 1)).font.size, 20);
  expect_length(L->block(sel("heading", "x", "", "fr", 2)).font.size, 12);
}

TEST(Cascade, LangMatchesTheLanguageAndItsRegionalVariants) {
  TempDir dir;
  const auto L = load_layout(layout_with(dir, "  <style match=\"p\" lang=\"fr\" color=\"#FF0000\"/>\n"));
  EXPECT_EQ(L->block(sel("p", "", "", "fr")).color, rgb(0xFF0000));
  EXPECT_EQ(L->block(sel("p", "", "", "fr-BE")).color, rgb(0xFF0000));
  EXPECT_EQ(L->block(sel("p", "", "", "en")).color, rgb(0x111111));
  EXPECT_EQ(L->block(sel("p", "", "", "nl-BE")).color, rgb(0x111111));
  // Whole subtags, any case (as <masthead>): not Frisian, but fr-be.
  EXPECT_EQ(L->block(sel("p", "", "", "fry")).color, rgb(0x111111));
  EXPECT_EQ(L->block(sel("p", "", "", "FR-be")).color, rgb(0xFF0000));
}

TEST(Cascade, BodyRulesForALanguageReachEveryBlockInIt) {
  TempDir dir;
  const auto L = load_layout(layout_with(dir,
      "  <style match=\"body\" lang=\"ar\" font=\"Noto Naskh Arabic\" align=\"start\"/>\n"
      "  <style match=\"p\" color=\"#FF0000\"/>\n"));
  const BlockStyle ar = L->block(sel("p", "", "", "ar"));
  EXPECT_EQ(ar.font.family, "Noto Naskh Arabic");
  EXPECT_EQ(ar.align, text::Align::Start);
  EXPECT_EQ(ar.color, rgb(0xFF0000));
  EXPECT_EQ(L->block(sel("heading", "", "", "ar", 2)).font.family, "Noto Sans");  // heading rule after body
  EXPECT_EQ(L->block(sel("p", "", "", "en")).font.family, "Noto Serif");
}

TEST(Cascade, UnsetPropertiesComeFromBody) {
  TempDir dir;
  const auto L = load_layout(layout_with(dir, "  <style match=\"p\" color=\"#FF0000\"/>\n"));
  const BlockStyle p = L->block(sel("p"));
  EXPECT_EQ(p.font.family, "Noto Serif");
  expect_length(p.font.size, 10);
  expect_length(p.leading, 14);
  // Level-2 headings set their size but not their leading: body's 14pt.
  const BlockStyle h2 = L->block(sel("heading", "", "", "en", 2));
  expect_length(h2.font.size, 12);
  expect_length(h2.leading, 14);
}

TEST(Cascade, FontRolesAndNamedColoursResolve) {
  TempDir dir;
  const auto L = load_layout(layout_with(dir,
      "  <color name=\"green\" value=\"#00FF00\"/>\n"
      "  <font-role name=\"mono\" family=\"DejaVu Sans Mono\"/>\n"
      "  <style match=\"pre\" font=\"mono\" color=\"green\"/>\n"
      "  <style match=\"term\" font=\"Some Family\" color=\"#0F0\"/>\n"
      "  <style match=\"em\" font=\"heading\" color=\"cmyk(0,100,100,0)\"/>\n"));
  EXPECT_EQ(L->colors.at("green"), rgb(0x00FF00));
  EXPECT_EQ(L->font_roles.at("mono"), "DejaVu Sans Mono");
  const BlockStyle pre = L->block(sel("pre"));
  EXPECT_EQ(pre.font.family, "DejaVu Sans Mono");
  EXPECT_EQ(pre.color, rgb(0x00FF00));
  const BlockStyle term = L->block(sel("term"));
  EXPECT_EQ(term.font.family, "Some Family");
  EXPECT_EQ(term.color, rgb(0x00FF00));
  const InlineStyle em = L->inline_style(sel("em"));
  EXPECT_EQ(em.family, "Noto Sans");
  EXPECT_TRUE(em.has_color);
  EXPECT_EQ(em.color, rgb(0xFF0000));
}

TEST(Cascade, EachPropertySetsBlockOrInlineStylesAsDocumented) {
  // name, a valid value, sets block styles, sets inline styles
  struct Case { const char* name; const char* value; bool block; bool inl; };
  const Case cases[] = {
      {"font", "body", true, true},         {"weight", "bold", true, true},
      {"style", "italic", true, true},      {"size", "10pt", true, false},
      {"size", "70%", false, true},         {"baseline-shift", "33%", false, true},
      {"features", "tnum,onum", true, true}, {"color", "#000000", true, true},
      {"uppercase", "yes", true, false},     {"leading", "14pt", true, false},
      {"align", "start", true, false},      {"hyphenate", "no", true, false},
      {"space-before", "6pt", true, false}, {"space-after", "6pt", true, false},
      {"indent-start", "1cm", true, false}, {"indent-end", "1cm", true, false},
      {"first-indent", "1em" /* not a unit */, false, false},
      {"first-indent", "12pt", true, false}, {"keep-with-next", "yes", true, false},
      {"keep-together", "yes", true, false}, {"page-break-before", "yes", true, false},
      {"balance", "yes", true, false},      {"balance", "maybe", false, false},
      {"hang-number", "yes", true, false},
      {"background", "#FFFFFF", true, false}, {"border-color", "#000", true, false},
      {"border-width", "0.5pt", true, false}, {"rule-start", "yes", true, false},
      {"padding", "4pt", true, false},      {"rule-below", "yes", true, false},
      {"rule-color", "#000", true, false},  {"rule-width", "1pt", true, false},
      {"marker", "\xE2\x80\x93", true, false}, {"marker-color", "#000", true, false},
      {"marker-width", "14pt", true, false}, {"numbering", "1.1", true, false},
      {"zebra", "yes", true, false},        {"zebra-color", "#EEE", true, false},
      {"span", "all", true, false},
  };
  const std::map<std::string, Color> colors;
  const std::map<std::string, std::string> roles{{"body", "Noto Serif"}};
  const PropertyContext ctx{colors, roles};
  std::set<std::string> seen;
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + "=" + c.value);
    std::string err;
    auto p = compile_property(c.name, c.value, ctx, err);
    if (!c.block && !c.inl) {
      EXPECT_FALSE(p.has_value());
      continue;
    }
    seen.insert(c.name);
    ASSERT_TRUE(p.has_value()) << err;
    EXPECT_EQ(static_cast<bool>(p->block), c.block);
    EXPECT_EQ(static_cast<bool>(p->inl), c.inl);
  }
  // Every property in the table is covered here.
  for (const auto& n : property_names()) EXPECT_TRUE(seen.count(n)) << "no case for property " << n;
  EXPECT_EQ(seen.size(), property_names().size());
}

// ------------------------------------------------------------------ errors

struct ErrorCase {
  const char* what;
  std::string line;          // one line placed as line 2 of a layout file
  const char* at;            // text at the expected column on that line
  std::vector<const char*> says;  // the message must contain each
};

TEST(LayoutErrors, EachMistakeIsLocatedAndNamesWhatIsAllowed) {
  const std::vector<ErrorCase> cases = {
      {"unknown property", "  <style match=\"p\" colour=\"blue\"/>", "colour=",
       {"unknown property 'colour'", "known properties: font, weight, style, size", " color,", "zebra-color"}},
      {"bad length unit", "  <style match=\"p\" space-after=\"6px\"/>", "space-after=",
       {"property 'space-after'", "'6px'", "expected a length"}},
      {"length without unit", "  <style match=\"p\" leading=\"14\"/>", "leading=",
       {"property 'leading'", "'14'", "a length", "14pt"}},
      {"font size out of range", "  <style match=\"p\" size=\"2pt\"/>", "size=",
       {"property 'size'", "'2pt'", "10pt", "70%"}},
      {"bad colour", "  <style match=\"p\" color=\"bluish\"/>", "color=",
       {"property 'color'", "'bluish'", "#RRGGBB", "#RGB", "cmyk(c,m,y,k)", "brand colour name"}},
      {"short hex colour", "  <style match=\"box\" background=\"#12345\"/>", "background=",
       {"property 'background'", "'#12345'", "a colour"}},
      {"bad align", "  <style match=\"p\" align=\"justified\"/>", "align=",
       {"property 'align'", "'justified'", "justify, start, end, left, right or center"}},
      {"bad weight", "  <style match=\"p\" weight=\"heavy\"/>", "weight=",
       {"property 'weight'", "normal, bold or a number from 100 to 900"}},
      {"bad style", "  <style match=\"p\" style=\"oblique\"/>", "style=\"oblique",
       {"property 'style'", "normal or italic"}},
      {"bad numbering", "  <style match=\"heading\" numbering=\"i\"/>", "numbering=",
       {"property 'numbering'", "none, 1 (chapter numbers), 1.1 (full section numbers) or A (annex letters)"}},
      {"bad yes/no", "  <style match=\"p\" hyphenate=\"maybe\"/>", "hyphenate=",
       {"property 'hyphenate'", "'maybe'", "yes or no"}},
      {"bad baseline shift", "  <style match=\"sup\" baseline-shift=\"200%\"/>", "baseline-shift=",
       {"property 'baseline-shift'", "percentage"}},
      {"bad features", "  <style match=\"td\" features=\"tnum;onum\"/>", "features=",
       {"property 'features'", "OpenType features"}},
      {"bad level", "  <style match=\"heading\" level=\"5\" size=\"12pt\"/>", "level=",
       {"'level'", "'5'", "1, 2, 3 or 4"}},
      {"level not a number", "  <style match=\"heading\" level=\"one\"/>", "level=",
       {"'level'", "'one'", "1, 2, 3 or 4"}},
      {"style without match", "  <style size=\"12pt\"/>", "<style", {"needs a 'match' attribute"}},
      {"unknown element", "  <pagee size=\"A4\"/>", "<pagee",
       {"unknown element <pagee> in <layout>", "page, page-variant, header, footer, cover, line-breaking, toc, color, font-role, masthead or style"}},
      {"unknown attribute on page", "  <page size=\"A4\" colums=\"2\"/>", "colums=",
       {"unknown attribute 'colums' on <page>",
        "allowed: size, margin-top, margin-bottom, margin-inner, margin-outer, facing, columns, column-gap"}},
      {"unknown attribute on header", "  <header left=\"{page}\" align=\"left\"/>", "align=",
       {"unknown attribute 'align' on <header>", "left, center, right, style, offset, rule, skip-first"}},
      {"unknown attribute on cover", "  <cover colour=\"eu-blue\"/>", "colour=",
       {"unknown attribute 'colour' on <cover>", "band, band-height, band-color, accent, flag, own-page"}},
      {"unknown line-breaking tunable", "  <line-breaking hyphenpenalty=\"50\"/>", "hyphenpenalty=",
       {"unknown attribute 'hyphenpenalty' on <line-breaking>", "hyphen-penalty", "min-word"}},
      {"tunable out of range", "  <line-breaking tolerance=\"20000\"/>", "tolerance=",
       {"'tolerance'", "'20000'", "whole number from 0 to 10000"}},
      {"min-word out of range", "  <line-breaking min-word=\"1\"/>", "min-word=",
       {"'min-word'", "from 2 to 50"}},
      {"min-last-line out of range", "  <line-breaking min-last-line=\"120\"/>", "min-last-line=",
       {"'min-last-line'", "from 0 to 100"}},
      {"negative short-last-line demerits", "  <line-breaking short-last-line-demerits=\"-5\"/>",
       "short-last-line-demerits=", {"'short-last-line-demerits'", "from 0 to 1000000"}},
      {"too many columns", "  <page columns=\"5\"/>", "columns=", {"'columns'", "from 1 to 4"}},
      {"bad page size", "  <page size=\"B5\"/>", "size=", {"'size'", "'B5'", "A4, A5, Letter or two lengths"}},
      {"bad facing", "  <page facing=\"maybe\"/>", "facing=", {"'facing'", "yes or no"}},
      {"bad furniture offset", "  <footer center=\"{page}\" offset=\"1em\"/>", "offset=",
       {"'offset'", "'1em'", "12pt, 20mm or 2cm"}},
      {"bad cover colour", "  <cover band-color=\"navy\"/>", "band-color=",
       {"'band-color'", "'navy'", "#RRGGBB", "brand colour name"}},
      {"colour without value", "  <color name=\"x\"/>", "<color", {"needs 'name' and 'value'"}},
      {"bad colour definition", "  <color name=\"x\" value=\"blue-ish\"/>", "value=",
       {"colour 'x'", "'blue-ish'", "#RRGGBB"}},
      {"font role without family", "  <font-role name=\"x\"/>", "<font-role", {"needs 'name' and 'family'"}},
      {"masthead without lang", "  <masthead tagline=\"Réseau européen des migrations\"/>", "<masthead",
       {"<masthead> needs 'lang'"}},
      {"masthead with a bad lang", "  <masthead lang=\"fr_BE\" tagline=\"x\"/>", "lang=",
       {"'fr_BE'", "language code such as fr or fr-BE"}},
      {"masthead that sets nothing", "  <masthead lang=\"fr\"/>", "<masthead", {"sets nothing", "tagline"}},
      {"unknown attribute on masthead", "  <masthead lang=\"fr\" tagline=\"x\" slogan=\"x\"/>", "slogan=",
       {"unknown attribute 'slogan' on <masthead>", "lang, wordmark, tagline, contact-point"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    TempDir dir;
    const std::string path = layout_with(dir, c.line + "\n");
    const std::string text = read(path);
    const int col = column_of(text, 2, c.at);
    ASSERT_GT(col, 0) << "test bug: '" << c.at << "' not on line 2";
    const std::string msg = one_error_at(refusal_of(path), path, 2, col);
    for (const char* s : c.says) EXPECT_TRUE(contains(msg, s)) << "message: " << msg << "\nlacks: " << s;
  }
}

TEST(LayoutLoader, ShortLastLineTunablesAreRead) {
  TempDir dir;
  const auto L = load_layout(
      layout_with(dir, "  <line-breaking min-last-line=\"25\" short-last-line-demerits=\"0\"/>\n"));
  EXPECT_EQ(L->breaking.min_last_line, 25);
  EXPECT_EQ(L->breaking.short_last_line_demerits, 0);
}

TEST(LayoutErrors, DiagnosticsAreLayoutKindAndPrintAsFileLineColumn) {
  TempDir dir;
  const std::string path = layout_with(dir, "  <style match=\"p\" colour=\"blue\"/>\n");
  const Diagnostics d = refusal_of(path);
  ASSERT_EQ(d.list().size(), 1u);
  EXPECT_EQ(d.list()[0].kind, DiagKind::Layout);
  const std::string line = format_diagnostic(d.list()[0]);
  EXPECT_EQ(line.rfind(path + ":2:20: error: unknown property 'colour'", 0), 0u) << line;
}

TEST(LayoutErrors, ErrorsInTheBrandFileNameTheBrandFile) {
  TempDir dir;
  const std::string brand_text =
      "<brand name=\"b\">\n"
      "  <color name=\"ok\" value=\"#000000\"/>\n"
      "  <style match=\"p\" size=\"12\"/>\n"
      "  <colr name=\"x\" value=\"#000\"/>\n"
      "</brand>\n";
  const std::string brand = dir.write("brand.xml", brand_text);
  const std::string layout_text =
      "<layout brand=\"brand.xml\">\n"
      "  <style match=\"p\" color=\"ok\"/>\n"
      "  <style match=\"p\" color=\"nope\"/>\n"
      "</layout>\n";
  const std::string layout = dir.write("l.xml", layout_text);
  const Diagnostics d = refusal_of(layout);
  // Every problem in both files, together, brand first, each in file order.
  ASSERT_EQ(d.list().size(), 3u);
  EXPECT_EQ(d.list()[0].file, brand);
  EXPECT_EQ(d.list()[0].pos.line, 3);
  EXPECT_EQ(d.list()[0].pos.column, column_of(brand_text, 3, "size="));
  EXPECT_TRUE(contains(d.list()[0].message, "property 'size'"));
  EXPECT_EQ(d.list()[1].file, brand);
  EXPECT_EQ(d.list()[1].pos.line, 4);
  EXPECT_EQ(d.list()[1].pos.column, 3);
  EXPECT_TRUE(contains(d.list()[1].message, "unknown element <colr> in <brand>; expected color, font-role, masthead or style"));
  EXPECT_EQ(d.list()[2].file, layout);
  EXPECT_EQ(d.list()[2].pos.line, 3);
  EXPECT_EQ(d.list()[2].pos.column, column_of(layout_text, 3, "color="));
}

TEST(LayoutErrors, UnknownAttributeOnTheLayoutRoot) {
  TempDir dir;
  dir.write("brand.xml", kBrand);
  const std::string text = "<layout name=\"t\" brand=\"brand.xml\" version=\"2\">\n</layout>\n";
  const std::string path = dir.write("t.xml", text);
  const std::string msg = one_error_at(refusal_of(path), path, 1, column_of(text, 1, "version="));
  EXPECT_TRUE(contains(msg, "unknown attribute 'version' on <layout>; allowed: name, brand")) << msg;
}

TEST(LayoutErrors, WrongRootElements) {
  TempDir dir;
  dir.write("brand.xml", kBrand);
  const std::string p1 = dir.write("a.xml", "<brand name=\"x\"/>\n");
  EXPECT_TRUE(contains(one_error_at(refusal_of(p1), p1, 1, 1), "a layout file's root element must be <layout>"));
  dir.write("b.xml", "<layout/>\n");
  const std::string p2 = dir.write("c.xml", "<layout brand=\"b.xml\"/>\n");
  EXPECT_TRUE(contains(one_error_at(refusal_of(p2), dir.file("b.xml"), 1, 1),
                       "a brand file's root element must be <brand>"));
}

TEST(LayoutErrors, MalformedXmlIsLocated) {
  TempDir dir;
  dir.write("brand.xml", kBrand);
  // Unquoted attribute value: the parser stops at the value.
  const std::string t1 = "<layout brand=\"brand.xml\">\n  <style match=p size=\"10pt\"/>\n</layout>\n";
  const std::string p1 = dir.write("m1.xml", t1);
  const Diagnostics d1 = refusal_of(p1);
  ASSERT_EQ(d1.list().size(), 1u);
  EXPECT_EQ(d1.list()[0].file, p1);
  EXPECT_EQ(d1.list()[0].pos.line, 2);
  EXPECT_EQ(d1.list()[0].pos.column, column_of(t1, 2, "p size"));
  // Mismatched end tag.
  const std::string p2 = dir.write("m2.xml", "<layout brand=\"brand.xml\">\n  <style match=\"p\"/>\n</layot>\n");
  const Diagnostics d2 = refusal_of(p2);
  ASSERT_EQ(d2.list().size(), 1u);
  EXPECT_EQ(d2.list()[0].file, p2);
  EXPECT_EQ(d2.list()[0].pos.line, 3);
  EXPECT_GT(d2.list()[0].pos.column, 0);
  EXPECT_TRUE(contains(d2.list()[0].message, "layot")) << d2.list()[0].message;
  // Malformed brand file: reported against the brand file.
  const std::string bad_brand = dir.write("bad-brand.xml", "<brand>\n  <color name=\"x\" value=\"#000\">\n</brand>\n");
  const std::string p3 = dir.write("m3.xml", "<layout brand=\"bad-brand.xml\"/>\n");
  const Diagnostics d3 = refusal_of(p3);
  ASSERT_EQ(d3.list().size(), 1u);
  EXPECT_EQ(d3.list()[0].file, bad_brand);
  EXPECT_GT(d3.list()[0].pos.line, 1);
}

// A brand file that cannot be read stops the load at once: without its
// colours and roles every use of them in the layout would be a second,
// misleading error.
TEST(LayoutErrors, MissingBrandFileIsNamed) {
  TempDir dir;
  const std::string text =
      "<layout brand=\"brnad.xml\">\n"
      "  <style match=\"p\" color=\"eu-blue\"/>\n"
      "</layout>\n";
  const std::string path = dir.write("l.xml", text);
  const Diagnostics d = refusal_of(path);
  std::string all;
  for (const auto& x : d.list()) all += "\n  " + format_diagnostic(x);
  ASSERT_EQ(d.list().size(), 1u) << all;
  EXPECT_EQ(fs::path(d.list()[0].file), fs::path(dir.file("brnad.xml")));
  EXPECT_EQ(d.list()[0].kind, DiagKind::Io);
  EXPECT_EQ(d.list()[0].severity, Severity::Error);
  EXPECT_TRUE(contains(d.list()[0].message, "cannot read file")) << all;
}

TEST(LayoutErrors, MissingLayoutFile) {
  TempDir dir;
  const Diagnostics d = refusal_of(dir.file("absent.xml"));
  ASSERT_EQ(d.list().size(), 1u);
  EXPECT_EQ(d.list()[0].file, dir.file("absent.xml"));
  EXPECT_TRUE(contains(d.list()[0].message, "cannot read file"));
}

// Designers wrap long <style> elements over several lines; the position must
// still be the offending attribute, not a later element.
TEST(LayoutErrors, StartTagSpanningLinesPointsAtTheAttribute) {
  TempDir dir;
  const std::string text =
      "<layout name=\"t\" brand=\"brand.xml\">\n"
      "  <style match=\"p\"\n"
      "         size=\"10pt\"\n"
      "         color=\"bluish\"/>\n"
      "  <style match=\"quote\" color=\"blue\"/>\n"
      "</layout>\n";
  dir.write("brand.xml", kBrand);
  const std::string path = dir.write("t.xml", text);
  const std::string msg = one_error_at(refusal_of(path), path, 4, column_of(text, 4, "color="));
  EXPECT_TRUE(contains(msg, "'bluish'")) << msg;
}

// ------------------------------------------------------------ value parsers

TEST(ValueParsers, LengthsInEveryUnit) {
  EXPECT_EQ(parse_length("12pt"), 12 * kPt);
  EXPECT_EQ(parse_length("10.5pt"), from_pt(10.5));
  EXPECT_EQ(parse_length("0"), 0);
  EXPECT_EQ(parse_length("0pt"), 0);
  EXPECT_EQ(parse_length("-3pt"), -3 * kPt);
  ASSERT_TRUE(parse_length("25.4mm"));
  expect_length(*parse_length("25.4mm"), 72);
  expect_length(*parse_length("2.54cm"), 72);
  expect_length(*parse_length("1in"), 72);
  expect_length(*parse_length("0.5in"), 36);
  expect_length(*parse_length("210mm"), 595.2755905511812);
}

TEST(ValueParsers, LengthsRejected) {
  for (const char* bad : {"", "12", "1.5", "12px", "12em", "12PT", "12 pt", " 12pt", "pt", "12pt ", "abc",
                          "+12pt", "20001pt", "1000in"})
    EXPECT_FALSE(parse_length(bad).has_value()) << "'" << bad << "'";
}

TEST(ValueParsers, Colours) {
  const std::map<std::string, Color> named{{"eu-blue", rgb(0x003399)}, {"ink", rgb(0x1C2230)}};
  EXPECT_EQ(parse_color("#003399", named), rgb(0x003399));
  EXPECT_EQ(parse_color("#abcdef", named), rgb(0xABCDEF));
  EXPECT_EQ(parse_color("#ABCDEF", named), rgb(0xABCDEF));
  EXPECT_EQ(parse_color("#039", named), rgb(0x003399));
  EXPECT_EQ(parse_color("#FFF", named), rgb(0xFFFFFF));
  EXPECT_EQ(parse_color("eu-blue", named), rgb(0x003399));
  EXPECT_EQ(parse_color("ink", named), rgb(0x1C2230));
  EXPECT_EQ(parse_color("cmyk(0,0,0,0)", named), rgb(0xFFFFFF));
  EXPECT_EQ(parse_color("cmyk(0,0,0,100)", named), rgb(0x000000));
  EXPECT_EQ(parse_color("cmyk(100,80,0,0)", named), rgb(0x0033FF));
  EXPECT_EQ(parse_color("cmyk(0, 100, 100, 0)", named), rgb(0xFF0000));
  EXPECT_EQ(parse_color("cmyk(0,0,0,50)", named), rgb(0x808080));
  EXPECT_EQ(parse_color("cmyk(12.5,0,0,0)", named), Color({223, 255, 255}));
}

TEST(ValueParsers, ColoursRejected) {
  const std::map<std::string, Color> named{{"eu-blue", rgb(0x003399)}};
  for (const char* bad : {"", "#", "#12", "#1234", "#12345", "#1234567", "#GGGGGG", "003399", "blue", "EU-BLUE",
                          "rgb(0,0,0)", "cmyk(0,0,0)", "cmyk(101,0,0,0)", "cmyk(-1,0,0,0)", "cmyk(0,0,0,0",
                          "cmyk(a,b,c,d)"})
    EXPECT_FALSE(parse_color(bad, named).has_value()) << "'" << bad << "'";
}

// cmyk() takes exactly four components; a fifth is a typo, not ignorable.
TEST(ValueParsers, CmykRejectsExtraComponents) {
  const std::map<std::string, Color> named;
  for (const char* bad : {"cmyk(0,0,0,0,50)", "cmyk(0,0,0,0 x)"})
    EXPECT_FALSE(parse_color(bad, named).has_value()) << "'" << bad << "'";
}

TEST(ValueParsers, BooleansIntegersPercentages) {
  EXPECT_EQ(parse_bool("yes"), true);
  EXPECT_EQ(parse_bool("true"), true);
  EXPECT_EQ(parse_bool("no"), false);
  EXPECT_EQ(parse_bool("false"), false);
  EXPECT_FALSE(parse_bool("Yes").has_value());
  EXPECT_FALSE(parse_bool("1").has_value());
  EXPECT_EQ(parse_int("42"), 42);
  EXPECT_EQ(parse_int("-10"), -10);
  EXPECT_FALSE(parse_int("4.2").has_value());
  EXPECT_FALSE(parse_int("42x").has_value());
  EXPECT_FALSE(parse_int("").has_value());
  EXPECT_EQ(parse_percent("70%"), 70);
  EXPECT_EQ(parse_percent("-15%"), -15);
  EXPECT_FALSE(parse_percent("70").has_value());
  EXPECT_FALSE(parse_percent("%").has_value());
  EXPECT_FALSE(parse_percent("7.5%").has_value());
}

// ------------------------------------------------------------------- docs

TEST(LayoutDocs, EveryPropertyIsDocumented) {
  const std::string doc = read(std::string(EMNPUB_SOURCE_DIR) + "/docs/layouts.md");
  ASSERT_FALSE(doc.empty()) << "docs/layouts.md is missing";
  for (const auto& n : property_names())
    EXPECT_TRUE(contains(doc, "| `" + n + "` |")) << "docs/layouts.md has no table row for property " << n;
}

// The worked example in docs/layouts.md §10 ("green headings, 2pt larger,
// in the bulletin only") does what the text says, against the shipped brand.
TEST(LayoutDocs, WorkedExampleMakesBulletinHeadingsGreenAnd2ptLarger) {
  const std::string doc = read(std::string(EMNPUB_SOURCE_DIR) + "/docs/layouts.md");
  const auto sec = doc.find("## 10.");
  ASSERT_NE(sec, std::string::npos);
  const auto b = doc.find("```xml\n", sec);
  ASSERT_NE(b, std::string::npos);
  const auto e = doc.find("```", b + 7);
  ASSERT_NE(e, std::string::npos);
  const std::string example = doc.substr(b + 7, e - b - 7);

  TempDir dir;
  dir.write("brand.xml", read(kLayouts + "brand.xml"));
  const std::string path = dir.write("bulletin.xml", example);
  LayoutRef green;
  try {
    green = load_layout(path);
  } catch (const DocumentRefused& x) {
    for (const auto& d : x.diagnostics().list()) ADD_FAILURE() << format_diagnostic(d);
    return;
  }
  const auto shipped = load_layout(kLayouts + "bulletin.xml");
  for (int level = 1; level <= 4; ++level) {
    SCOPED_TRACE(level);
    const BlockStyle before = shipped->block(sel("heading", "", "", "en", level));
    const BlockStyle after = green->block(sel("heading", "", "", "en", level));
    EXPECT_EQ(after.font.size, before.font.size + 2 * kPt);
    EXPECT_EQ(after.color, rgb(0x2E7D32));
    EXPECT_EQ(after.font.family, before.font.family);
    EXPECT_EQ(after.space_before, before.space_before);
    EXPECT_EQ(after.rule_below, before.rule_below);
  }
  EXPECT_EQ(green->inline_style(sel("heading-number")).color, rgb(0x2E7D32));
  const BlockStyle p0 = shipped->block(sel("p")), p1 = green->block(sel("p"));
  EXPECT_EQ(p1.font.family, p0.font.family);
  EXPECT_EQ(p1.font.size, p0.font.size);
  EXPECT_EQ(p1.leading, p0.leading);
  EXPECT_EQ(p1.space_after, p0.space_after);
  EXPECT_EQ(green->block(sel("footnote")).font.size, shipped->block(sel("footnote")).font.size);
  // Other document types are untouched: the brand file was not edited.
  EXPECT_EQ(load_layout(kLayouts + "inform.xml")->block(sel("heading", "", "", "en", 1)).color, rgb(0x003399));
}

}  // namespace
}  // namespace emnpub::style

namespace emnpub::style {
namespace {

// A colour redefined in a layout reaches every rule that names it, brand
// rules included, wherever the definition stands in the file.
TEST(Cascade, LayoutColourOverrideReachesBrandRules) {
  TempDir dir;
  dir.write("brand.xml",
            "<brand>\n  <color name=\"accent\" value=\"#003399\"/>\n"
            "  <style match=\"heading\" color=\"accent\"/>\n</brand>\n");
  const std::string path = dir.write("l.xml",
                                     "<layout brand=\"brand.xml\">\n  <style match=\"p\" color=\"accent\"/>\n"
                                     "  <color name=\"accent\" value=\"#008000\"/>\n</layout>\n");
  const auto L = load_layout(path);
  EXPECT_EQ(L->block({"heading", {}, {}, "en", 1}).color, (Color{0x00, 0x80, 0x00}));
  EXPECT_EQ(L->block({"p", {}, {}, "en", 0}).color, (Color{0x00, 0x80, 0x00}));
}

}  // namespace
}  // namespace emnpub::style
