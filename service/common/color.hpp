#pragma once
#include <cstdint>

namespace emnpub {

// sRGB, 0..255 each; CMYK colours from layout files are converted by style/.
struct Color {
  uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

}  // namespace emnpub
