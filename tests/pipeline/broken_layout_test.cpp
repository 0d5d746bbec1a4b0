// A broken edit of a layout file: by default the engine keeps rendering with
// the last good version (what a service wants); with refuse_broken_layout it
// refuses with the edit's located problems (what a designer's preview needs).
#include <gtest/gtest.h>

#include <chrono>

#include "test_support.hpp"

namespace emnpub::test {
namespace {

namespace fs = std::filesystem;

TEST(BrokenLayout, LastGoodByDefaultLocatedRefusalOnRequest) {
  TempDir d;
  fs::copy(std::string(EMNPUB_SOURCE_DIR) + "/layouts", d.path(), fs::copy_options::recursive);
  EngineConfig cfg;
  cfg.layouts_dir = d.path().string();
  const Engine e(cfg);
  const std::string xml = sample("inform-en.xml");
  RenderOptions ro;
  ro.refuse_broken_layout = true;
  const RenderResult good = e.render(xml, ro);
  EXPECT_EQ(good.layout, "inform");

  const fs::path inform = d.path() / "inform.xml";
  std::string text = read_file(inform.string());
  const auto at = text.find("band-color=\"eu-blue\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 20, "band-color=\"no-such-colour\"");
  const auto before = fs::last_write_time(inform);
  { std::ofstream(inform, std::ios::binary) << text; }
  fs::last_write_time(inform, before + std::chrono::seconds(2));

  // The service behaviour: the last good layout, the same PDF.
  EXPECT_EQ(e.render(xml, {}).pdf, good.pdf);
  // The preview behaviour: refused, pointing at the broken line.
  try {
    e.render(xml, ro);
    FAIL() << "a broken layout edit was rendered";
  } catch (const DocumentRefused& r) {
    ASSERT_FALSE(r.diagnostics().list().empty());
    const Diagnostic& p = r.diagnostics().list().front();
    EXPECT_NE(p.file.find("inform.xml"), std::string::npos) << p.file;
    EXPECT_GT(p.pos.line, 0);
    EXPECT_NE(p.message.find("no-such-colour"), std::string::npos) << p.message;
  }
}

}  // namespace
}  // namespace emnpub::test
