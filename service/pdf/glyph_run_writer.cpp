#include "pdf/glyph_run_writer.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/units.hpp"
#include "pdf/number_format.hpp"
#include "pdf/unicode_text.hpp"

namespace emnpub::pdf {

namespace {

constexpr double kHalfTjUnit = 0.049;  // just under half of 10^-kTjDecimals
static_assert(kTjDecimals == 1, "kHalfTjUnit is written for one decimal");

// Emits the glyphs of one run. The PDF moves the pen by each glyph's /W
// width; before every glyph we compare where the pen is with where layout
// placed the glyph and insert a TJ number for the difference. The pen is
// tracked with the rounded numbers actually written, so rounding never
// accumulates along a line.
class TjWriter {
 public:
  TjWriter(ContentStream& cs, double size_pt) : cs_(cs), size_pt_(size_pt) {}

  void glyph(uint32_t gid, double x_pt, double rise_pt, double width) {
    // Exact compare first: rounding (to_chars) per glyph is measurable.
    if (rise_pt != cs_.rise() && round_to(rise_pt, kCoordDecimals) != cs_.rise()) {
      close();
      cs_.set_rise(rise_pt);
    }
    std::string& out = cs_.raw();
    if (!open_) {
      out.push_back('[');
      open_ = true;
      in_hex_ = false;
    }
    const double target = x_pt * 1000.0 / size_pt_;  // thousandths of an em
    // Differences under half the last printed digit print as nothing.
    const double diff = pen_ - target;
    const double adjust = std::abs(diff) < kHalfTjUnit ? 0.0 : round_to(diff, kTjDecimals);
    if (adjust != 0) {
      if (in_hex_) out.push_back('>');
      in_hex_ = false;
      append_number(out, adjust, kTjDecimals);
      pen_ -= adjust;
    }
    if (!in_hex_) {
      out.push_back('<');
      in_hex_ = true;
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    const char hex[4] = {kHex[(gid >> 12) & 0xF], kHex[(gid >> 8) & 0xF], kHex[(gid >> 4) & 0xF],
                         kHex[gid & 0xF]};
    out.append(hex, 4);
    pen_ += width;
  }

  // Ends the current TJ array (before Ts, marked content, or ET).
  void close() {
    if (!open_) return;
    std::string& out = cs_.raw();
    if (in_hex_) out.push_back('>');
    out.append("] TJ\n");
    open_ = false;
    in_hex_ = false;
  }

 private:
  ContentStream& cs_;
  double size_pt_;
  double pen_ = 0;  // thousandths of an em from the run origin
  bool open_ = false;
  bool in_hex_ = false;
};

}  // namespace

void write_glyph_run(ContentStream& cs, MarkedContent& marked, PdfFont& font,
                     const layout::GlyphRun& run) {
  if (run.glyphs.empty()) return;
  const double size_pt = round_to(to_pt(run.size), kCoordDecimals);
  if (size_pt <= 0) throw std::runtime_error("PDF writer: glyph run with font size <= 0");
  const size_t n = run.glyphs.size();
  std::vector<double> widths(n);
  for (size_t i = 0; i < n; ++i) widths[i] = font.use(run.glyphs[i].gid);

  // The drawing plan: glyphs in drawing order, each with the ActualText
  // span it belongs to (-1: none; ToUnicode speaks for it). Decided before
  // drawing so TJ arrays can be split around spans; recording each glyph's
  // ToUnicode text happens here too.
  struct Step {
    uint32_t glyph;
    int span;
  };
  std::vector<Step> plan;
  plan.reserve(n);
  std::vector<std::u32string> spans;  // ActualText per span id
  uint32_t next = 0;                  // glyphs before it are planned
  std::vector<uint32_t> gids;         // one cluster's glyph ids, logical order
  auto plain_until = [&](uint32_t end) {
    for (; next < end; ++next) plan.push_back({next, -1});
  };
  for (const layout::GlyphCluster& cl : run.clusters) {
    if (cl.glyph_count == 0) continue;
    if (cl.first_glyph < next || cl.first_glyph >= n || cl.glyph_count > n - cl.first_glyph)
      throw std::runtime_error(
          "PDF writer: glyph clusters overlap, are out of order or exceed a run of " +
          std::to_string(n) + " glyphs");
    plain_until(cl.first_glyph);
    const uint32_t end = cl.first_glyph + cl.glyph_count;
    gids.clear();
    bool offset = false;
    for (uint32_t i = cl.first_glyph; i < end; ++i) {
      gids.push_back(run.glyphs[i].gid);
      offset = offset || run.glyphs[i].y != 0;
    }
    // Glyphs are in visual order, text in logical order: in a right-to-left
    // run the first logical glyph of a cluster is its rightmost.
    if (run.rtl) std::reverse(gids.begin(), gids.end());
    std::u32string text = utf8_to_utf32(cl.text);
    const bool exact = font.map_cluster(gids, text);
    // Text extractors put a raised or lowered glyph (an Arabic haraka) on a
    // baseline of its own and split the word there: such clusters copy
    // through ActualText too.
    if (exact && !(offset && cl.glyph_count > 1)) {
      plain_until(end);
      continue;
    }
    // Extractors place a span's text where its first glyph starts and end
    // it where its last glyph ends. So the cluster's text goes on a span of
    // its glyphs on the baseline, and glyphs off the baseline follow in a
    // span of their own that copies as nothing.
    const int text_span = static_cast<int>(spans.size());
    spans.push_back(std::move(text));
    int mark_span = text_span;
    bool any_on_baseline = false;
    for (uint32_t i = cl.first_glyph; i < end; ++i)
      any_on_baseline = any_on_baseline || run.glyphs[i].y == 0;
    if (offset && any_on_baseline) {
      mark_span = static_cast<int>(spans.size());
      spans.emplace_back();
    }
    for (uint32_t i = cl.first_glyph; i < end; ++i)
      if (run.glyphs[i].y == 0 || !any_on_baseline) plan.push_back({i, text_span});
    for (uint32_t i = cl.first_glyph; i < end; ++i)
      if (run.glyphs[i].y != 0 && any_on_baseline) plan.push_back({i, mark_span});
    next = end;
  }
  plain_until(static_cast<uint32_t>(n));

  cs.set_fill_color(run.color);
  marked.begin_item(run.tag);
  cs.begin_text();
  cs.set_font(font.resource_name(), size_pt);
  cs.move_text(to_pt(run.x), to_pt(run.y));
  // Glyph positions relative to the origin actually written (rounded).
  const double origin_x = round_to(to_pt(run.x), kCoordDecimals);
  TjWriter tj(cs, size_pt);
  int open_span = -1;
  for (const Step& step : plan) {
    if (step.span != open_span) {
      tj.close();
      if (open_span >= 0) marked.end_actual_text();
      if (step.span >= 0) marked.begin_actual_text(spans[step.span]);
      open_span = step.span;
    }
    const layout::PlacedGlyph& g = run.glyphs[step.glyph];
    tj.glyph(g.gid, to_pt(run.x + g.x) - origin_x, to_pt(g.y), widths[step.glyph]);
  }
  tj.close();
  if (open_span >= 0) marked.end_actual_text();
  // Rise is text state and outlives ET; leave it at 0 for the next run.
  cs.set_rise(0);
  cs.end_text();
  marked.end_item();
}

}  // namespace emnpub::pdf
