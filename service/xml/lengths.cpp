#include "xml/lengths.hpp"

#include <charconv>
#include <string>

#include "xml/value_types.hpp"

namespace emnpub::xml {

Width parse_width(std::string_view text) {
  const std::string v = collapse_token(text);
  double number = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number, std::chars_format::fixed);
  if (ec != std::errc() || end == v.data() || number < 0) return {};
  const std::string_view unit(end, static_cast<std::size_t>(v.data() + v.size() - end));
  Width w;
  if (unit == "%") w.percent = number;
  else if (unit == "pt") w.points = number;
  else if (unit == "mm") w.points = number * 72.0 / 25.4;
  else if (unit == "cm") w.points = number * 72.0 / 2.54;
  else if (unit == "in") w.points = number * 72.0;
  return w;
}

}  // namespace emnpub::xml
