#include "pdf/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <locale>
#include <stdexcept>

namespace emnpub::pdf {
namespace {

TEST(NumberFormat, TrimsZerosAndRounds) {
  EXPECT_EQ(format_number(3.0, 3), "3");
  EXPECT_EQ(format_number(12.5, 3), "12.5");
  EXPECT_EQ(format_number(595.2755905511812, 3), "595.276");
  EXPECT_EQ(format_number(0.1 + 0.2, 3), "0.3");
  EXPECT_EQ(format_number(-36.129, 1), "-36.1");
  EXPECT_EQ(format_number(100.0, 0), "100");
  EXPECT_EQ(format_number(1e6, 2), "1000000");
  EXPECT_EQ(format_number(0.5019607843, 4), "0.502");
}

TEST(NumberFormat, NegativeZeroIsZero) {
  EXPECT_EQ(format_number(-0.0, 3), "0");
  EXPECT_EQ(format_number(-0.0001, 3), "0");
  EXPECT_EQ(format_number(-0.04, 1), "0");
}

TEST(NumberFormat, RoundToMatchesPrintedValue) {
  EXPECT_DOUBLE_EQ(round_to(12.3456, 3), 12.346);
  EXPECT_DOUBLE_EQ(round_to(-0.00049, 3), 0.0);
  EXPECT_DOUBLE_EQ(round_to(636.2304, 2), 636.23);
}

TEST(NumberFormat, NonFiniteNumbersThrow) {
  EXPECT_THROW(format_number(std::nan(""), 3), std::runtime_error);
  EXPECT_THROW(format_number(std::numeric_limits<double>::infinity(), 3), std::runtime_error);
}

// A locale whose decimal point is a comma, as de_DE has.
struct CommaDecimal : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
};

TEST(NumberFormat, IgnoresTheGlobalLocale) {
  const std::locale previous =
      std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
  const std::string s = format_number(1.5, 3);
  std::locale::global(previous);
  EXPECT_EQ(s, "1.5");
}

}  // namespace
}  // namespace emnpub::pdf
