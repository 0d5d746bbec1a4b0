#include "text/bidi_reorder.hpp"

#include <algorithm>

namespace emnpub::text {

std::vector<size_t> visual_order(const std::vector<uint8_t>& levels) {
  std::vector<size_t> order(levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint8_t max_level = 0, min_odd = 255;
  for (uint8_t l : levels) {
    max_level = std::max(max_level, l);
    if (l & 1) min_odd = std::min(min_odd, l);
  }
  for (int lev = max_level; lev >= min_odd && lev > 0; --lev) {
    for (size_t i = 0; i < order.size();) {
      if (levels[order[i]] >= lev) {
        size_t j = i;
        while (j < order.size() && levels[order[j]] >= lev) ++j;
        std::reverse(order.begin() + static_cast<long>(i), order.begin() + static_cast<long>(j));
        i = j;
      } else {
        ++i;
      }
    }
  }
  return order;
}

}  // namespace emnpub::text
