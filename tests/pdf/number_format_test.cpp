#include "pdf/number_format.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <random>
#include <string>
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

// The reference: std::to_chars rounds the exact binary value; trailing
// zeros and "-0" trimmed; parsed back by std::from_chars.
std::string reference(double v, int decimals) {
  char buf[128];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, end);
  if (decimals > 0) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

TEST(NumberFormat, MatchesToCharsOnManyNumbers) {
  // The fast path (integer arithmetic) against to_chars: coordinates,
  // TJ adjustments, colours, widths, halves and near-halves included.
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> coords(-2000.0, 2000.0);
  std::uniform_int_distribution<int> places(0, 4);
  for (int i = 0; i < 200000; ++i) {
    double v = coords(rng);
    const int d = places(rng);
    if (i % 4 == 1) v = std::round(v * 1000.0) / 1000.0;           // decimals as typed
    if (i % 4 == 2) v = (std::floor(v * 10.0) + 0.5) / std::pow(10.0, d);  // halves
    if (i % 4 == 3) v = std::nextafter(std::round(v) + 0.5, 0.0) / 1000.0;  // just under a half
    const std::string want = reference(v, d);
    ASSERT_EQ(format_number(v, d), want) << v << " at " << d;
    double parsed = 0;
    std::from_chars(want.data(), want.data() + want.size(), parsed);
    ASSERT_EQ(round_to(v, d), parsed) << v << " at " << d;
  }
  for (double v : {0.0005, 0.0015, 0.25, 2.5, -2.5, 1e11, -1e11, 1e15, 123456.7895, 4.35, 1.005})
    for (int d = 0; d <= 4; ++d) EXPECT_EQ(format_number(v, d), reference(v, d)) << v << " at " << d;
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
