#pragma once
// Parsers for layout-file values. Each returns nullopt on a bad value so the
// caller can report the property, the value and what is allowed.
#include <map>
#include <optional>
#include <string>

#include "common/color.hpp"
#include "common/units.hpp"

namespace emnpub::style {

// "10pt", "3.5mm", "1cm", "0.5in", "0".
std::optional<Fixed> parse_length(const std::string& v);
// "#003399", "#039", a named brand colour, or "cmyk(100,80,0,0)".
std::optional<Color> parse_color(const std::string& v, const std::map<std::string, Color>& named);
std::optional<bool> parse_bool(const std::string& v);   // yes/no/true/false
std::optional<int> parse_int(const std::string& v);
std::optional<int> parse_percent(const std::string& v); // "70%"

}  // namespace emnpub::style
