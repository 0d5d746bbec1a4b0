#pragma once
// Fixed-point lengths for layout: scaled points, 65536 per PostScript point
// (as TeX's sp). Integers keep breaks identical across runs and machines;
// conversion to floating point happens only when the PDF is written.
#include <cmath>
#include <cstdint>

namespace emnpub {

using Fixed = int64_t;

constexpr Fixed kPt = 65536;

constexpr Fixed from_pt_int(int64_t pt) { return pt * kPt; }
inline Fixed from_pt(double pt) { return static_cast<Fixed>(std::llround(pt * kPt)); }
inline Fixed from_mm(double mm) { return from_pt(mm * 72.0 / 25.4); }
constexpr double to_pt(Fixed f) { return static_cast<double>(f) / kPt; }

// Scales a value in font units to sp at the given size (sp): round half away.
constexpr Fixed scale_units(int64_t units, Fixed size, int upem) {
  const int64_t num = units * size;
  return num >= 0 ? (num + upem / 2) / upem : -((-num + upem / 2) / upem);
}

// a * b / c with rounding, for proportions of lengths.
constexpr Fixed mul_div(Fixed a, int64_t b, int64_t c) {
  const __int128 num = static_cast<__int128>(a) * b;
  return static_cast<Fixed>(num >= 0 ? (num + c / 2) / c : -((-num + c / 2) / c));
}

}  // namespace emnpub
