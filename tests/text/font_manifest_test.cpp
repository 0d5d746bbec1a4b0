// Font manifest (fonts/fonts.xml) and the registry built on it: the shipped
// manifest loads, fallback chains follow the documented order, mistakes are
// refused with their line and column, and a face whose file is missing is
// reported with the family and every path tried.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common/diagnostics.hpp"
#include "support/temp_dir.hpp"
#include "text/font_manifest.hpp"
#include "text/font_registry.hpp"

namespace emnpub::text {
namespace {

namespace fs = std::filesystem;

const std::string kManifest = std::string(EMNPUB_SOURCE_DIR) + "/fonts/fonts.xml";

using test_support::TempDir;

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

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

Diagnostics refusal_of(const std::string& path) {
  try {
    read_font_manifest(path);
  } catch (const DocumentRefused& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << path << " was accepted but should have been refused";
  return {};
}

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.list()) s += "\n  " + format_diagnostic(x);
  return s;
}

// A valid two-family manifest; tests append lines before </fonts>.
std::string manifest_with(const std::string& extra) {
  return "<fonts>\n"                                          // 1
         "  <search-path>.</search-path>\n"                   // 2
         "  <family name=\"Alpha\">\n"                        // 3
         "    <face weight=\"400\" file=\"Alpha-Regular.ttf\"/>\n"  // 4
         "    <face weight=\"700\" file=\"Alpha-Bold.ttf\"/>\n"     // 5
         "  </family>\n"                                      // 6
         "  <family name=\"Beta\">\n"                         // 7
         "    <face file=\"Beta.ttf\"/>\n"                    // 8
         "  </family>\n" +                                    // 9
         extra +                                              // 10...
         "</fonts>\n";
}

// ------------------------------------------------------------ shipped file

TEST(FontManifest, ShippedManifestLoads) {
  const FontManifest m = read_font_manifest(kManifest);
  EXPECT_EQ(m.source, kManifest);
  for (const char* f : {"Noto Sans", "Noto Serif", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans",
                        "DejaVu Sans Mono"})
    EXPECT_TRUE(m.families.count(f)) << f;
  EXPECT_EQ(m.families.size(), 6u);
  // Relative search paths are relative to the manifest; order is kept.
  ASSERT_EQ(m.search_paths.size(), 3u);
  EXPECT_TRUE(fs::path(m.search_paths[0]).is_absolute());
  EXPECT_TRUE(fs::equivalent(m.search_paths[0], fs::path(EMNPUB_SOURCE_DIR) / "fonts")) << m.search_paths[0];
  EXPECT_EQ(m.search_paths[1], "/usr/share/fonts/truetype/noto");
  EXPECT_EQ(m.search_paths[2], "/usr/share/fonts/truetype/dejavu");
  const auto& serif = m.families.at("Noto Serif");
  ASSERT_EQ(serif.size(), 4u);
  EXPECT_EQ(serif[3].file, "NotoSerif-BoldItalic.ttf");
  EXPECT_EQ(serif[3].weight, 700);
  EXPECT_TRUE(serif[3].italic);
  EXPECT_EQ(serif[3].pos.line, 25);
  ASSERT_EQ(m.fallbacks.size(), 4u);
  EXPECT_EQ(m.fallbacks[0].family, "Noto Serif");
  EXPECT_EQ(m.fallbacks[0].script, HB_SCRIPT_ARABIC);
  EXPECT_EQ(m.fallbacks[0].use, "Noto Naskh Arabic");
  EXPECT_EQ(m.fallbacks[3].family, "*");
  EXPECT_EQ(m.fallbacks[3].script, HB_SCRIPT_INVALID);  // script="*"
  EXPECT_EQ(m.last_resort, std::vector<std::string>{"DejaVu Sans"});
}

TEST(FontManifest, ExtraPathsAreSearchedFirst) {
  TempDir dir;
  const FontManifest m = read_font_manifest(kManifest, {dir.path().string()});
  ASSERT_EQ(m.search_paths.size(), 4u);
  EXPECT_EQ(m.search_paths[0], fs::absolute(dir.path()).string());
}

TEST(FontChains, ArabicInNotoSerifFallsToNaskhThenToTheLastResort) {
  const FontRegistry reg(read_font_manifest(kManifest));
  const std::vector<std::string> expected{"Noto Serif", "Noto Naskh Arabic", "Noto Sans", "DejaVu Sans"};
  EXPECT_EQ(reg.chain("Noto Serif", HB_SCRIPT_ARABIC), expected);
}

TEST(FontChains, FamilyRulesComeBeforeRulesForEveryFamily) {
  const FontRegistry reg(read_font_manifest(kManifest));
  EXPECT_EQ(reg.chain("Noto Sans", HB_SCRIPT_ARABIC),
            (std::vector<std::string>{"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans"}));
  EXPECT_EQ(reg.chain("DejaVu Sans Mono", HB_SCRIPT_ARABIC),
            (std::vector<std::string>{"DejaVu Sans Mono", "Noto Naskh Arabic", "Noto Sans", "DejaVu Sans"}));
  EXPECT_EQ(reg.chain("Noto Serif", HB_SCRIPT_GREEK),
            (std::vector<std::string>{"Noto Serif", "Noto Sans", "DejaVu Sans"}));
  EXPECT_EQ(reg.chain("DejaVu Sans", HB_SCRIPT_CYRILLIC),
            (std::vector<std::string>{"DejaVu Sans", "Noto Sans"}));
}

TEST(FontChains, ArabicTextIsSetInTheFirstFamilyThatHasIt) {
  const FontRegistry reg(read_font_manifest(kManifest));
  const uint32_t beh = 0x0628;  // ARABIC LETTER BEH
  std::string used;
  for (const auto& fam : reg.chain("Noto Serif", HB_SCRIPT_ARABIC)) {
    const FontRef f = reg.face({fam, 400, false});
    if (f->has_codepoint(beh)) {
      used = fam;
      break;
    }
  }
  EXPECT_EQ(used, "Noto Naskh Arabic");
}

TEST(FontRegistry, ShippedFacesResolveByStyleThenNearestWeight) {
  const FontRegistry reg(read_font_manifest(kManifest));
  auto file = [&](const char* fam, int w, bool it) { return fs::path(reg.face({fam, w, it})->path()).filename().string(); };
  EXPECT_EQ(file("Noto Serif", 400, false), "NotoSerif-Regular.ttf");
  EXPECT_EQ(file("Noto Serif", 700, true), "NotoSerif-BoldItalic.ttf");
  EXPECT_EQ(file("Noto Serif", 600, false), "NotoSerif-Bold.ttf");
  EXPECT_EQ(file("Noto Serif", 300, true), "NotoSerif-Italic.ttf");
  // No italic Naskh: the upright face rather than a wrong weight.
  EXPECT_EQ(file("Noto Naskh Arabic", 700, true), "NotoNaskhArabic-Bold.ttf");
}

// Faces requested from many threads at once: each file loads once (one
// FontFace for all requests that resolve to it, whatever the thread), and
// requests for other files go on meanwhile (a load locks only its file).
TEST(FontRegistry, ConcurrentRequestsLoadEachFileOnce) {
  const FontRegistry reg(read_font_manifest(kManifest));
  const std::vector<FontRequest> wants = {{"Noto Serif", 400, false}, {"Noto Serif", 700, false},
                                          {"Noto Sans", 400, false},  {"Noto Serif", 400, true},
                                          {"Noto Serif", 500, false}, {"Noto Sans", 700, false}};
  std::vector<std::vector<const FontFace*>> got(6);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] {
      for (size_t k = 0; k < wants.size(); ++k) got[t].push_back(reg.face(wants[(k + t) % wants.size()]).get());
    });
  for (auto& th : threads) th.join();
  for (size_t t = 0; t < got.size(); ++t)
    for (size_t k = 0; k < wants.size(); ++k) {
      const FontFace* mine = got[t][k];
      const FontFace* first = got[0][(k + t) % wants.size()];
      EXPECT_EQ(mine, first) << "thread " << t << " request " << k;
    }
  // 400 and 500 resolve to the same file: the same face.
  EXPECT_EQ(reg.face({"Noto Serif", 400, false}).get(), reg.face({"Noto Serif", 500, false}).get());
  EXPECT_EQ(reg.loaded_paths().size(), 5u);
}

