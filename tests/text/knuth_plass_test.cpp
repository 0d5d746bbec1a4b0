// Line breaking tests. The proofs of optimality are independent searches
// over the same demerits model: an exhaustive enumeration of every break
// combination for small paragraphs and a plain dynamic programme over all
// (break, line, fitness) states for large ones. Both re-derive line widths
// by summing items directly, so they share only badness() (checked against
// hand-computed values) with the code under test.
#include "text/knuth_plass.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "text/first_fit.hpp"
#include "text/hyphenator.hpp"

namespace emnpub::text {
namespace {

// Simple metrics: every character 6pt, spaces 4pt plus 2pt minus 1.33pt.
constexpr Fixed kChar = 6 * kPt;
const Fixed kSpace = 4 * kPt;
const Fixed kSpaceStretch = 2 * kPt;
const Fixed kSpaceShrink = from_pt(1.33);
constexpr Fixed kFil = kPt;

// A paragraph from marked-up text: ' ' space, '~' hyphenation point
// (flagged penalty 50 with a hyphen's width), '-' a hard hyphen (kept in
// the box, followed by an explicit flagged penalty of width 0), '|' a
// forced break after \hfil, '#' a bare forced break. item_text[i] is what
// item i prints as (for reading lines back).
struct Para {
  std::vector<BreakItem> items;
  std::vector<std::string> item_text;
};

Para build(const std::string& marked, int hyphen_penalty = 50) {
  Para p;
  std::string word;
  auto add = [&](BreakItem it, std::string text) {
    it.source = static_cast<uint32_t>(p.items.size());
    p.items.push_back(it);
    p.item_text.push_back(std::move(text));
  };
  auto flush = [&] {
    if (!word.empty()) add(BreakItem::make_box(static_cast<Fixed>(word.size()) * kChar), word);
    word.clear();
  };
  for (char c : marked) {
    switch (c) {
      case ' ':
        flush();
        add(BreakItem::make_glue(kSpace, kSpaceStretch, kSpaceShrink), " ");
        break;
      case '~':
        flush();
        add(BreakItem::make_penalty(kChar, hyphen_penalty, true), "");
        break;
      case '-':
        word += '-';
        flush();
        add(BreakItem::make_penalty(0, hyphen_penalty, true, 0, true), "");
        break;
      case '|':
        flush();
        add(BreakItem::make_glue(0, kFil, 0, 0, 1), "");
        add(BreakItem::make_penalty(0, -kInfPenalty), "");
        break;
      case '#':
        flush();
        add(BreakItem::make_penalty(0, -kInfPenalty), "");
        break;
      default:
        word += c;
    }
  }
  flush();
  const size_t before = p.items.size();
  append_paragraph_end(p.items);
  p.item_text.resize(before);  // a dropped trailing glue
  p.item_text.resize(p.items.size(), "");
  return p;
}

std::vector<std::string> lines_of(const Para& p, const BreakResult& r) {
  std::vector<std::string> out;
  for (const LineBreak& lb : r.breaks) {
    std::string s;
    for (size_t k = lb.start; k < lb.position; ++k) s += p.item_text[k];
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (lb.hyphenated && p.items[lb.position].width > 0) s += '-';
    out.push_back(s);
  }
  return out;
}

std::string dump(const Para& p, const BreakResult& r) {
  std::string s;
  for (const auto& l : lines_of(p, r)) s += "  [" + l + "]\n";
  return s;
}

// ---- Reference model: TeX's rules written out again, summing items directly.

struct RefParams {
  int threshold = 200;
  bool dictionary_hyphens = true;
  Fixed extra_stretch = 0;
};

bool ref_legal(const std::vector<BreakItem>& items, size_t i, bool dict) {
  const BreakItem& it = items[i];
  if (it.type == ItemType::Glue) return i > 0 && items[i - 1].type == ItemType::Box;
  if (it.type == ItemType::Penalty)
    return it.penalty < kInfPenalty && (!it.flagged || it.explicit_hyphen || dict);
  return false;
}

size_t ref_next_start(const std::vector<BreakItem>& items, size_t brk) {
  size_t j = brk + 1;
  while (j < items.size() && items[j].type != ItemType::Box) ++j;
  return j;
}

struct RefLine {
  int badness = 0;
  int fitness = 2;
  bool overfull = false;
  Fixed natural = 0;  // content width, with the break's hyphen
};

RefLine ref_line(const std::vector<BreakItem>& items, size_t start, size_t brk, Fixed measure,
                 Fixed extra) {
  Fixed w = 0, st = 0, sh = 0;
  bool fil = false;
  for (size_t k = start; k < brk; ++k) {
    const BreakItem& it = items[k];
    if (it.type == ItemType::Penalty) continue;
    w += it.width;
    if (it.type == ItemType::Glue) {
      if (it.stretch_order > 0) {
        fil = fil || it.stretch != 0;
      } else {
        st += it.stretch;
      }
      sh += it.shrink;
    }
  }
  if (items[brk].type == ItemType::Penalty) w += items[brk].width;
  RefLine r;
  r.natural = w;
  const Fixed shortfall = measure - w;
  if (shortfall > 0) {
    r.badness = fil ? 0 : badness(shortfall, st + extra);
    r.fitness = r.badness > 99 ? 0 : r.badness > 12 ? 1 : 2;
  } else if (-shortfall > sh) {
    r.badness = kInfBad + 1;
    r.overfull = true;
    r.fitness = 3;
  } else {
    r.badness = badness(-shortfall, sh);
    r.fitness = r.badness > 12 ? 3 : 2;
  }
  return r;
}

long long ref_demerits(const BreakParams& p, const std::vector<BreakItem>& items, size_t brk,
                       const RefLine& l, bool prev_hyph, int prev_fit, bool first_line) {
  long long d = p.line_penalty + l.badness;
  d = d >= 10000 ? 100000000LL : d * d;
  const BreakItem& it = items[brk];
  const bool fin = brk + 1 == items.size();
  if (it.type == ItemType::Penalty && it.penalty > -kInfPenalty) {
    const long long pi = it.penalty;
    d += pi > 0 ? pi * pi : -pi * pi;
  }
  const bool hyph = it.type == ItemType::Penalty && it.flagged;
  if (prev_hyph && fin) d += p.final_hyphen_demerits;
  if (prev_hyph && hyph && !fin) d += p.double_hyphen_demerits;
  if (std::abs(l.fitness - prev_fit) > 1) d += p.adj_demerits;
  if (fin && !first_line && l.natural < p.min_last_line) d += p.short_last_line_demerits;
  return d;
}

constexpr long long kNoSolution = INT64_MAX;

// Sum of demerits of the given breaks, recomputed; kNoSolution if a line is
// infeasible for the threshold.
long long ref_total(const std::vector<BreakItem>& items, const std::vector<size_t>& breaks,
                    const std::function<Fixed(size_t)>& width, const BreakParams& p,
                    const RefParams& rp) {
  long long total = 0;
  size_t start = 0;
  int prev_fit = 2;
  bool prev_hyph = false;
  for (size_t line = 0; line < breaks.size(); ++line) {
    const size_t brk = breaks[line];
    const RefLine l = ref_line(items, std::min(start, brk), brk, width(line), rp.extra_stretch);
    if (l.overfull || l.badness > rp.threshold) return kNoSolution;
    total += ref_demerits(p, items, brk, l, prev_hyph, prev_fit, line == 0);
    prev_fit = l.fitness;
    prev_hyph = items[brk].type == ItemType::Penalty && items[brk].flagged;
    start = ref_next_start(items, brk);
  }
  return total;
}

// Exhaustive: every subset of the optional legal breaks.
long long brute_force_min(const std::vector<BreakItem>& items,
                          const std::function<Fixed(size_t)>& width, const BreakParams& p,
                          const RefParams& rp, std::vector<size_t>* best_breaks = nullptr) {
  std::vector<size_t> optional, forced;
  for (size_t i = 0; i + 1 < items.size(); ++i) {
    if (!ref_legal(items, i, rp.dictionary_hyphens)) continue;
    (items[i].is_forced_break() ? forced : optional).push_back(i);
  }
  EXPECT_LE(optional.size(), 22u) << "too many breaks to enumerate";
  long long best = kNoSolution;
  for (uint64_t mask = 0; mask < (uint64_t{1} << optional.size()); ++mask) {
    std::vector<size_t> breaks = forced;
    for (size_t k = 0; k < optional.size(); ++k)
      if (mask & (uint64_t{1} << k)) breaks.push_back(optional[k]);
    std::sort(breaks.begin(), breaks.end());
    breaks.push_back(items.size() - 1);
    const long long t = ref_total(items, breaks, width, p, rp);
    if (t < best) {
      best = t;
      if (best_breaks) *best_breaks = breaks;
    }
  }
  return best;
}

// Dynamic programme over (break, line, fitness); with uniform widths the line
// number is irrelevant and collapsed. Lines only get longer when their start
// moves back (glue width >= shrink here), so the inner loop stops once the
// line is overfull even for the widest measure, and never crosses a forced
// break. Returns the final states: (line count, or 0 when collapsed;
// fitness) -> minimum demerits.
using DpKey = std::pair<size_t, int>;
std::map<DpKey, long long> dp_final(const std::vector<BreakItem>& items,
                                    const std::function<Fixed(size_t)>& width, bool uniform,
                                    const BreakParams& p, const RefParams& rp) {
  std::vector<size_t> pos{SIZE_MAX};  // paragraph start
  for (size_t i = 0; i < items.size(); ++i)
    if (ref_legal(items, i, rp.dictionary_hyphens)) pos.push_back(i);
  Fixed widest = 0;
  for (size_t l = 0; l <= pos.size(); ++l) widest = std::max(widest, width(l));
  std::vector<std::map<DpKey, long long>> dp(pos.size());
  dp[0][{0, 2}] = 0;
  for (size_t b = 1; b < pos.size(); ++b) {
    const size_t brk = pos[b];
    for (size_t a = b; a-- > 0;) {
      const size_t start = a == 0 ? 0 : std::min(ref_next_start(items, pos[a]), brk);
      if (ref_line(items, start, brk, widest, 0).overfull) break;
      for (const auto& [key, d0] : dp[a]) {
        const RefLine l = ref_line(items, start, brk, width(key.first), rp.extra_stretch);
        if (l.overfull || l.badness > rp.threshold) continue;
        const bool prev_hyph =
            a > 0 && items[pos[a]].type == ItemType::Penalty && items[pos[a]].flagged;
        const long long d = d0 + ref_demerits(p, items, brk, l, prev_hyph, key.second, a == 0);
        const DpKey k{uniform ? 0 : key.first + 1, l.fitness};
        auto it = dp[b].find(k);
        if (it == dp[b].end() || d < it->second) dp[b][k] = d;
      }
      if (a > 0 && items[pos[a]].is_forced_break()) break;
    }
  }
  return dp.back();
}

long long dp_min(const std::vector<BreakItem>& items, const std::function<Fixed(size_t)>& width,
                 bool uniform, const BreakParams& p, const RefParams& rp) {
  long long best = kNoSolution;
  for (const auto& [key, d] : dp_final(items, width, uniform, p, rp)) best = std::min(best, d);
  return best;
}

// Minimum demerits per final line count.
std::map<size_t, long long> dp_by_lines(const std::vector<BreakItem>& items,
                                        const std::function<Fixed(size_t)>& width,
                                        const BreakParams& p, const RefParams& rp) {
  std::map<size_t, long long> out;
  for (const auto& [key, d] : dp_final(items, width, false, p, rp)) {
    auto it = out.find(key.first);
    if (it == out.end() || d < it->second) out[key.first] = d;
  }
  return out;
}

RefParams ref_for(const BreakResult& r, const BreakParams& p) {
  RefParams rp;
  rp.threshold = r.pass == 1 ? p.pretolerance : r.pass == 4 ? kInfBad : p.tolerance;
  rp.threshold = std::min(rp.threshold, kInfBad);
  rp.dictionary_hyphens = r.pass != 1;
  rp.extra_stretch = r.pass >= 3 ? p.emergency_stretch : 0;
  return rp;
}

std::vector<size_t> positions(const BreakResult& r) {
  std::vector<size_t> out;
  for (const auto& b : r.breaks) out.push_back(b.position);
  return out;
}

// Lines never exceed their measure, except a line whose content between its
// start and break is a single box wider than the measure.
void expect_fits(const std::vector<BreakItem>& items, const BreakResult& r,
                 const std::function<Fixed(size_t)>& width) {
  bool any_overfull = false;
  for (size_t line = 0; line < r.breaks.size(); ++line) {
    const LineBreak& lb = r.breaks[line];
    const RefLine l = ref_line(items, lb.start, lb.position, width(line), 0);
    if (l.overfull) {
      any_overfull = true;
      size_t boxes = 0;
      for (size_t k = lb.start; k < lb.position; ++k)
        boxes += items[k].type == ItemType::Box ? 1 : 0;
      EXPECT_EQ(boxes, 1u) << "overfull line " << line << " holds more than one box";
      EXPECT_GT(items[lb.start].width, width(line));
    }
    EXPECT_GE(lb.ratio, -1.0);
  }
  EXPECT_EQ(any_overfull, r.overfull);
}

// Deterministic generator (std distributions differ between libraries).
struct Rng {
  uint64_t s;
  uint32_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(s >> 33);
  }
  int range(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<uint32_t>(hi - lo + 1));
  }
};

