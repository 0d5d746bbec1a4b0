#pragma once
// Decoded facts about the document's images, loaded and checked by the
// pipeline before layout (the layout stage reads no files).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace emnpub::layout {

struct ImageData {
  std::vector<uint8_t> bytes;   // the encoded PNG or JPEG
  bool jpeg = false;
  int width_px = 0, height_px = 0;
};

// By the src attribute as written in the document.
using ImageStore = std::map<std::string, ImageData>;

}  // namespace emnpub::layout
