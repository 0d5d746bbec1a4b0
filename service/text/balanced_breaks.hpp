#pragma once
// Balanced ragged lines (a layout's balance="yes", as CSS text-wrap:
// balance): a heading that wraps breaks as it would in the narrowest
// measure that keeps its number of lines, so "4 Reception of applicants for
// international / protection" becomes "4 Reception of applicants / for
// international protection". Only the breaks change: the lines are still
// set and aligned in the real measure.
#include <vector>

#include "text/knuth_plass.hpp"

namespace emnpub::text {

inline constexpr size_t kMaxBalancedLines = 6;

// `br` broke `items` at `width` (lines after the first `hang` narrower)
// with `p`. Returns the breaks the same
// parameters give in the narrowest measure (to within half a point) that
// still makes as many lines, none overfull; `br` itself when it has one
// line, more than kMaxBalancedLines, or an overfull one. Runs the breaker
// about ten times; the items are not rebuilt, so a probe costs
// microseconds for a heading.
BreakResult balance_breaks(const std::vector<BreakItem>& items, const BreakResult& br, Fixed width, Fixed hang,
                           const BreakParams& p);

}  // namespace emnpub::text