// Random words of 1-max_len letters; words of 5+ letters get hyphenation
// points at least 2 letters from the start and 3 from the end.
std::string random_text(Rng& rng, int words, int max_len = 12) {
  std::string s;
  for (int w = 0; w < words; ++w) {
    if (w) s += ' ';
    const int len = rng.range(1, max_len);
    for (int i = 0; i < len; ++i) {
      if (len >= 5 && i >= 2 && i <= len - 3 && rng.range(0, 3) == 0) s += '~';
      s += static_cast<char>('a' + rng.range(0, 25));
    }
  }
  return s;
}

std::function<Fixed(size_t)> uniform(Fixed w) {
  return [w](size_t) { return w; };
}

// ---- Tests

TEST(Badness, MatchesTexValues) {
  EXPECT_EQ(badness(0, 0), 0);
  EXPECT_EQ(badness(kPt, 0), kInfBad);
  EXPECT_EQ(badness(kPt, kPt), 100);            // ratio 1: 297^3/2^18 = 99.9 -> 100
  EXPECT_EQ(badness(kPt, 2 * kPt), 12);         // ratio 1/2: 148^3 -> 12.4
  EXPECT_EQ(badness(2 * kPt, kPt), 800);        // ratio 2: 594^3 -> 799.5
  EXPECT_EQ(badness(5 * kPt, kPt), kInfBad);    // ratio 5 > 1290/297
  EXPECT_EQ(badness(from_pt(4.3), kPt), 7944);  // r = 281805 * 297 / 65536 = 1277; 1277^3 / 2^18
}

