#include "text/first_fit.hpp"

#include <algorithm>
#include <stdexcept>

namespace emnpub::text {

BreakResult first_fit(const std::vector<BreakItem>& items,
                      const std::function<Fixed(size_t)>& line_width, const BreakParams& p) {
  BreakResult result;
  result.pass = 1;
  if (items.empty()) return result;
  if (!items.back().is_forced_break())
    throw std::invalid_argument("first_fit: item list must end with a forced break");

  const detail::ParagraphSums sums(items);
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t start = 0;
  size_t line = 0;
  Fixed measure = line_width(0);
  int prev_fitness = kDecent;
  bool prev_hyphenated = false;
  size_t last_fit = kNone;  // latest legal break at which the current line still fits

  auto commit = [&](size_t brk) {
    LineBreak lb = detail::describe_line(items, sums, start < brk ? start : brk, brk, measure, 0);
    const BreakItem& it = items[brk];
    const int pi = it.type == ItemType::Penalty ? std::max(it.penalty, -kInfPenalty) : 0;
    result.total_demerits +=
        detail::line_demerits(p, lb.badness, pi, lb.hyphenated, prev_hyphenated,
                              brk + 1 == items.size(), lb.fitness, prev_fitness);
    if (lb.badness > kInfBad) result.overfull = true;
    prev_fitness = lb.fitness;
    prev_hyphenated = lb.hyphenated;
    result.breaks.push_back(lb);
    start = sums.next_start(brk);
    measure = line_width(++line);
    last_fit = kNone;
  };

  for (size_t cur = 0; cur < items.size(); ++cur) {
    if (!detail::is_legal_break(items, cur, true)) continue;
    for (;;) {
      const detail::Totals t = sums.line(start, cur);
      if (t.width - t.shrink <= measure) {
        last_fit = cur;
        if (items[cur].is_forced_break()) commit(cur);
        break;
      }
      if (last_fit == kNone) {  // nothing fits: the run since the last break is too wide
        commit(cur);
        break;
      }
      commit(last_fit);  // then look at cur again from the new line start
    }
  }
  return result;
}

BreakResult first_fit(const std::vector<BreakItem>& items, const LineMeasure& measure,
                      const BreakParams& p) {
  return first_fit(
      items, [&measure](size_t line) { return measure(line); }, p);
}

}  // namespace emnpub::text
