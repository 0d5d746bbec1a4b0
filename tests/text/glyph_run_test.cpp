// GlyphRun::compact: runs whose glyphs map one to one onto code points keep
// no cluster list; the implied clusters are the explicit ones.
#include <gtest/gtest.h>

#include "text/glyph_run.hpp"

namespace emnpub::text {
namespace {

GlyphRun run_of(std::initializer_list<std::pair<uint32_t, std::string>> clusters, uint32_t glyphs) {
  GlyphRun r;
  for (uint32_t i = 0; i < glyphs; ++i) r.glyphs.push_back({i + 1, static_cast<int32_t>(i * 100), 0, 100});
  uint32_t g = 0;
  for (const auto& [count, t] : clusters) {
    r.add_cluster(g, count, t);
    g += count;
  }
  return r;
}

bool same(const std::vector<GlyphCluster>& a, const std::vector<GlyphCluster>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].first_glyph != b[i].first_glyph || a[i].glyph_count != b[i].glyph_count ||
        a[i].text_begin != b[i].text_begin || a[i].text_size != b[i].text_size)
      return false;
  return true;
}

TEST(GlyphRun, OneGlyphPerCodePointIsImplied) {
  // ASCII, a two-byte Greek letter, a three-byte dash, a four-byte letter.
  GlyphRun r = run_of({{1, "a"}, {1, "\u03B1"}, {1, "\u2013"}, {1, "\U0001D56B"}}, 4);
  const std::vector<GlyphCluster> before = r.clusters;
  r.compact();
  EXPECT_TRUE(r.clusters.empty());
  std::vector<GlyphCluster> scratch;
  EXPECT_TRUE(same(r.clusters_or_implied(scratch), before));
}

TEST(GlyphRun, LigaturesMarksAndDroppedTextStayExplicit) {
  for (GlyphRun r : {run_of({{1, "f"}, {1, "fi"}}, 2),            // a ligature: one glyph, two letters
                     run_of({{2, "e\u0301"}, {1, "x"}}, 3),      // base and mark: two glyphs, two code points
                     run_of({{1, "a"}, {1, "\u00AD"}, {1, "b"}}, 4)}) {  // a glyph without a cluster
    const std::vector<GlyphCluster> before = r.clusters;
    r.compact();
    EXPECT_TRUE(same(r.clusters, before));
  }
}

}  // namespace
}  // namespace emnpub::text