TEST(Badness, FitnessClassBoundaries) {
  // With stretch 297sp, badness(t) uses r = t exactly: 148 -> 12, 149 -> 13,
  // 296 -> 99, 297 -> 100 (TeX's class limits are badness 12 and 99).
  auto fit = [](Fixed shortfall, Fixed stretch, Fixed shrink) {
    detail::Totals t;
    t.width = 1000 * kPt - shortfall;
    t.stretch[0] = stretch;
    t.shrink = shrink;
    return detail::fit_line(t, 1000 * kPt, 0);
  };
  EXPECT_EQ(fit(148, 297, 0).badness, 12);
  EXPECT_EQ(fit(148, 297, 0).fitness, kDecent);
  EXPECT_EQ(fit(149, 297, 0).badness, 13);
  EXPECT_EQ(fit(149, 297, 0).fitness, kLoose);
  EXPECT_EQ(fit(296, 297, 0).fitness, kLoose);
  EXPECT_EQ(fit(297, 297, 0).badness, 100);
  EXPECT_EQ(fit(297, 297, 0).fitness, kVeryLoose);
  EXPECT_EQ(fit(-148, 0, 297).fitness, kDecent);
  EXPECT_EQ(fit(-149, 0, 297).fitness, kTight);
  EXPECT_EQ(fit(-298, 0, 297).badness, kInfBad + 1);  // overfull
  EXPECT_EQ(fit(5, 0, 0).badness, kInfBad);           // underfull, nothing to stretch
  detail::Totals fil;
  fil.stretch[1] = 1;
  EXPECT_EQ(detail::fit_line(fil, 1000 * kPt, 0).badness, 0);
  EXPECT_EQ(fit(297, 0, 0).badness, kInfBad);
  EXPECT_EQ(detail::fit_line(detail::Totals{}, 297, 297).badness, 100);  // emergency stretch
}

TEST(KnuthPlass, SmallParagraphIsTheExhaustiveOptimum) {
  // Twelve words, two with hyphenation points: 2^14 break combinations.
  const Para p = build("The quick brown fox jum~ped over the lazy dog and kept run~ning");
  const auto width = uniform(25 * kChar);
  BreakParams params;
  params.pretolerance = -1;  // straight to the tolerance pass (hyphens allowed)
  const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(25 * kChar), params);
  ASSERT_EQ(r.pass, 2);
  std::vector<size_t> best;
  const long long bf = brute_force_min(p.items, width, params, ref_for(r, params), &best);
  ASSERT_NE(bf, kNoSolution);
  EXPECT_EQ(r.total_demerits, bf) << dump(p, r);
  EXPECT_EQ(ref_total(p.items, positions(r), width, params, ref_for(r, params)), r.total_demerits);
  // By hand (measure 150pt): "The quick brown fox jumped" is 22 x 6pt + 4
  // spaces = 148pt, 2pt short of 8pt stretch: badness(2pt, 8pt) = 2;
  // "over the lazy dog and kept" is 126 + 20 = 146pt, 4pt short of 10pt:
  // badness 6; the last line has fil glue: 0. All decent, so the demerits
  // are (10+2)^2 + (10+6)^2 + (10+0)^2 = 500.
  EXPECT_EQ(lines_of(p, r), (std::vector<std::string>{"The quick brown fox jumped",
                                                      "over the lazy dog and kept", "running"}))
      << dump(p, r);
  EXPECT_EQ(r.total_demerits, 500);
  EXPECT_EQ(positions(r), best);
  expect_fits(p.items, r, width);
}

