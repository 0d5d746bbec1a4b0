#include "pdf/glyph_run_writer.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include <hb.h>

#include "common/units.hpp"
#include "pdf/number_format.hpp"
#include "pdf/unicode_text.hpp"

namespace emnpub::pdf {

namespace {

constexpr double kHalfTjUnit = 0.049;  // just under half of 10^-kTjDecimals
static_assert(kTjDecimals == 1, "kHalfTjUnit is written for one decimal");

// One byte of a two-byte glyph code inside a literal string. Codes are
// written as literal strings, not hex (ISO 32000-1 §7.3.4.2): half the
// bytes, and smaller once deflated (the content streams of a 4-page inform:
// 10.5 KB as hex, 9.9 KB as literals; a third less deflate work). A
// backslash escapes the delimiters and the backslash itself; a carriage
// return is escaped too, since readers take an end-of-line inside a string
// as a line feed.
void put_escaped_byte(std::string& out, unsigned char b) {
  switch (b) {
    case '(': case ')': case '\\':
      out.push_back('\\');
      out.push_back(static_cast<char>(b));
      return;
    case '\r':
      out.append("\\r");
      return;
    default:
      out.push_back(static_cast<char>(b));
  }
}

inline bool plain_byte(unsigned char b) { return b != '(' && b != ')' && b != '\\' && b != '\r'; }

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
      in_string_ = false;
    }
    const double target = x_pt * 1000.0 / size_pt_;  // thousandths of an em
    // Differences under half the last printed digit print as nothing.
    const double diff = pen_ - target;
    const double adjust = std::abs(diff) < kHalfTjUnit ? 0.0 : round_to(diff, kTjDecimals);
    if (adjust != 0) {
      if (in_string_) out.push_back(')');
      in_string_ = false;
      append_number(out, adjust, kTjDecimals);
      pen_ -= adjust;
    }
    if (!in_string_) {
      out.push_back('(');
      in_string_ = true;
    }
    const auto hi = static_cast<unsigned char>(gid >> 8), lo = static_cast<unsigned char>(gid);
    if (plain_byte(hi) && plain_byte(lo)) {
      const char code[2] = {static_cast<char>(hi), static_cast<char>(lo)};
      out.append(code, 2);
    } else {
      put_escaped_byte(out, hi);
      put_escaped_byte(out, lo);
    }
    pen_ += width;
  }

  // Ends the current TJ array (before Ts, marked content, or ET).
  void close() {
    if (!open_) return;
    std::string& out = cs_.raw();
    if (in_string_) out.push_back(')');
    out.append("] TJ\n");
    open_ = false;
    in_string_ = false;
  }

 private:
  ContentStream& cs_;
  double size_pt_;
  double pen_ = 0;  // thousandths of an em from the run origin
  bool open_ = false;
  bool in_string_ = false;
};

constexpr char32_t kRightToLeftMark = 0x200F;

// A letter of a right-to-left script, as text extractors class them.
bool is_rtl_letter(char32_t c) {
  hb_unicode_funcs_t* ucd = hb_unicode_funcs_get_default();
  const auto cat = hb_unicode_general_category(ucd, c);
  if (cat != HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER &&
      cat != HB_UNICODE_GENERAL_CATEGORY_MODIFIER_LETTER)
    return false;
  return hb_script_get_horizontal_direction(hb_unicode_script(ucd, c)) == HB_DIRECTION_RTL;
}

