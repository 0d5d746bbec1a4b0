#pragma once
// Line-break opportunities by UAX #14 (ICU's line break iterator, tailored
// by language).
#include <string>
#include <vector>

namespace emnpub::text {

struct BreakOpportunity {
  size_t offset = 0;      // UTF-8 byte offset: a line may start here
  bool mandatory = false; // hard break (U+2028, newline)
};

// Opportunities after the start, in order; the end of text is the last.
std::vector<BreakOpportunity> line_break_opportunities(const std::string& text,
                                                       const std::string& lang);

}  // namespace emnpub::text
