#include "text/knuth_plass.hpp"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <stdexcept>

namespace emnpub::text {

int badness(Fixed t, Fixed s) {
  // tex.web §108, kept bit-for-bit so that badness values match TeX's.
  if (t == 0) return 0;
  if (s <= 0) return kInfBad;
  int64_t r;
  if (t <= 7230584) {
    r = (t * 297) / s;
  } else if (s >= 1663497) {
    r = t / (s / 297);
  } else {
    r = t;
  }
  if (r > 1290) return kInfBad;  // 1290^3 < 2^31 <= 1291^3
  return static_cast<int>((r * r * r + 0x20000) / 0x40000);
}

namespace detail {

ParagraphSums::ParagraphSums(const std::vector<BreakItem>& items)
    : items_(items), prefix_(items.size() + 1), next_box_(items.size() + 2) {
  for (size_t i = 0; i < items.size(); ++i) {
    Totals t = prefix_[i];
    const BreakItem& it = items[i];
    if (it.type == ItemType::Box) {
      t.width += it.width;
    } else if (it.type == ItemType::Glue) {
      t.width += it.width;
      t.stretch[std::min<int>(it.stretch_order, kStretchOrders - 1)] += it.stretch;
      t.shrink += it.shrink;
    }
    prefix_[i + 1] = t;
  }
  next_box_[items.size()] = next_box_[items.size() + 1] = items.size();
  for (size_t i = items.size(); i-- > 0;)
    next_box_[i] = items[i].type == ItemType::Box ? i : next_box_[i + 1];
}

Totals ParagraphSums::line(size_t start, size_t brk) const {
  Totals t;
  if (start < brk) {
    const Totals& a = prefix_[start];
    const Totals& b = prefix_[brk];
    t.width = b.width - a.width;
    for (int o = 0; o < kStretchOrders; ++o) t.stretch[o] = b.stretch[o] - a.stretch[o];
    t.shrink = b.shrink - a.shrink;
  }
  if (brk < items_.size() && items_[brk].type == ItemType::Penalty) t.width += items_[brk].width;
  return t;
}

LineFit fit_line(const Totals& t, Fixed measure, Fixed extra_stretch) {
  LineFit f;
  const Fixed shortfall = measure - t.width;
  if (shortfall > 0) {
    if (t.stretch[1] != 0 || t.stretch[2] != 0 || t.stretch[3] != 0) {
      f.badness = 0;  // infinite stretch absorbs any shortfall
      f.fitness = kDecent;
    } else {
      f.badness = badness(shortfall, t.stretch[0] + extra_stretch);
      f.fitness = f.badness > 99 ? kVeryLoose : f.badness > 12 ? kLoose : kDecent;
    }
  } else {
    if (-shortfall > t.shrink) {
      f.badness = kInfBad + 1;  // overfull
    } else {
      f.badness = badness(-shortfall, t.shrink);
    }
    f.fitness = f.badness > 12 ? kTight : kDecent;
  }
  return f;
}

long long line_demerits(const BreakParams& p, int badness, int penalty, bool hyphenated,
                        bool prev_hyphenated, bool final_break, int fitness, int prev_fitness) {
  long long d = static_cast<long long>(p.line_penalty) + badness;
  d = std::llabs(d) >= 10000 ? 100000000LL : d * d;
  if (penalty != 0) {
    const long long pp = static_cast<long long>(penalty) * penalty;
    if (penalty > 0) {
      d += pp;
    } else if (penalty > -kInfPenalty) {
      d -= pp;
    }
  }
  // TeX treats the paragraph's end as a hyphenated break, so a hyphen on the
  // penultimate line meets it here and costs final_hyphen_demerits.
  if ((hyphenated || final_break) && prev_hyphenated)
    d += final_break ? p.final_hyphen_demerits : p.double_hyphen_demerits;
  if (std::abs(fitness - prev_fitness) > 1) d += p.adj_demerits;
  return d;
}

bool is_legal_break(const std::vector<BreakItem>& items, size_t i, bool dictionary_hyphens) {
  const BreakItem& it = items[i];
  switch (it.type) {
    case ItemType::Box:
      return false;
    case ItemType::Glue:
      return i > 0 && items[i - 1].type == ItemType::Box;
    case ItemType::Penalty:
      if (it.penalty >= kInfPenalty) return false;
      return !it.flagged || it.explicit_hyphen || dictionary_hyphens;
  }
  return false;
}

LineBreak describe_line(const std::vector<BreakItem>& items, const ParagraphSums& sums,
                        size_t start, size_t brk, Fixed measure, Fixed extra_stretch) {
  LineBreak lb;
  lb.position = brk;
  lb.start = start;
  const Totals t = sums.line(start, brk);
  const LineFit f = fit_line(t, measure, extra_stretch);
  lb.badness = f.badness;
  lb.fitness = f.fitness;
  lb.hyphenated = items[brk].type == ItemType::Penalty && items[brk].flagged;
  lb.natural_width = t.width;
  // The ratio uses the real stretch (the emergency stretch only relaxes the
  // badness test, as in TeX, where hpack never sees it).
  const Fixed shortfall = measure - t.width;
  if (shortfall > 0) {
    int order = 0;
    for (int o = kStretchOrders - 1; o > 0; --o) {
      if (t.stretch[o] != 0) {
        order = o;
        break;
      }
    }
    if (t.stretch[order] > 0) lb.ratio = static_cast<double>(shortfall) / t.stretch[order];
  } else if (shortfall < 0 && t.shrink > 0) {
    lb.ratio = std::max(-1.0, static_cast<double>(shortfall) / t.shrink);
  }
  return lb;
}

}  // namespace detail

namespace {

using detail::LineFit;
using detail::ParagraphSums;
using detail::Totals;

constexpr long long kAwful = LLONG_MAX / 4;  // "no break found"; sums of demerits stay below
constexpr size_t kNoLump = SIZE_MAX;         // every line number its own class
constexpr size_t kNone = SIZE_MAX;

// An active break: a place where a line may begin.
struct Active {
  size_t pos;       // break item index; kNone for the paragraph start
  size_t start;     // first item of the line beginning here
  size_t line;      // 0-based number of the line beginning here
  int fitness;      // fitness of the line ending here
  bool hyphenated;  // the line ending here ends with a hyphen
  long long total;  // demerits from the paragraph start
  int64_t passive;  // index into Breaker::passive_ (-1: paragraph start)
};

// A chosen break, kept for reading the solution backwards.
struct Passive {
  size_t pos;
  int64_t prev;
};

struct PassSpec {
  int number;
  int threshold;
  bool dictionary_hyphens;
  Fixed extra_stretch;
  bool last_resort;
};

struct PassOutcome {
  bool found = false;
  std::vector<size_t> positions;  // break items, in order
  long long total = 0;
  int actual_looseness = 0;
};

class Breaker {
 public:
  Breaker(const std::vector<BreakItem>& items, const LineMeasure& measure, const BreakParams& p)
      : items_(items), sums_(items), measure_(measure), p_(p) {}

