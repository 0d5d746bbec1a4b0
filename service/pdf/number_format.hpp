#pragma once
// PDF number syntax, independent of the C and C++ locales (printf("%.3f")
// writes "1,5" under de_DE). Fixed notation, at most `decimals` places,
// trailing zeros trimmed: 12.5 -> "12.5", 3.0 -> "3", -0.0001 -> "0".
#include <string>

namespace emnpub::pdf {

// Decimal places used per kind of number, chosen so rounding is invisible.
inline constexpr int kCoordDecimals = 3;  // points: 0.001 pt
inline constexpr int kColorDecimals = 4;  // 0..1 components of 8-bit sRGB
inline constexpr int kTjDecimals = 1;     // TJ adjustments, thousandths of an em
inline constexpr int kWidthDecimals = 2;  // /W glyph widths, thousandths of an em

// Throws std::runtime_error for NaN and infinities (they have no PDF form).
void append_number(std::string& out, double value, int decimals);
std::string format_number(double value, int decimals);

// value rounded exactly as append_number would print it.
double round_to(double value, int decimals);

}  // namespace emnpub::pdf
