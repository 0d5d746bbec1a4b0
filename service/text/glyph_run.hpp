#pragma once
// Positioned glyphs: what a set line is made of, and what the PDF writer
// draws. Positions are fixed-point, relative to the run's origin.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/color.hpp"
#include "common/tag.hpp"
#include "common/units.hpp"
#include "text/font_face.hpp"

namespace emnpub::text {

// 16 bytes: a document holds millions. Fixed-point like Fixed (1/65536 pt)
// but 32-bit, as positions within a run stay under 32,767 pt.
struct PlacedGlyph {
  uint32_t gid = 0;
  int32_t x = 0;         // pen position of this glyph's origin, relative to run origin
  int32_t y = 0;         // vertical offset from the baseline (HarfBuzz y_offset)
  int32_t advance = 0;   // the advance layout used (may include justification)
};
static_assert(sizeof(PlacedGlyph) == 16);

// A span of glyphs that together stand for some text: what copy/paste and
// ToUnicode must give back. Usually one HarfBuzz cluster.
struct GlyphCluster {
  uint32_t first_glyph = 0;  // index into GlyphRun::glyphs
  uint32_t glyph_count = 0;
  uint32_t text_begin = 0;   // its text (UTF-8, logical order): bytes of GlyphRun::text
  uint32_t text_size = 0;
};

// One font, size and colour, glyphs in visual (left-to-right) order.
//
// Clusters are usually implied: in most runs glyph i stands for the i-th
// code point of `text`, and such runs keep `clusters` empty (compact()), as
// a list of one 16-byte cluster per glyph would double a document's glyph
// memory. Readers ask for clusters_or_implied().
struct GlyphRun {
  FontRef font;
  Fixed size = 0;            // em size
  Color color;
  Fixed x = 0, y = 0;        // baseline origin of the first glyph
  bool rtl = false;          // run's text is right-to-left (clusters are visual order too)
  std::vector<PlacedGlyph> glyphs;
  std::vector<GlyphCluster> clusters;  // cover glyphs in order, no gaps
  std::string text;                    // the clusters' texts, one after another
  Tag tag;

  std::string_view cluster_text(const GlyphCluster& c) const {
    return std::string_view(text).substr(c.text_begin, c.text_size);
  }
  // Appends a cluster of `count` glyphs from `first` standing for `t`.
  void add_cluster(uint32_t first, uint32_t count, std::string_view t) {
    clusters.push_back({first, count, static_cast<uint32_t>(text.size()), static_cast<uint32_t>(t.size())});
    text.append(t);
  }
  // As add_cluster, for a run built front to back (`first` is always the
  // number of glyphs before the cluster's): one-glyph, one-code-point
  // clusters stay implied while every cluster so far is.
  void append_cluster(uint32_t first, uint32_t count, std::string_view t);
  // Drops `clusters` when they say no more than the implied mapping, and
  // the vectors' spare capacity: a set line is kept until its page is written.
  void compact();
  // The clusters, explicit or implied (written into `scratch`).
  const std::vector<GlyphCluster>& clusters_or_implied(std::vector<GlyphCluster>& scratch) const;
};

}  // namespace emnpub::text
