#include "text/balanced_breaks.hpp"

#include <algorithm>

namespace emnpub::text {

BreakResult balance_breaks(const std::vector<BreakItem>& items, const BreakResult& br, Fixed width, Fixed hang,
                           const BreakParams& p) {
  const size_t n = br.breaks.size();
  if (n < 2 || n > kMaxBalancedLines || br.overfull) return br;
  // No narrower measure holds the lines' material in n lines than a share
  // of it (less a tenth for the spaces the new breaks discard).
  Fixed material = 0;
  for (const LineBreak& b : br.breaks) material += b.natural_width;
  Fixed lo = std::max<Fixed>({width / 4, material / static_cast<Fixed>(n) * 9 / 10, hang + kPt});
  Fixed hi = width;
  BreakResult best = br;
  while (hi - lo > kPt / 2) {
    const Fixed mid = lo + (hi - lo) / 2;
    BreakResult r = knuth_plass(items, LineMeasure::hanging(mid, hang), p);
    // Whatever pass found it: in ragged text the tolerance passes refuse
    // the shortfall an even split needs (a German subtitle kept "... die
    // Arbeitsmarktintegration / von Schutzberechtigten" when limited to the
    // first setting's pass); the last resort still minimises demerits.
    if (r.breaks.size() == n && !r.overfull) {
      hi = mid;
      best = std::move(r);
    } else {
      lo = mid;
    }
  }
  return best;
}

}  // namespace emnpub::text