// ----------------------------------------------------------------- errors

TEST(FontManifestErrors, UnknownFamilyInAFallbackRuleIsRefusedWithItsLine) {
  TempDir dir;
  const std::string text = manifest_with(
      "  <fallback family=\"Alpha\" script=\"Arab\" use=\"Gamma\"/>\n"   // 10
      "  <fallback family=\"Alpah\" use=\"Beta\"/>\n"                   // 11
      "  <last-resort use=\"Beta\"/>\n");                               // 12
  const std::string path = dir.write("fonts.xml", text);
  const Diagnostics d = refusal_of(path);
  ASSERT_EQ(d.list().size(), 2u) << all(d);
  EXPECT_EQ(d.list()[0].file, path);
  EXPECT_EQ(d.list()[0].kind, DiagKind::Layout);
  EXPECT_EQ(d.list()[0].pos.line, 10);
  EXPECT_EQ(d.list()[0].pos.column, column_of(text, 10, "use="));
  EXPECT_EQ(d.list()[0].message, "unknown font family 'Gamma'");
  EXPECT_EQ(d.list()[1].pos.line, 11);
  EXPECT_EQ(d.list()[1].pos.column, column_of(text, 11, "family="));
  EXPECT_EQ(d.list()[1].message, "unknown font family 'Alpah'");
}

