#pragma once
// Greedy ("first fit") line breaking: each line takes as much material as
// fits with its glue fully shrunk, as word processors do. A baseline for
// knuth_plass: it scores its lines with the same badness and demerits
// (detail::fit_line / detail::line_demerits), so total_demerits compare.
#include <cstddef>
#include <functional>
#include <vector>

#include "text/break_items.hpp"
#include "text/knuth_plass.hpp"

namespace emnpub::text {

// Same contract as knuth_plass (items end with a forced break). Uses every
// legal break, hyphens included; a line is overfull only when an
// unbreakable run is wider than the measure. pass is always 1.
BreakResult first_fit(const std::vector<BreakItem>& items, const LineMeasure& measure,
                      const BreakParams& p);
BreakResult first_fit(const std::vector<BreakItem>& items,
                      const std::function<Fixed(size_t)>& line_width, const BreakParams& p);

}  // namespace emnpub::text