TEST(KnuthPlass, RandomSmallParagraphsMatchExhaustiveSearch) {
  Rng rng{12345};
  int checked = 0;
  for (int n = 0; n < 100; ++n) {
    const Para p = build(random_text(rng, rng.range(6, 11)));
    size_t optional = 0;
    for (size_t i = 0; i + 1 < p.items.size(); ++i) optional += ref_legal(p.items, i, true) ? 1 : 0;
    if (optional > 16) continue;
    const Fixed measure = rng.range(14, 30) * kChar;
    // A shaped paragraph: the first line is indented by 3 characters.
    const LineMeasure lm{{measure - 3 * kChar}, measure};
    BreakParams params;
    params.pretolerance = -1;
    params.tolerance = rng.range(0, 1) ? 10000 : 400;
    if (n % 3 == 0) {  // short last lines cost extra
      params.min_last_line = measure * rng.range(10, 60) / 100;
      params.short_last_line_demerits = rng.range(1, 4) * 5000;
    }
    const BreakResult r = knuth_plass(p.items, lm, params);
    if (r.pass != 2) continue;
    const std::function<Fixed(size_t)> width = [&lm](size_t l) { return lm(l); };
    EXPECT_EQ(r.total_demerits, brute_force_min(p.items, width, params, ref_for(r, params)))
        << dump(p, r);
    EXPECT_EQ(ref_total(p.items, positions(r), width, params, ref_for(r, params)),
              r.total_demerits);
    ++checked;
  }
  EXPECT_GE(checked, 40);
}

TEST(KnuthPlass, FrogKingWithEnglishHyphenation) {
  const std::string frog =
      "In olden times when wishing still helped one, there lived a king whose daughters were "
      "all beautiful; and the youngest was so beautiful that the sun itself, which has seen so "
      "much, was astonished whenever it shone in her face. Close by the king's castle lay a "
      "great dark forest, and under an old lime-tree in the forest was a well, and when the day "
      "was very warm, the king's child went out into the forest and sat down by the side of the "
      "cool fountain; and when she was bored she took a golden ball, and threw it up on high "
      "and caught it; and this ball was her favorite plaything.";
  const auto hy = HyphenatorCache::process().get("en");
  ASSERT_NE(hy, nullptr);
  std::string marked;
  size_t i = 0;
  while (i < frog.size()) {
    const size_t j = std::min(frog.find(' ', i), frog.size());
    const std::string word = frog.substr(i, j - i);
    size_t last = 0;
    for (size_t off : hy->hyphenate(word)) {
      marked += word.substr(last, off - last) + "~";
      last = off;
    }
    marked += word.substr(last);
    if (j < frog.size()) marked += ' ';
    i = j + 1;
  }
  const Para p = build(marked);
  const BreakParams params;
  struct Case {
    int chars;
    int pass;
    std::vector<std::string> lines;
  };
  // Read back and checked by eye: all lines within tolerance; at 50
  // characters the hyphen-free first pass succeeds, at 60 the second pass
  // needs "beau-tiful" (a double hyphen or a final hyphen would cost more).
  const std::vector<Case> cases = {
      {50,
       1,
       {"In olden times when wishing still helped one, there",
        "lived a king whose daughters were all beautiful; and",
        "the youngest was so beautiful that the sun itself,",
        "which has seen so much, was astonished whenever it",
        "shone in her face. Close by the king's castle lay a",
        "great dark forest, and under an old lime-tree in the",
        "forest was a well, and when the day was very warm, the",
        "king's child went out into the forest and sat down by",
        "the side of the cool fountain; and when she was bored",
        "she took a golden ball, and threw it up on high and",
        "caught it; and this ball was her favorite plaything."}},
      {60,
       2,
       {"In olden times when wishing still helped one, there lived a king",
        "whose daughters were all beautiful; and the youngest was so beau-",
        "tiful that the sun itself, which has seen so much, was astonished",
        "whenever it shone in her face. Close by the king's castle lay a",
        "great dark forest, and under an old lime-tree in the forest was",
        "a well, and when the day was very warm, the king's child went out",
        "into the forest and sat down by the side of the cool fountain;",
        "and when she was bored she took a golden ball, and threw it up on",
        "high and caught it; and this ball was her favorite plaything."}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.chars);
    const Fixed measure = c.chars * kChar;
    const auto width = uniform(measure);
    const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(measure), params);
    EXPECT_EQ(r.pass, c.pass);
    EXPECT_FALSE(r.overfull);
    expect_fits(p.items, r, width);
    EXPECT_EQ(lines_of(p, r), c.lines) << dump(p, r);
    for (const LineBreak& lb : r.breaks) EXPECT_LE(lb.badness, params.tolerance);
    // Optimal for its pass, by the independent dynamic programme.
    EXPECT_EQ(r.total_demerits, dp_min(p.items, width, true, params, ref_for(r, params)));
    // Total fit beats first fit on the same demerits scale.
    const BreakResult ff = first_fit(p.items, LineMeasure::uniform(measure), params);
    EXPECT_LE(r.total_demerits, ff.total_demerits);
  }
}

