#include "pipeline/glyph_census.hpp"

#include "common/two_threads.hpp"

namespace emnpub {

void GlyphCensus::add(const layout::Page& page) {
  Face* last = nullptr;  // consecutive runs mostly share a face
  for (const layout::GlyphRun& run : page.runs) {
    if (run.glyphs.empty() || !run.font) continue;
    if (!last || last->face.get() != run.font.get()) {
      last = nullptr;
      for (Face& f : faces_)
        if (f.face.get() == run.font.get()) last = &f;
      if (!last) last = &faces_.emplace_back(Face{run.font, {}});
    }
    for (const auto& g : run.glyphs) {
      const size_t word = g.gid >> 6;
      if (word >= last->bits.size()) last->bits.resize(word + 1);
      last->bits[word] |= uint64_t{1} << (g.gid & 63);
    }
  }
}

std::vector<std::pair<text::FontRef, std::vector<uint32_t>>> GlyphCensus::take() {
  std::vector<std::pair<text::FontRef, std::vector<uint32_t>>> out;
  for (Face& f : faces_) {
    std::vector<uint32_t> gids;
    for (size_t w = 0; w < f.bits.size(); ++w)
      for (uint64_t b = f.bits[w]; b; b &= b - 1)
        gids.push_back(static_cast<uint32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(b))));
    out.emplace_back(std::move(f.face), std::move(gids));
  }
  faces_.clear();
  return out;
}

std::vector<std::pair<text::FontRef, pdf::FontProgram>> make_font_programs(
    std::vector<std::pair<text::FontRef, std::vector<uint32_t>>> used, bool compress) {
  const size_t n = used.size();
  std::vector<std::pair<text::FontRef, pdf::FontProgram>> out(n);
  std::vector<char> made(n, 0);  // not vector<bool>: written from two threads
  run_on_two_threads(n, true, [&](size_t i) {
    try {
      out[i] = {used[i].first, pdf::make_font_program(*used[i].first, std::move(used[i].second), compress)};
      made[i] = 1;
    } catch (...) {
      // Left out: the writer subsets this font itself and reports.
    }
  });
  std::vector<std::pair<text::FontRef, pdf::FontProgram>> kept;
  for (size_t i = 0; i < n; ++i)
    if (made[i]) kept.push_back(std::move(out[i]));
  return kept;
}

}  // namespace emnpub
