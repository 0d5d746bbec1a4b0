#pragma once
// Real calendar dates: the schema checks only the YYYY-MM-DD shape, this
// checks that the day exists (2026-02-30 does not; 2028-02-29 does).
#include <string>
#include <string_view>

namespace emnpub::xml {

struct CivilDate {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const CivilDate&) const = default;
};

// Parses exactly YYYY-MM-DD (after trimming XML whitespace). Returns false
// and a reason ("month 13 does not exist") when it is not a real date.
bool parse_iso_date(std::string_view text, CivilDate& out, std::string& why);

int days_in_month(int year, int month);

}  // namespace emnpub::xml
