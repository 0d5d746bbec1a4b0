#include "xml/calendar.hpp"

#include "xml/value_types.hpp"

namespace emnpub::xml {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

bool parse_iso_date(std::string_view text, CivilDate& out, std::string& why) {
  const std::string v = collapse_token(text);
  auto digits = [&](std::size_t from, std::size_t n, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (i >= v.size() || v[i] < '0' || v[i] > '9') return false;
      value = value * 10 + (v[i] - '0');
    }
    return true;
  };
  CivilDate d;
  if (v.size() != 10 || v[4] != '-' || v[7] != '-' || !digits(0, 4, d.year) || !digits(5, 2, d.month) ||
      !digits(8, 2, d.day)) {
    why = "it is not written YYYY-MM-DD";
    return false;
  }
  if (d.year < 1) {
    why = "year 0000 does not exist";
    return false;
  }
  if (d.month < 1 || d.month > 12) {
    why = "month " + std::to_string(d.month) + " does not exist";
    return false;
  }
  const int max_day = days_in_month(d.year, d.month);
  if (d.day < 1 || d.day > max_day) {
    why = "month " + std::to_string(d.month) + " of " + std::to_string(d.year) + " has " +
          std::to_string(max_day) + " days";
    return false;
  }
  out = d;
  return true;
}

}  // namespace emnpub::xml
