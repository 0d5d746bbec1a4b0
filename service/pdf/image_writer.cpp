#include "pdf/image_writer.hpp"

#include <stdexcept>
#include <string>

#include "pdf/digest.hpp"

namespace emnpub::pdf {

HPDF_Image ImageCache::get(const layout::Image& image, size_t page_index) {
  const std::string where = "image on page " + std::to_string(page_index + 1);
  if (image.data.empty()) throw std::runtime_error("PDF writer: " + where + " has no data");
  if (image.data.size() > 0xFFFFFFFFu)
    throw std::runtime_error("PDF writer: " + where + " is too large");
  Md5 md5;
  md5.update(image.data.data(), image.data.size());
  const auto digest = md5.finish();
  std::array<uint8_t, 17> key{};
  std::copy(digest.begin(), digest.end(), key.begin());
  key[16] = image.jpeg ? 1 : 0;
  if (auto it = by_digest_.find(key); it != by_digest_.end()) return it->second;

  const auto size = static_cast<HPDF_UINT>(image.data.size());
  HPDF_Image img = image.jpeg ? HPDF_LoadJpegImageFromMem(doc_.get(), image.data.data(), size)
                              : HPDF_LoadPngImageFromMem(doc_.get(), image.data.data(), size);
  doc_.check_ptr(img, std::string("loading ") + (image.jpeg ? "JPEG " : "PNG ") + where);
  by_digest_.emplace(key, img);
  return img;
}

}  // namespace emnpub::pdf