  BreakResult run() {
    BreakResult result;
    if (items_.empty()) return result;
    if (!items_.back().is_forced_break())
      throw std::invalid_argument("knuth_plass: item list must end with a forced break");

    std::vector<PassSpec> passes;
    if (p_.pretolerance >= 0)
      passes.push_back({1, std::min(p_.pretolerance, kInfBad), false, 0, false});
    passes.push_back({2, std::min(p_.tolerance, kInfBad), true, 0, false});
    if (p_.emergency_stretch > 0)
      passes.push_back({3, std::min(p_.tolerance, kInfBad), true, p_.emergency_stretch, false});
    passes.push_back({4, kInfBad, true, std::max<Fixed>(p_.emergency_stretch, 0), true});

    PassOutcome chosen;
    const PassSpec* chosen_spec = nullptr;
    for (size_t k = 0; k < passes.size(); ++k) {
      const PassSpec& spec = passes[k];
      // The last resort exists to find *a* solution; looseness alone is not
      // a reason to accept lines worse than the tolerance (TeX's final pass
      // is the tolerance pass too).
      if (spec.last_resort && chosen.found) break;
      PassOutcome out = run_pass(spec);
      if (!out.found) continue;
      chosen = std::move(out);
      chosen_spec = &spec;
      if (p_.looseness == 0 || chosen.actual_looseness == p_.looseness) break;
    }
    // The last resort cannot fail; this guards a logic error only.
    if (!chosen.found) throw std::logic_error("knuth_plass: no solution in the last-resort pass");

    result.pass = chosen_spec->number;
    result.total_demerits = chosen.total;
    size_t start = 0;
    for (size_t line = 0; line < chosen.positions.size(); ++line) {
      const size_t brk = chosen.positions[line];
      LineBreak lb = detail::describe_line(items_, sums_, std::min(start, brk), brk, width(line),
                                           chosen_spec->extra_stretch);
      if (lb.badness > kInfBad) result.overfull = true;
      result.breaks.push_back(lb);
      start = sums_.next_start(brk);
    }
    return result;
  }