TEST(FontManifestErrors, UnknownLastResortFamily) {
  TempDir dir;
  const std::string text = manifest_with("  <last-resort use=\"DejaVu Sans\"/>\n");
  const std::string path = dir.write("fonts.xml", text);
  const Diagnostics d = refusal_of(path);
  ASSERT_EQ(d.list().size(), 1u) << all(d);
  EXPECT_EQ(d.list()[0].pos.line, 10);
  EXPECT_EQ(d.list()[0].pos.column, column_of(text, 10, "use="));
  EXPECT_EQ(d.list()[0].message, "unknown font family 'DejaVu Sans'");
}

TEST(FontManifestErrors, OtherMistakesAreLocated) {
  struct Case { const char* what; const char* line; const char* at; const char* says; };
  const Case cases[] = {
      {"unknown element", "  <famliy name=\"X\"/>", "<famliy", "unknown element <famliy> in <fonts>; expected search-path, family, fallback or last-resort"},
      {"unknown attribute", "  <fallback family=\"*\" use=\"Beta\" scrpt=\"Arab\"/>", "scrpt=", "unknown attribute 'scrpt' on <fallback>; allowed: family, script, use"},
      {"unknown script", "  <fallback family=\"*\" script=\"1234\" use=\"Beta\"/>", "script=", "unknown script '1234'"},
      {"missing use", "  <fallback family=\"*\"/>", "<fallback", "<fallback> needs the attribute 'use'"},
      {"family without faces", "  <family name=\"Empty\"/>", "<family", "family 'Empty' has no <face>"},
      {"bad weight", "  <family name=\"G\"><face weight=\"bold\" file=\"G.ttf\"/></family>", "weight=", "weight must be a number from 100 to 900, not 'bold'"},
      {"bad style", "  <family name=\"G\"><face style=\"oblique\" file=\"G.ttf\"/></family>", "style=", "style must be 'normal' or 'italic', not 'oblique'"},
      {"face without file", "  <family name=\"G\"><face weight=\"400\"/></family>", "<face", "<face> needs the attribute 'file'"},
      {"unknown element in family", "  <family name=\"G\"><face file=\"G.ttf\"/><file/></family>", "<file/", "unknown element <file> in <family>; expected <face>"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    TempDir dir;
    const std::string text = manifest_with(std::string(c.line) + "\n");
    const std::string path = dir.write("fonts.xml", text);
    const Diagnostics d = refusal_of(path);
    ASSERT_EQ(d.list().size(), 1u) << all(d);
    EXPECT_EQ(d.list()[0].file, path);
    EXPECT_EQ(d.list()[0].pos.line, 10);
    EXPECT_EQ(d.list()[0].pos.column, column_of(text, 10, c.at)) << all(d);
    EXPECT_TRUE(contains(d.list()[0].message, c.says)) << d.list()[0].message;
  }
}

TEST(FontManifestErrors, WrongRootAndMalformedXml) {
  TempDir dir;
  const std::string p1 = dir.write("a.xml", "<font/>\n");
  const Diagnostics d1 = refusal_of(p1);
  ASSERT_EQ(d1.list().size(), 1u) << all(d1);
  EXPECT_EQ(d1.list()[0].pos.line, 1);
  EXPECT_TRUE(contains(d1.list()[0].message, "the root element must be <fonts>"));
  const std::string p2 = dir.write("b.xml", "<fonts>\n  <family name=\"X\">\n</fonts>\n");
  const Diagnostics d2 = refusal_of(p2);
  ASSERT_EQ(d2.list().size(), 1u) << all(d2);
  EXPECT_EQ(d2.list()[0].file, p2);
  EXPECT_GE(d2.list()[0].pos.line, 3);
}

// A non-numeric face index is a designer's typo like any other: it must be
// refused with its position, not escape as a bare std::invalid_argument.
TEST(FontManifestErrors, BadFaceIndexIsRefusedWithItsPosition) {
  TempDir dir;
  const std::string text = manifest_with("  <family name=\"G\"><face file=\"G.ttc\" index=\"first\"/></family>\n");
  const std::string path = dir.write("fonts.xml", text);
  try {
    read_font_manifest(path);
    ADD_FAILURE() << "accepted";
  } catch (const DocumentRefused& e) {
    ASSERT_EQ(e.diagnostics().list().size(), 1u) << all(e.diagnostics());
    EXPECT_EQ(e.diagnostics().list()[0].pos.line, 10);
    EXPECT_EQ(e.diagnostics().list()[0].pos.column, column_of(text, 10, "index="));
  } catch (const std::exception& e) {
    ADD_FAILURE() << "escaped as " << typeid(e).name() << ": " << e.what();
  }
}

// ------------------------------------------------------- missing font files

TEST(FontRegistryErrors, MissingFileNamesTheFamilyAndEveryPathTried) {
  TempDir dir;
  fs::create_directory(dir.path() / "extra");
  fs::create_directory(dir.path() / "brand");
  const std::string path = dir.write("fonts.xml",
      "<fonts>\n"
      "  <search-path>brand</search-path>\n"
      "  <search-path>/nonexistent/emnpub-fonts</search-path>\n"
      "  <family name=\"Ghost Serif\">\n"
      "    <face weight=\"400\" file=\"GhostSerif-Regular.ttf\"/>\n"
      "  </family>\n"
      "</fonts>\n");
  const FontRegistry reg(read_font_manifest(path, {(dir.path() / "extra").string()}));
  try {
    reg.face({"Ghost Serif", 400, false});
    ADD_FAILURE() << "no FontError";
  } catch (const FontError& e) {
    const std::string msg = e.what();
    EXPECT_TRUE(contains(msg, "font family 'Ghost Serif'")) << msg;
    EXPECT_TRUE(contains(msg, "'GhostSerif-Regular.ttf' not found")) << msg;
    const std::string extra = (dir.path() / "extra" / "GhostSerif-Regular.ttf").string();
    const std::string brand = (dir.path() / "brand" / "GhostSerif-Regular.ttf").string();
    const std::string sys = "/nonexistent/emnpub-fonts/GhostSerif-Regular.ttf";
    // Every path, in search order: --fonts paths first, then the manifest's.
    const auto a = msg.find(extra), b = msg.find(brand), c = msg.find(sys);
    EXPECT_NE(a, std::string::npos) << msg;
    EXPECT_NE(b, std::string::npos) << msg;
    EXPECT_NE(c, std::string::npos) << msg;
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
  }
  // Once the file appears in the brand directory, the same request succeeds.
  fs::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                dir.path() / "brand" / "GhostSerif-Regular.ttf");
  EXPECT_EQ(reg.face({"Ghost Serif", 400, false})->path(),
            (dir.path() / "brand" / "GhostSerif-Regular.ttf").string());
}