TEST(KnuthPlass, RandomCorpusBeatsFirstFitAndFits) {
  Rng rng{20240611};
  for (int n = 0; n < 50; ++n) {
    const Para p = build(random_text(rng, rng.range(20, 120)));
    const Fixed measure = rng.range(24, 70) * kChar;
    const auto width = uniform(measure);
    const LineMeasure lm = LineMeasure::uniform(measure);
    SCOPED_TRACE("paragraph " + std::to_string(n));

    const BreakParams defaults;
    const BreakResult r = knuth_plass(p.items, lm, defaults);
    expect_fits(p.items, r, width);
    EXPECT_FALSE(r.overfull);
    // All words fit, so even a last-resort result is the optimum of its pass.
    EXPECT_EQ(r.total_demerits, dp_min(p.items, width, true, defaults, ref_for(r, defaults)));

    const BreakResult ff = first_fit(p.items, lm, defaults);
    expect_fits(p.items, ff, width);
    // Greedy: no line could have taken the material up to the next break.
    for (size_t l = 0; l + 1 < ff.breaks.size(); ++l) {
      size_t next = ff.breaks[l].position + 1;
      while (!ref_legal(p.items, next, true)) ++next;
      EXPECT_TRUE(ref_line(p.items, ff.breaks[l].start, next, measure, 0).overfull) << "line " << l;
    }

    // Without the tolerance limit the total fit is the global optimum, so it
    // can never lose to the greedy breaks.
    BreakParams global;
    global.pretolerance = -1;
    global.tolerance = 10000;
    const BreakResult g = knuth_plass(p.items, lm, global);
    EXPECT_LE(g.total_demerits, ff.total_demerits);
    EXPECT_LE(g.total_demerits, r.total_demerits);
    // With the usual tolerance it still wins whenever the greedy lines are
    // all within that tolerance (the greedy solution is then a candidate).
    BreakParams tol;
    tol.pretolerance = -1;
    const BreakResult t = knuth_plass(p.items, lm, tol);
    const bool ff_feasible = std::all_of(ff.breaks.begin(), ff.breaks.end(),
                                         [](const LineBreak& b) { return b.badness <= 200; });
    if (ff_feasible) {
      EXPECT_EQ(t.pass, 2);
      EXPECT_LE(t.total_demerits, ff.total_demerits);
    }
  }
}

TEST(KnuthPlass, FirstFitIsGreedy) {
  // Measure 114pt. First fit takes "a bbb ccc d eee ffff g": 16 x 6pt + 6
  // spaces = 120pt, 6pt over but within the 7.98pt of shrink: badness
  // (6/7.98)^3 -> 42, tight; demerits (10+42)^2 + (10+0)^2 = 2804. Total fit
  // stops before "g": 110pt, 4pt short of 10pt stretch: badness 6, demerits
  // (10+6)^2 + 10^2 = 356.
  const Para p = build("a bbb ccc d eee ffff g hhhhhhh iiii");
  const LineMeasure lm = LineMeasure::uniform(19 * kChar);
  const BreakResult ff = first_fit(p.items, lm, BreakParams{});
  EXPECT_EQ(lines_of(p, ff), (std::vector<std::string>{"a bbb ccc d eee ffff g", "hhhhhhh iiii"}));
  EXPECT_EQ(ff.breaks[0].badness, 42);
  EXPECT_EQ(ff.breaks[0].fitness, kTight);
  EXPECT_EQ(ff.total_demerits, 2804);
  const BreakResult kp = knuth_plass(p.items, lm, BreakParams{});
  EXPECT_EQ(lines_of(p, kp), (std::vector<std::string>{"a bbb ccc d eee ffff", "g hhhhhhh iiii"}));
  EXPECT_EQ(kp.total_demerits, 356);
}

TEST(KnuthPlass, LoosenessFollowsTex) {
  // TeX's rule (§875): from the best solution's line count, move towards
  // best + looseness as far as feasible lines allow, never beyond; fewest
  // demerits among solutions of that count. The reference gives the
  // minimum demerits for every feasible line count.
  Rng rng{999};
  int longer = 0, shorter = 0;
  for (int n = 0; n < 60; ++n) {
    const Para p = build(random_text(rng, rng.range(15, 40), 7));
    const Fixed measure = rng.range(30, 60) * kChar;
    const auto width = uniform(measure);
    BreakParams params;
    params.pretolerance = -1;
    params.tolerance = 1000;
    const BreakResult base = knuth_plass(p.items, LineMeasure::uniform(measure), params);
    if (base.pass != 2) continue;
    const std::map<size_t, long long> by_lines =
        dp_by_lines(p.items, width, params, ref_for(base, params));
    long long best = kNoSolution;
    for (const auto& [lines, d] : by_lines) best = std::min(best, d);
    ASSERT_EQ(base.total_demerits, best);
    for (int looseness : {1, -1, 2}) {
      params.looseness = looseness;
      const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(measure), params);
      SCOPED_TRACE("paragraph " + std::to_string(n) + " looseness " + std::to_string(looseness));
      ASSERT_EQ(r.pass, 2);
      const long long base_lines = static_cast<long long>(base.breaks.size());
      long long want = base_lines;
      for (const auto& [lines, d] : by_lines) {
        const long long diff = static_cast<long long>(lines) - base_lines;
        if ((looseness > 0 && diff > want - base_lines && diff <= looseness) ||
            (looseness < 0 && diff < want - base_lines && diff >= looseness))
          want = static_cast<long long>(lines);
      }
      EXPECT_EQ(static_cast<long long>(r.breaks.size()), want);
      EXPECT_EQ(r.total_demerits, by_lines.at(static_cast<size_t>(want)));
      expect_fits(p.items, r, width);
      if (looseness == 1 && want > base_lines) ++longer;
      if (looseness == -1 && want < base_lines) ++shorter;
    }
    params.looseness = 0;
  }
  // The corpus has paragraphs where a looser or a tighter setting exists.
  EXPECT_GE(longer, 3);
  EXPECT_GE(shorter, 1);
}

TEST(KnuthPlass, ForcedBreaksAreHonoured) {
  // '|' is \hfil\break; '#' a bare \break, whose short line is underfull
  // (badness 10000) but must still end there.
  const Para p = build("one two three four five six seven|eight nine#ten eleven twelve");
  const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(60 * kChar), BreakParams{});
  const auto lines = lines_of(p, r);
  ASSERT_EQ(lines.size(), 3u) << dump(p, r);
  EXPECT_EQ(lines[0], "one two three four five six seven");
  EXPECT_EQ(lines[1], "eight nine");
  EXPECT_EQ(lines[2], "ten eleven twelve");
  EXPECT_TRUE(p.items[r.breaks[0].position].is_forced_break());
  EXPECT_TRUE(p.items[r.breaks[1].position].is_forced_break());
  EXPECT_FALSE(r.overfull);
  EXPECT_EQ(r.pass, 4);  // the bare break's underfull line needs the last resort
  EXPECT_EQ(r.breaks[1].badness, kInfBad);
  // Two forced breaks in a row give an empty line.
  const Para q = build("alpha beta||gamma");
  const BreakResult rq = knuth_plass(q.items, LineMeasure::uniform(60 * kChar), BreakParams{});
  EXPECT_EQ(lines_of(q, rq), (std::vector<std::string>{"alpha beta", "", "gamma"}));
}

