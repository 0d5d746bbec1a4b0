#pragma once
// Widths as written in <col width> and <img width>: "30%" is relative to the
// available width; "4cm", "20mm", "72pt", "1.5in" are absolute (in points).
#include <optional>
#include <string_view>

namespace emnpub::xml {

struct Width {
  std::optional<double> percent;
  std::optional<double> points;
};

// Empty result for an empty or malformed value (the schema refuses those).
Width parse_width(std::string_view text);

}  // namespace emnpub::xml