TEST(FontRegistryErrors, UnknownFamilyIsAFontError) {
  const FontRegistry reg(read_font_manifest(kManifest));
  try {
    reg.face({"Comic Sans", 400, false});
    ADD_FAILURE() << "no FontError";
  } catch (const FontError& e) {
    EXPECT_TRUE(contains(e.what(), "unknown font family 'Comic Sans'")) << e.what();
    EXPECT_TRUE(contains(e.what(), kManifest)) << e.what();
  }
  EXPECT_FALSE(reg.has_family("Comic Sans"));
  EXPECT_TRUE(reg.has_family("Noto Serif"));
}

// Face choice, read from which missing file the error names.
TEST(FontRegistryErrors, TheNearestFaceIsTheOneLookedFor) {
  TempDir dir;
  const std::string path = dir.write("fonts.xml",
      "<fonts>\n"
      "  <search-path>.</search-path>\n"
      "  <family name=\"G\">\n"
      "    <face weight=\"300\" file=\"G-300.ttf\"/>\n"
      "    <face weight=\"400\" file=\"G-400.ttf\"/>\n"
      "    <face weight=\"700\" file=\"G-700.ttf\"/>\n"
      "    <face weight=\"400\" style=\"italic\" file=\"G-400i.ttf\"/>\n"
      "  </family>\n"
      "</fonts>\n");
  const FontRegistry reg(read_font_manifest(path));
  auto looked_for = [&](int w, bool it) -> std::string {
    try {
      reg.face({"G", w, it});
    } catch (const FontError& e) {
      const std::string m = e.what();
      const auto a = m.find("file '") + 6;
      return m.substr(a, m.find('\'', a) - a);
    }
    return "(loaded)";
  };
  EXPECT_EQ(looked_for(400, false), "G-400.ttf");
  EXPECT_EQ(looked_for(700, false), "G-700.ttf");
  EXPECT_EQ(looked_for(600, false), "G-700.ttf");
  EXPECT_EQ(looked_for(500, false), "G-400.ttf");
  EXPECT_EQ(looked_for(200, false), "G-300.ttf");
  EXPECT_EQ(looked_for(700, true), "G-400i.ttf");   // italic beats weight
  EXPECT_EQ(looked_for(300, true), "G-400i.ttf");
}

}  // namespace
}  // namespace emnpub::text