TEST(KnuthPlass, AvoidsConsecutiveHyphens) {
  // Found by searching random paragraphs: the cheapest lines end in two
  // hyphens in a row unless that costs double_hyphen_demerits.
  const Para p = build("ceh s oejgfb ok~ewc zs o qqn~b~skjd vf knzq av ta~dkhoar~x~ktt yqwxhjih");
  const LineMeasure lm = LineMeasure::uniform(26 * kChar);
  BreakParams params;
  params.pretolerance = -1;
  params.double_hyphen_demerits = 0;
  params.final_hyphen_demerits = 0;
  const BreakResult free = knuth_plass(p.items, lm, params);
  auto consecutive = [](const BreakResult& r) {
    for (size_t i = 1; i < r.breaks.size(); ++i)
      if (r.breaks[i].hyphenated && r.breaks[i - 1].hyphenated) return true;
    return false;
  };
  ASSERT_TRUE(consecutive(free)) << dump(p, free);
  EXPECT_EQ(lines_of(p, free),
            (std::vector<std::string>{"ceh s oejgfb okewc zs o qqn-", "bskjd vf knzq av tadkhoarx-",
                                      "ktt yqwxhjih"}));
  params.double_hyphen_demerits = 10000;
  const BreakResult r = knuth_plass(p.items, lm, params);
  EXPECT_FALSE(consecutive(r)) << dump(p, r);
  EXPECT_EQ(r.total_demerits,
            dp_min(p.items, uniform(26 * kChar), true, params, ref_for(r, params)));
  EXPECT_EQ(r.total_demerits,
            brute_force_min(p.items, uniform(26 * kChar), params, ref_for(r, params)));
}

TEST(KnuthPlass, FinalHyphenDemerits) {
  // Found by search: a hyphen on the penultimate line is cheapest unless it
  // costs final_hyphen_demerits.
  const Para p = build(
      "en cn nx dvp hxd~snutx ma~e~aazmos zyg nz~elueomnz mbhf~jwe iu~o~ocr lsye~t~axc "
      "zdmx~y~yvakkzc nt");
  const LineMeasure lm = LineMeasure::uniform(50 * kChar);
  BreakParams params;
  params.pretolerance = -1;
  params.final_hyphen_demerits = 0;
  const BreakResult free = knuth_plass(p.items, lm, params);
  ASSERT_EQ(free.breaks.size(), 2u);
  ASSERT_TRUE(free.breaks[0].hyphenated) << dump(p, free);
  params.final_hyphen_demerits = 5000;
  const BreakResult r = knuth_plass(p.items, lm, params);
  ASSERT_EQ(r.breaks.size(), 2u);
  EXPECT_FALSE(r.breaks[0].hyphenated) << dump(p, r);
  EXPECT_EQ(r.total_demerits,
            dp_min(p.items, uniform(50 * kChar), true, params, ref_for(r, params)));
}

TEST(KnuthPlass, ShortLastLineDemeritsAvoidRunts) {
  // The best settings at 33 and 37 characters leave a word or two alone on
  // the last line (a runt). Costing a last line under 30% of the measure
  // 10000 more makes the breaker carry words down (at 33, looser lines) or
  // pull the runt up (at 37, tighter ones); both are optimal by the
  // independent dynamic programme under the same costs.
  const Para p = build("In the end it is up to us to go on and do what we can to make it so, as we all know.");
  struct Case {
    int chars;
    std::vector<std::string> plain, avoided;
  };
  const std::vector<Case> cases = {
      {33,
       {"In the end it is up to us to go on and", "do what we can to make it so, as we", "all know."},
       {"In the end it is up to us to go on", "and do what we can to make it so, as", "we all know."}},
      {37,
       {"In the end it is up to us to go on and", "do what we can to make it so, as we all", "know."},
       {"In the end it is up to us to go on and do", "what we can to make it so, as we all know."}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.chars);
    const Fixed measure = c.chars * kChar;
    const auto width = uniform(measure);
    BreakParams params;
    params.pretolerance = -1;
    const BreakResult plain = knuth_plass(p.items, LineMeasure::uniform(measure), params);
    EXPECT_EQ(lines_of(p, plain), c.plain) << dump(p, plain);
    params.min_last_line = measure * 30 / 100;
    params.short_last_line_demerits = 10000;
    const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(measure), params);
    EXPECT_EQ(lines_of(p, r), c.avoided) << dump(p, r);
    EXPECT_GE(r.breaks.back().natural_width, params.min_last_line);
    EXPECT_EQ(r.total_demerits, dp_min(p.items, width, true, params, ref_for(r, params)));
    expect_fits(p.items, r, width);
    // Off (0 demerits): the plain setting.
    params.short_last_line_demerits = 0;
    EXPECT_EQ(positions(knuth_plass(p.items, LineMeasure::uniform(measure), params)), positions(plain));
    // When every setting has a short last line, it stays, paid for once.
    params.short_last_line_demerits = 10000;
    params.min_last_line = 1000 * kChar;
    const BreakResult all_short = knuth_plass(p.items, LineMeasure::uniform(measure), params);
    EXPECT_EQ(positions(all_short), positions(plain));
    EXPECT_EQ(all_short.total_demerits, plain.total_demerits + 10000);
  }
  // A paragraph of one line has no runt.
  BreakParams params;
  params.min_last_line = 30 * kChar;
  params.short_last_line_demerits = 10000;
  const Para one = build("A short line.");
  const BreakResult o = knuth_plass(one.items, LineMeasure::uniform(30 * kChar), params);
  ASSERT_EQ(o.breaks.size(), 1u);
  EXPECT_EQ(o.total_demerits, 100);  // (line_penalty 10 + badness 0)^2
}