// Whether, scanning left from cluster `cl` in the run, a right-to-left
// letter comes before a left-to-right letter or a digit. Runs start fresh:
// what an earlier run drew is not known here, so the answer is then no.
bool rtl_letter_before(const layout::GlyphRun& run, const std::vector<layout::GlyphCluster>& clusters,
                       const layout::GlyphCluster* cl) {
  hb_unicode_funcs_t* ucd = hb_unicode_funcs_get_default();
  for (const layout::GlyphCluster* p = cl; p != clusters.data();) {
    --p;
    const std::u32string t = utf8_to_utf32(run.cluster_text(*p));
    for (auto c = t.rbegin(); c != t.rend(); ++c) {
      if (is_rtl_letter(*c)) return true;
      const auto cat = hb_unicode_general_category(ucd, *c);
      if (cat == HB_UNICODE_GENERAL_CATEGORY_DECIMAL_NUMBER ||
          cat == HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER ||
          cat == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER)
        return false;
    }
  }
  return false;
}

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
  std::vector<uint32_t> marks_apart;
  std::u32string text;                // one cluster's text
  auto plain_until = [&](uint32_t end) {
    for (; next < end; ++next) plan.push_back({next, -1});
  };
  std::vector<layout::GlyphCluster> implied;
  const std::vector<layout::GlyphCluster>& clusters = run.clusters_or_implied(implied);
  for (const layout::GlyphCluster& cl : clusters) {
    if (cl.glyph_count == 0) continue;
    if (static_cast<size_t>(cl.text_begin) + cl.text_size > run.text.size())
      throw std::runtime_error("PDF writer: a glyph cluster's text lies outside its run's text");
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
    utf8_to_utf32(run.cluster_text(cl), text);
    const bool exact = font.map_cluster(gids, text);
    // Extractors order a line's characters by where their glyphs start and
    // put a glyph off the baseline (a raised haraka) on a line of its own.
    // A mark sits over its letter, so it starts right of the letter's start:
    // read right to left, it would come before its letter. Such clusters
    // copy through ActualText: raised or lowered marks anywhere, and any
    // right-to-left cluster of more than one glyph.
    const bool multi = cl.glyph_count > 1;
    if (exact && !(multi && (offset || run.rtl))) {
      plain_until(end);
      continue;
    }
    // poppler (pdftotext and the viewers built on it) reads a span's text
    // as if laid out left to right across its glyphs and then reverses
    // right-to-left runs as a whole, so a logical "letter + harakat" would
    // come back as "harakat + letter". In a right-to-left run the span's
    // text is therefore given in visual order, which such readers turn back
    // into the logical text. (Readers that take ActualText as logical text
    // are not covered by a test here.)
    if (run.rtl && text.size() > 1) {
      std::reverse(text.begin(), text.end());
      // A mark is no right-to-left letter to those readers: with no such
      // letter left of it on the line (since the last left-to-right letter
      // or digit), it is read with the left-to-right text before it. A
      // right-to-left mark (invisible, ignored by search) keeps it in its
      // word.
      if (!is_rtl_letter(text.front()) && !rtl_letter_before(run, clusters, &cl))
        text.insert(text.begin(), kRightToLeftMark);
    }
    const int text_span = static_cast<int>(spans.size());
    spans.push_back(text);
    // The span's text goes where its first glyph starts and ends where its
    // last one ends, so it holds the cluster's letters; marks (off the
    // baseline, or any mark in a right-to-left run) are drawn separately.
    auto is_mark = [&](uint32_t i) {
      return run.glyphs[i].y != 0 || (run.rtl && font.is_mark_glyph(run.glyphs[i].gid));
    };
    bool any_letter = false;
    for (uint32_t i = cl.first_glyph; i < end; ++i) any_letter = any_letter || !is_mark(i);
    for (uint32_t i = cl.first_glyph; i < end; ++i) {
      if (!any_letter || !is_mark(i))
        plan.push_back({i, text_span});
      else
        marks_apart.push_back(i);
    }
    next = end;
  }
  plain_until(static_cast<uint32_t>(n));
  // Marks drawn apart copy as nothing (their cluster's span has the text).
  // They are drawn last, in one span: an extractor that meets a glyph on
  // another baseline or behind the pen ends the word there, and one break
  // after the run is harmless where one after every vowelled letter splits
  // words.
  if (!marks_apart.empty()) {
    const int mark_span = static_cast<int>(spans.size());
    spans.emplace_back();
    for (uint32_t i : marks_apart) plan.push_back({i, mark_span});
  }

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
