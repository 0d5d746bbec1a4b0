#include "text/glyph_run.hpp"

namespace emnpub::text {

namespace {

// Bytes in the UTF-8 sequence that starts with `lead` (1 for a stray byte).
uint32_t utf8_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

}  // namespace

void GlyphRun::append_cluster(uint32_t first, uint32_t count, std::string_view t) {
  if (clusters.empty()) {
    if (count == 1 && !t.empty() && utf8_length(static_cast<unsigned char>(t[0])) == t.size()) {
      text.append(t);
      return;
    }
    // The first cluster that is not one to one: spell out those before it.
    std::vector<GlyphCluster> before;
    clusters = clusters_or_implied(before);
  }
  add_cluster(first, count, t);
}

void GlyphRun::compact() {
  bool implied = clusters.size() == glyphs.size();
  uint32_t at = 0;
  for (uint32_t i = 0; implied && i < clusters.size(); ++i) {
    const GlyphCluster& c = clusters[i];
    implied = c.first_glyph == i && c.glyph_count == 1 && c.text_begin == at && at < text.size() &&
              c.text_size == utf8_length(static_cast<unsigned char>(text[at]));
    at += c.text_size;
  }
  if (implied && at == text.size())
    std::vector<GlyphCluster>().swap(clusters);
  else
    clusters.shrink_to_fit();
  glyphs.shrink_to_fit();
  text.shrink_to_fit();
}

const std::vector<GlyphCluster>& GlyphRun::clusters_or_implied(std::vector<GlyphCluster>& scratch) const {
  if (!clusters.empty() || glyphs.empty()) return clusters;
  scratch.clear();
  scratch.reserve(glyphs.size());
  uint32_t at = 0;
  for (uint32_t i = 0; i < glyphs.size() && at < text.size(); ++i) {
    const uint32_t len = utf8_length(static_cast<unsigned char>(text[at]));
    scratch.push_back({i, 1, at, len});
    at += len;
  }
  return scratch;
}

}  // namespace emnpub::text