TEST(KnuthPlass, PretolerancePassSkipsDictionaryHyphens) {
  // "alpha beta gamma well-" is exactly 126pt: the first (hyphen-free) pass
  // may break at the author's hyphen, never at a dictionary point.
  const Para a = build("alpha beta gam~ma well-known del~ta epsilon");
  const BreakResult ra = knuth_plass(a.items, LineMeasure::uniform(21 * kChar), BreakParams{});
  EXPECT_EQ(ra.pass, 1);
  EXPECT_EQ(lines_of(a, ra),
            (std::vector<std::string>{"alpha beta gamma well-", "known delta epsilon"}));
  // Here only the dictionary point "wonder-" fits: the first pass fails and
  // the second uses it.
  const Para b = build("alpha beta gamma wonder~ful delta");
  const BreakResult rb = knuth_plass(b.items, LineMeasure::uniform(23 * kChar), BreakParams{});
  EXPECT_EQ(rb.pass, 2);
  EXPECT_EQ(lines_of(b, rb), (std::vector<std::string>{"alpha beta gamma wonder-", "ful delta"}));
  // Over a corpus: no first-pass result uses a dictionary hyphen, and each
  // is the optimum among hyphen-free solutions within pretolerance.
  Rng rng{4242};
  int first_pass = 0;
  for (int n = 0; n < 60; ++n) {
    const Para p = build(random_text(rng, rng.range(10, 40)));
    const Fixed measure = rng.range(40, 70) * kChar;
    const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(measure), BreakParams{});
    if (r.pass != 1) continue;
    ++first_pass;
    for (const LineBreak& lb : r.breaks) EXPECT_FALSE(lb.hyphenated);
    EXPECT_EQ(r.total_demerits,
              dp_min(p.items, uniform(measure), true, BreakParams{}, ref_for(r, BreakParams{})));
  }
  EXPECT_GE(first_pass, 5);
}

TEST(KnuthPlass, EmergencyStretchPass) {
  // "aaaaaaaaaa bbbbbbbbbbbb" is 136pt on a 180pt measure with 2pt of
  // stretch: hopeless within tolerance 200 unless emergency stretch helps.
  const Para p = build("aaaaaaaaaa bbbbbbbbbbbb cccccccccc dddddddddddd");
  BreakParams params;
  params.emergency_stretch = 60 * kPt;
  const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(30 * kChar), params);
  EXPECT_EQ(r.pass, 3) << dump(p, r);
  EXPECT_FALSE(r.overfull);
  params.emergency_stretch = 0;
  const BreakResult last = knuth_plass(p.items, LineMeasure::uniform(30 * kChar), params);
  EXPECT_EQ(last.pass, 4);
  EXPECT_FALSE(last.overfull);
  EXPECT_EQ(positions(last), positions(r));
}

TEST(KnuthPlass, RaggedRightByItemPattern) {
  // Ragged right as in Knuth & Plass: spaces keep their width, the stretch
  // sits in a line-end glue; total fit then evens out the right margin.
  const std::string text =
      "In olden times when wishing still helped one there lived a king whose daughters were all "
      "beautiful and the youngest was so beautiful that the sun itself which has seen so much "
      "was astonished whenever it shone in her face";
  Para p;
  size_t i = 0;
  while (i < text.size()) {
    const size_t j = std::min(text.find(' ', i), text.size());
    p.items.push_back(BreakItem::make_box(static_cast<Fixed>(j - i) * kChar));
    p.item_text.push_back(text.substr(i, j - i));
    if (j < text.size()) {
      append_ragged_space(p.items, kSpace, 3 * kChar * 6);
      p.item_text.resize(p.items.size(), "");
      p.item_text[p.items.size() - 1] = " ";
    }
    i = j + 1;
  }
  append_paragraph_end(p.items);
  p.item_text.resize(p.items.size(), "");
  const Fixed measure = 40 * kChar;
  const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(measure), BreakParams{});
  const BreakResult ff = first_fit(p.items, LineMeasure::uniform(measure), BreakParams{});
  expect_fits(p.items, r, uniform(measure));
  EXPECT_LE(r.total_demerits, ff.total_demerits);
  for (const LineBreak& lb : r.breaks) {
    EXPECT_LE(lb.natural_width, measure);  // never shrunk: ragged lines are set at natural width
    EXPECT_EQ(p.items[lb.position].type, ItemType::Penalty);
  }
  // The raggedness (sum of squared right-margin gaps) is no worse than greedy.
  auto raggedness = [&](const BreakResult& b) {
    double s = 0;
    for (size_t k = 0; k + 1 < b.breaks.size(); ++k) {
      const double gap = to_pt(measure - b.breaks[k].natural_width);
      s += gap * gap;
    }
    return s;
  };
  EXPECT_LE(raggedness(r), raggedness(ff)) << dump(p, r) << dump(p, ff);
}

TEST(KnuthPlass, FiveThousandSingleCharacterBoxes) {
  std::vector<BreakItem> items;
  for (int i = 0; i < 5000; ++i) {
    if (i) items.push_back(BreakItem::make_penalty(0, 0));
    items.push_back(BreakItem::make_box(kChar));
  }
  append_paragraph_end(items);
  // 50.5 characters wide: every full line is underfull and has no stretch,
  // so only the last-resort pass accepts them.
  const Fixed measure = 50 * kChar + kChar / 2;
  const BreakResult r = knuth_plass(items, LineMeasure::uniform(measure), BreakParams{});
  ASSERT_EQ(r.breaks.size(), 100u);
  EXPECT_EQ(r.pass, 4);
  EXPECT_FALSE(r.overfull);
  for (size_t l = 0; l + 1 < r.breaks.size(); ++l) {
    EXPECT_EQ(r.breaks[l].natural_width, 50 * kChar) << "line " << l;
  }
  expect_fits(items, r, uniform(measure));
  const BreakResult ff = first_fit(items, LineMeasure::uniform(measure), BreakParams{});
  EXPECT_EQ(positions(ff), positions(r));
}

