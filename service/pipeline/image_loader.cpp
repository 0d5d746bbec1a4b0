#include "pipeline/image_loader.hpp"

#include "common/base64.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace emnpub {

namespace fs = std::filesystem;

namespace {

uint32_t be32(const uint8_t* p) { return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]; }

// PNG: signature, then IHDR with width and height.
bool png_size(const std::vector<uint8_t>& b, int& w, int& h) {
  static const uint8_t sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  if (b.size() < 24 || !std::equal(sig, sig + 8, b.begin()) || std::string(b.begin() + 12, b.begin() + 16) != "IHDR")
    return false;
  w = static_cast<int>(be32(&b[16]));
  h = static_cast<int>(be32(&b[20]));
  return w > 0 && h > 0;
}

// JPEG: walk the markers to the first start-of-frame.
bool jpeg_size(const std::vector<uint8_t>& b, int& w, int& h) {
  if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) return false;
  size_t i = 2;
  while (i + 9 < b.size()) {
    if (b[i] != 0xFF) return false;
    const uint8_t m = b[i + 1];
    const size_t len = (size_t(b[i + 2]) << 8) | b[i + 3];
    if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
      h = (b[i + 5] << 8) | b[i + 6];
      w = (b[i + 7] << 8) | b[i + 8];
      return w > 0 && h > 0;
    }
    i += 2 + len;
  }
  return false;
}

void collect(const std::vector<model::Block>& blocks, std::vector<const model::Block*>& out) {
  for (const auto& b : blocks) {
    if (b.kind == model::BlockKind::Figure && !b.image.src.empty()) out.push_back(&b);
    collect(b.blocks, out);
    if (b.kind == model::BlockKind::Table)
      for (const auto& r : b.table.rows)
        for (const auto& c : r.cells) collect(c.blocks, out);
  }
}

}  // namespace

layout::ImageStore load_images(const model::Document& doc, const std::string& assets_root,
                               size_t max_bytes, Diagnostics& diags) {
  layout::ImageStore store;
  std::vector<const model::Block*> figures;
  collect(doc.summary, figures);
  collect(doc.body, figures);
  collect(doc.annexes, figures);
  collect(doc.back, figures);
  for (const auto* f : figures) {
    const std::string& src = f->image.src;
    if (store.count(src)) continue;
    auto fail = [&](const std::string& msg) { diags.error(DiagKind::Semantic, doc.source_name, f->pos, msg); };
    layout::ImageData img;
    if (src.rfind("data:", 0) == 0) {
      const size_t comma = src.find(',');
      if (comma == std::string::npos || src.substr(0, comma).find(";base64") == std::string::npos) {
        fail("<img src> data: URI must be base64-encoded");
        continue;
      }
      Base64Decoded dec = base64_decode(std::string_view(src).substr(comma + 1));
      if (!dec.error.empty()) {
        fail("<img src> data: URI " + dec.error);
        continue;
      }
      img.bytes = std::move(dec.bytes);
    } else {
      if (assets_root.empty()) {
        fail("<img src='" + src + "'> is a file path, but no assets folder is configured; use a data: URI");
        continue;
      }
      std::error_code ec;
      const fs::path root = fs::weakly_canonical(assets_root, ec);
      const fs::path file = fs::weakly_canonical(root / src, ec);
      // Resolve links first, then require the result inside the root.
      const auto rel = file.lexically_relative(root);
      if (ec || rel.empty() || *rel.begin() == ".." || fs::path(src).is_absolute()) {
        fail("<img src='" + src + "'> points outside the assets folder");
        continue;
      }
      if (!fs::is_regular_file(file, ec)) {
        fail("<img src='" + src + "'> was not found in the assets folder");
        continue;
      }
      if (fs::file_size(file, ec) > max_bytes) {
        fail("<img src='" + src + "'> is larger than the image size limit");
        continue;
      }
      std::ifstream in(file, std::ios::binary);
      img.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (png_size(img.bytes, img.width_px, img.height_px)) {
      img.jpeg = false;
      // libharu 2.3.0 draws 16-bit PNGs squashed and miscoloured: refuse
      // them plainly rather than print a wrong picture.
      if (img.bytes[24] == 16) {
        fail("<img src='" + src.substr(0, 60) + "'> is a 16-bit PNG; save it with 8 bits per channel");
        continue;
      }
    } else if (jpeg_size(img.bytes, img.width_px, img.height_px)) {
      img.jpeg = true;
    } else {
      fail("<img src='" + src.substr(0, 60) + "'> is not a PNG or JPEG image that can be decoded");
      continue;
    }
    store.emplace(src, std::move(img));
  }
  return store;
}

}  // namespace emnpub