 private:
  Fixed width(size_t line) const { return measure_(line); }

  // Nodes whose lines lead into the same line-number class compete for the
  // same new active nodes (TeX's old_l/easy_line logic): lines from
  // lump_from_ on have one width, so their line numbers need not be told
  // apart unless looseness asks for line counts.
  size_t group_key(size_t line) const { return std::min(line + 1, lump_from_); }

  PassOutcome run_pass(const PassSpec& spec) {
    spec_ = &spec;
    // Looseness keeps every line count apart, and in the last-resort pass,
    // where nearly empty lines are acceptable, that means O(lines) nodes per
    // break, i.e. quadratic work: the last resort ignores looseness.
    const bool loose = p_.looseness != 0 && !spec.last_resort;
    lump_from_ = loose ? kNoLump : measure_.first.size();
    active_.clear();
    passive_.clear();
    active_.push_back(Active{kNone, 0, 0, kDecent, false, 0, -1});
    const size_t n = items_.size();
    for (size_t cur = 0; cur < n && !active_.empty(); ++cur) {
      if (!detail::is_legal_break(items_, cur, spec.dictionary_hyphens)) continue;
      const BreakItem& it = items_[cur];
      int pi = it.type == ItemType::Penalty ? it.penalty : 0;
      if (pi <= -kInfPenalty) pi = -kInfPenalty;
      const bool hyph = it.type == ItemType::Penalty && it.flagged;
      try_break(cur, pi, hyph, cur + 1 == n);
    }
    PassOutcome out;
    if (active_.empty()) return out;
    // The final forced break deactivated every older node: all remaining
    // nodes end the paragraph.
    const Active* best = &active_.front();
    for (const Active& a : active_)
      if (a.total < best->total) best = &a;
    out.actual_looseness = 0;
    if (loose) {
      // TeX §875: move towards the requested line count as far as possible
      // (never beyond it), fewest demerits among equals.
      const long long best_line = static_cast<long long>(best->line);
      const Active* bet = best;
      int actual = 0;
      long long fewest = best->total;
      for (const Active& a : active_) {
        const long long diff = static_cast<long long>(a.line) - best_line;
        if ((diff < actual && p_.looseness <= diff) || (diff > actual && p_.looseness >= diff)) {
          bet = &a;
          actual = static_cast<int>(diff);
          fewest = a.total;
        } else if (diff == actual && a.total < fewest) {
          bet = &a;
          fewest = a.total;
        }
      }
      best = bet;
      out.actual_looseness = actual;
    }
    out.found = true;
    out.total = best->total;
    for (int64_t k = best->passive; k >= 0; k = passive_[static_cast<size_t>(k)].prev)
      out.positions.push_back(passive_[static_cast<size_t>(k)].pos);
    std::reverse(out.positions.begin(), out.positions.end());
    return out;
  }

