#pragma once
// Rule L2 of the Unicode Bidirectional Algorithm (UAX #9): from the resolved
// embedding levels of a line's pieces, in logical order, the order in which
// they are displayed left to right.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace emnpub::text {

// Returns logical indices in visual order: reverse every maximal run at
// level >= k, for k from the highest level down to the lowest odd level.
std::vector<size_t> visual_order(const std::vector<uint8_t>& levels);

}  // namespace emnpub::text
