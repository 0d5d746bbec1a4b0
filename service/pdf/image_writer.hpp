#pragma once
// Image XObjects through libharu's PNG/JPEG loaders, de-duplicated by
// content so a logo repeated on every page is stored once.
#include <hpdf.h>

#include <array>
#include <cstdint>
#include <map>

#include "layout/paged_document.hpp"
#include "pdf/hpdf_handles.hpp"

namespace emnpub::pdf {

class ImageCache {
 public:
  explicit ImageCache(Document& doc) : doc_(doc) {}

  // Throws std::runtime_error naming the page when the bytes do not decode.
  HPDF_Image get(const layout::Image& image, size_t page_index);

 private:
  Document& doc_;
  std::map<std::array<uint8_t, 17>, HPDF_Image> by_digest_;  // md5 + jpeg flag
};

}  // namespace emnpub::pdf