TEST(KnuthPlass, OverlongBoxIsAloneOnItsOverfullLine) {
  // A 5,000-character "word" the caller could not split.
  Para p = build("before the long word");
  p.items.resize(p.items.size() - 3);  // reopen the paragraph
  p.items.push_back(BreakItem::make_glue(kSpace, kSpaceStretch, kSpaceShrink));
  const size_t long_box = p.items.size();
  p.items.push_back(BreakItem::make_box(5000 * kChar));
  for (const char* w : {"and", "some", "words", "after", "it", "to", "fill", "lines"}) {
    p.items.push_back(BreakItem::make_glue(kSpace, kSpaceStretch, kSpaceShrink));
    p.items.push_back(BreakItem::make_box(static_cast<Fixed>(std::string(w).size()) * kChar));
  }
  append_paragraph_end(p.items);
  const Fixed measure = 20 * kChar;
  const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(measure), BreakParams{});
  EXPECT_TRUE(r.overfull);
  EXPECT_EQ(r.pass, 4);
  expect_fits(p.items, r, uniform(measure));  // the overfull line holds only that box
  int overfull_lines = 0;
  for (const LineBreak& lb : r.breaks) {
    if (lb.badness > kInfBad) {
      ++overfull_lines;
      EXPECT_EQ(lb.start, long_box);
    }
  }
  EXPECT_EQ(overfull_lines, 1);
  // First fit puts it alone too.
  const BreakResult ff = first_fit(p.items, LineMeasure::uniform(measure), BreakParams{});
  expect_fits(p.items, ff, uniform(measure));
}

TEST(KnuthPlass, EmergencyBreaksSplitAnOverlongWord) {
  std::vector<BreakItem> items;
  for (const char* w : {"see", "the", "address"}) {
    items.push_back(BreakItem::make_box(static_cast<Fixed>(std::string(w).size()) * kChar));
    items.push_back(BreakItem::make_glue(kSpace, kSpaceStretch, kSpaceShrink));
  }
  const size_t url_begin = items.size();
  for (int i = 0; i < 5000; ++i)
    items.push_back(BreakItem::make_box(kChar));  // one box per cluster
  items.push_back(BreakItem::make_glue(kSpace, kSpaceStretch, kSpaceShrink));
  items.push_back(BreakItem::make_box(5 * kChar));
  append_paragraph_end(items);
  const Fixed measure = 40 * kChar;
  const size_t before = items.size();
  add_emergency_breaks(items, measure);
  EXPECT_EQ(items.size(), before + 4999);  // only inside the long run
  EXPECT_EQ(items[url_begin - 1].type, ItemType::Glue);
  const BreakResult r = knuth_plass(items, LineMeasure::uniform(measure), BreakParams{});
  EXPECT_FALSE(r.overfull);
  expect_fits(items, r, uniform(measure));
  EXPECT_GE(r.breaks.size(), 5000u / 40u);
  // Every line inside the run is full.
  for (size_t l = 1; l + 2 < r.breaks.size(); ++l) EXPECT_EQ(r.breaks[l].natural_width, measure);
}

TEST(KnuthPlass, TwentyThousandItemsStayCorrect) {
  Rng rng{7};
  const Para p = build(random_text(rng, 6000));
  ASSERT_GT(p.items.size(), 20000u);
  const Fixed measure = 60 * kChar;
  const auto width = uniform(measure);
  const BreakParams params;
  const BreakResult r = knuth_plass(p.items, LineMeasure::uniform(measure), params);
  EXPECT_FALSE(r.overfull);
  expect_fits(p.items, r, width);
  EXPECT_EQ(r.total_demerits, dp_min(p.items, width, true, params, ref_for(r, params)));
  // The std::function form (no line-class merging) finds the same optimum.
  const BreakResult f = knuth_plass(p.items, width, params);
  EXPECT_EQ(f.total_demerits, r.total_demerits);
  EXPECT_EQ(f.pass, r.pass);
}

TEST(KnuthPlass, ShapedParagraphUsesPerLineWidths) {
  // Alternating narrow and wide first lines (text around a float): the
  // line number of every break matters, and loose settings (tolerance
  // 10000) make many line counts reach the same break.
  Rng rng{5};
  for (int n = 0; n < 50; ++n) {
    const Para p = build(random_text(rng, rng.range(30, 90), 8));
    LineMeasure lm;
    for (int l = 0; l < 8; ++l) lm.first.push_back((l % 2 ? 45 : rng.range(16, 30)) * kChar);
    lm.rest = 35 * kChar;
    const std::function<Fixed(size_t)> width = [&lm](size_t l) { return lm(l); };
    BreakParams params;
    params.pretolerance = -1;
    params.tolerance = n % 2 ? 10000 : 400;
    const BreakResult r = knuth_plass(p.items, lm, params);
    SCOPED_TRACE(n);
    expect_fits(p.items, r, width);
    EXPECT_EQ(r.total_demerits, dp_min(p.items, width, false, params, ref_for(r, params)));
    EXPECT_EQ(ref_total(p.items, positions(r), width, params, ref_for(r, params)),
              r.total_demerits);
    const BreakResult f = knuth_plass(p.items, width, params);
    EXPECT_EQ(f.total_demerits, r.total_demerits);
    EXPECT_EQ(positions(f), positions(r));
  }
  // sample_measure finds where the widths become uniform.
  const Para p = build("a b c d e f");
  const LineMeasure m = sample_measure(p.items, [](size_t l) { return (l < 2 ? 10 : 20) * kChar; });
  EXPECT_EQ(m.first, (std::vector<Fixed>{10 * kChar, 10 * kChar}));
  EXPECT_EQ(m.rest, 20 * kChar);
}

TEST(KnuthPlass, RejectsUnterminatedList) {
  std::vector<BreakItem> items{BreakItem::make_box(kChar)};
  EXPECT_THROW(knuth_plass(items, LineMeasure::uniform(kChar), BreakParams{}),
               std::invalid_argument);
  EXPECT_TRUE(knuth_plass({}, LineMeasure::uniform(kChar), BreakParams{}).breaks.empty());
}

}  // namespace
}  // namespace emnpub::text
