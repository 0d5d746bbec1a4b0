#pragma once
// One font file face, loaded once per process and then immutable, so any
// number of threads can shape with it (HarfBuzz's hb-ot functions are
// thread-safe on a shared hb_font_t). Owned through shared_ptr.
#include <hb.h>

#include <cstdint>
#include <memory>
#include <string>

namespace emnpub::text {

struct HbBlobDeleter { void operator()(hb_blob_t* b) const { hb_blob_destroy(b); } };
struct HbFaceDeleter { void operator()(hb_face_t* f) const { hb_face_destroy(f); } };
struct HbFontDeleter { void operator()(hb_font_t* f) const { hb_font_destroy(f); } };
using HbBlob = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFace = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbFont = std::unique_ptr<hb_font_t, HbFontDeleter>;

// Metrics in font units (y up, descender negative).
struct FontMetrics {
  int upem = 1000;
  int ascender = 800;
  int descender = -200;
  int line_gap = 0;
  int cap_height = 700;
  int x_height = 500;
  int bbox[4] = {0, -200, 1000, 800};  // xMin yMin xMax yMax
  int italic_angle = 0;                // degrees
  int stem_v = 80;
  bool fixed_pitch = false;
  bool serif = false;
  bool italic = false;
  bool bold = false;
};

class FontFace {
 public:
  // Throws std::runtime_error naming the path when the file cannot be read.
  static std::shared_ptr<const FontFace> load(const std::string& path, unsigned index = 0);

  const std::string& path() const { return path_; }
  unsigned index() const { return index_; }
  const std::string& family() const { return family_; }
  const std::string& postscript_name() const { return ps_name_; }
  const FontMetrics& metrics() const { return metrics_; }
  int upem() const { return metrics_.upem; }

  hb_blob_t* blob() const { return blob_.get(); }     // whole font file
  hb_face_t* hb_face() const { return face_.get(); }
  hb_font_t* hb_font() const { return font_.get(); }  // scale = upem, hb-ot funcs

  bool has_codepoint(uint32_t cp) const;
  uint32_t glyph_for(uint32_t cp) const;              // 0 when absent
  int advance(uint32_t gid) const;                    // horizontal, font units

 private:
  FontFace() = default;
  std::string path_;
  unsigned index_ = 0;
  std::string family_;
  std::string ps_name_;
  FontMetrics metrics_;
  HbBlob blob_;
  HbFace face_;
  HbFont font_;
  // Glyph ids of the code points most text is made of (Latin to Arabic,
  // general punctuation), read once: font fallback asks per character.
  static constexpr uint32_t kLowEnd = 0x800, kPunctBegin = 0x2000, kPunctEnd = 0x2070;
  uint16_t low_gids_[kLowEnd] = {};
  uint16_t punct_gids_[kPunctEnd - kPunctBegin] = {};
};

using FontRef = std::shared_ptr<const FontFace>;

}  // namespace emnpub::text
