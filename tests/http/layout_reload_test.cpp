// Designers edit layout files on disk: the next request sees the edit; a
// broken edit keeps the last good layout live and is reported.
#include "http_test_support.hpp"

namespace emnpub::http {
namespace {

using namespace test;

// Rewrites `file` and moves its mtime forward: two writes within one tick
// of the file system clock must still count as a change.
void edit(const fs::path& file, const std::string& text) {
  const auto before = fs::last_write_time(file);
  write_file(file, text);
  fs::last_write_time(file, before + std::chrono::seconds(2));
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? s : s.replace(at, from.size(), to);
}

TEST(LayoutReload, EditIsPickedUpAndABrokenEditKeepsTheOldOne) {
  TempDir d;
  fs::copy(std::string(EMNPUB_SOURCE_DIR) + "/layouts", d.path(), fs::copy_options::recursive);
  TestServer s(Flags{{"paths.layouts", d.path().string()}});
  const std::string xml = sample("inform-en.xml");

  const Response original = post(s.port(), "/v1/render", xml);
  ASSERT_EQ(original.status, 200);

  // A colour change: the cover band of the inform layout.
  const fs::path inform = d.path() / "inform.xml";
  const std::string good = read_file(inform.string());
  edit(inform, replace(good, "band-color=\"eu-blue\"", "band-color=\"#AA2200\""));
  const Response recoloured = post(s.port(), "/v1/render", xml);
  ASSERT_EQ(recoloured.status, 200) << recoloured.body;
  EXPECT_NE(recoloured.body, original.body);
  EXPECT_NE(recoloured.header("etag"), original.header("etag"));
  EXPECT_NE(s.log.text().find("msg=\"layout reloaded\" layout=inform"), std::string::npos);

  // A broken edit: the recoloured layout stays live.
  edit(inform, replace(good, "band-color=\"eu-blue\"", "band-color=\"no-such-colour\""));
  const Response after_break = post(s.port(), "/v1/render", xml);
  ASSERT_EQ(after_break.status, 200) << after_break.body;
  EXPECT_EQ(after_break.body, recoloured.body);

  const Response layouts = get(s.port(), "/v1/layouts");
  ASSERT_EQ(layouts.status, 200);
  auto list = layouts.json()->getArray("layouts");
  bool found = false;
  for (size_t i = 0; i < list->size(); ++i) {
    auto o = list->getObject(static_cast<unsigned>(i));
    if (o->getValue<std::string>("name") != "inform") {
      EXPECT_EQ(o->getValue<std::string>("status"), "ok");
      continue;
    }
    found = true;
    EXPECT_EQ(o->getValue<std::string>("status"), "stale");
    EXPECT_EQ(o->getValue<int>("reloads"), 1);
    auto problems = o->getArray("problems");
    ASSERT_GE(problems->size(), 1u);
    auto p = problems->getObject(0);
    EXPECT_NE(p->getValue<std::string>("file").find("inform.xml"), std::string::npos);
    EXPECT_GT(p->getValue<int>("line"), 0);
    EXPECT_NE(p->getValue<std::string>("message").find("no-such-colour"), std::string::npos)
        << p->getValue<std::string>("message");
  }
  EXPECT_TRUE(found);
  EXPECT_NE(s.log.text().find("msg=\"layout edit refused; the previous version stays live\" layout=inform"),
            std::string::npos);
  EXPECT_EQ(metric(s.port(), "emnpub_layouts_with_problems"), 1);

  // Fixing the file brings the fix live.
  edit(inform, good);
  const Response fixed = post(s.port(), "/v1/render", xml);
  ASSERT_EQ(fixed.status, 200);
  EXPECT_EQ(fixed.body, original.body);
  EXPECT_EQ(metric(s.port(), "emnpub_layouts_with_problems"), 0);
  EXPECT_EQ(metric(s.port(), "emnpub_layout_reloads_total"), 2);
}

}  // namespace
}  // namespace emnpub::http