  void try_break(size_t cur, int pi, bool hyph, bool final_break) {
    const PassSpec& spec = *spec_;
    const bool forced = pi == -kInfPenalty;
    next_.clear();
    // Last resort: the deactivated node to break from if nothing survives.
    const Active* rescue = nullptr;
    size_t i = 0;
    while (i < active_.size()) {
      const size_t key = group_key(active_[i].line);
      long long minimal[4] = {kAwful, kAwful, kAwful, kAwful};
      size_t best_idx[4] = {0, 0, 0, 0};
      long long minimum = kAwful;
      size_t j = i;
      for (; j < active_.size() && group_key(active_[j].line) == key; ++j) {
        const Active& r = active_[j];
        const Totals t = sums_.line(r.start, cur);
        const LineFit f = detail::fit_line(t, width(r.line), spec.extra_stretch);
        bool stays;
        if (f.badness > kInfBad || forced) {
          // Overfull here is overfull at every later break too (material
          // only widens a line, as TeX assumes); a forced break ends all.
          stays = false;
          if (f.badness > spec.threshold) {
            // The latest break leaves only the unbreakable run on the
            // overfull line; fewest demerits among nodes at that break.
            if (spec.last_resort && (rescue == nullptr || rank(r) > rank(*rescue) ||
                                     (rank(r) == rank(*rescue) && r.total < rescue->total)))
              rescue = &r;
            continue;
          }
        } else {
          stays = true;
          if (f.badness > spec.threshold) {
            next_.push_back(r);
            continue;
          }
        }
        const long long d = r.total + detail::line_demerits(p_, f.badness, pi, hyph, r.hyphenated,
                                                            final_break, f.fitness, r.fitness) +
                            runt_demerits(r, t, final_break);
        if (d <= minimal[f.fitness]) {  // "<=": later nodes win ties, as in TeX
          minimal[f.fitness] = d;
          best_idx[f.fitness] = j;
          minimum = std::min(minimum, d);
        }
        if (stays) next_.push_back(r);
      }
      if (minimum < kAwful) {
        // A node more than adj_demerits worse than the best can never win.
        const long long limit = minimum + std::abs(p_.adj_demerits);
        for (int fit = kVeryLoose; fit <= kTight; ++fit) {
          if (minimal[fit] <= limit) add_node(cur, hyph, fit, minimal[fit], active_[best_idx[fit]]);
        }
      }
      i = j;
    }
    if (next_.empty() && rescue != nullptr) {
      const Totals t = sums_.line(rescue->start, cur);
      const LineFit f = detail::fit_line(t, width(rescue->line), spec.extra_stretch);
      const long long d =
          rescue->total + detail::line_demerits(p_, f.badness, pi, hyph, rescue->hyphenated,
                                                final_break, f.fitness, rescue->fitness) +
          runt_demerits(*rescue, t, final_break);
      add_node(cur, hyph, f.fitness, d, *rescue);
    }
    active_.swap(next_);
  }

  static size_t rank(const Active& a) { return a.pos == kNone ? 0 : a.pos + 1; }

  // The last line of a paragraph of more than one line, too short.
  long long runt_demerits(const Active& from, const Totals& t, bool final_break) const {
    return final_break && from.line > 0 && t.width < p_.min_last_line ? p_.short_last_line_demerits : 0;
  }

  void add_node(size_t cur, bool hyph, int fit, long long total, const Active& from) {
    passive_.push_back(Passive{cur, from.passive});
    next_.push_back(Active{cur, sums_.next_start(cur), from.line + 1, fit, hyph, total,
                           static_cast<int64_t>(passive_.size() - 1)});
  }

  const std::vector<BreakItem>& items_;
  ParagraphSums sums_;
  const LineMeasure& measure_;
  size_t lump_from_ = 0;
  BreakParams p_;
  const PassSpec* spec_ = nullptr;
  std::vector<Active> active_, next_;
  std::vector<Passive> passive_;
};

}  // namespace

BreakResult knuth_plass(const std::vector<BreakItem>& items, const LineMeasure& measure,
                        const BreakParams& p) {
  Breaker b(items, measure, p);
  return b.run();
}

LineMeasure sample_measure(const std::vector<BreakItem>& items,
                           const std::function<Fixed(size_t)>& line_width) {
  // A paragraph has at most one line per legal break, so sampling that many
  // widths and trimming the uniform tail is exact.
  size_t lines = 1;
  for (size_t i = 0; i < items.size(); ++i) lines += detail::is_legal_break(items, i, true) ? 1 : 0;
  LineMeasure m;
  m.first.reserve(lines);
  for (size_t l = 0; l < lines; ++l) m.first.push_back(line_width(l));
  m.rest = m.first.back();
  while (!m.first.empty() && m.first.back() == m.rest) m.first.pop_back();
  return m;
}

BreakResult knuth_plass(const std::vector<BreakItem>& items,
                        const std::function<Fixed(size_t)>& line_width, const BreakParams& p) {
  return knuth_plass(items, sample_measure(items, line_width), p);
}

void add_emergency_breaks(std::vector<BreakItem>& items, Fixed max_width, int penalty) {
  std::vector<BreakItem> out;
  out.reserve(items.size());
  size_t i = 0;
  while (i < items.size()) {
    if (items[i].type != ItemType::Box) {
      out.push_back(items[i++]);
      continue;
    }
    size_t j = i;
    Fixed run = 0;
    for (; j < items.size() && items[j].type == ItemType::Box; ++j) run += items[j].width;
    const bool split = run > max_width;
    for (size_t k = i; k < j; ++k) {
      if (split && k > i)
        out.push_back(BreakItem::make_penalty(0, penalty, false, items[k].source));
      out.push_back(items[k]);
    }
    i = j;
  }
  items.swap(out);
}

}  // namespace emnpub::text
