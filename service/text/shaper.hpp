#pragma once
// HarfBuzz shaping with a per-document cache: the same word in the same face,
// language, script, direction and features is shaped once. Results are in
// font units, so one entry serves every size. A Shaper belongs to one render
// (one thread); the faces it uses are shared and immutable.
#include <hb.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/font_face.hpp"

namespace emnpub::text {

struct ShapedGlyph {
  uint32_t gid = 0;
  uint32_t cluster = 0;   // byte offset into the shaped text (logical)
  int32_t x_advance = 0;  // font units
  int32_t x_offset = 0;
  int32_t y_offset = 0;
};

// Glyphs in visual order (HarfBuzz output order: reversed for RTL).
struct ShapedText {
  std::vector<ShapedGlyph> glyphs;
  int64_t width = 0;      // sum of advances, font units
};

struct ShapeRequest {
  const FontFace* face = nullptr;
  std::string_view text;
  std::string_view lang;  // BCP 47
  hb_script_t script = HB_SCRIPT_COMMON;
  bool rtl = false;
  std::string_view features;  // comma-separated, e.g. "tnum,-liga"
};

class HbBufferDeleter {
 public:
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

class Shaper {
 public:
  Shaper();
  const ShapedText& shape(const ShapeRequest& r);
  size_t cache_hits() const { return hits_; }
  size_t cache_misses() const { return misses_; }

 private:
  std::unique_ptr<hb_buffer_t, HbBufferDeleter> buf_;
  std::unordered_map<std::string, std::unique_ptr<ShapedText>> cache_;
  std::string key_;  // the lookup key, built in place (no allocation per word)
  size_t hits_ = 0, misses_ = 0;
};

// Parses "tnum,smcp,-liga,kern=0" into HarfBuzz features (unknown tokens skipped).
std::vector<hb_feature_t> parse_features(std::string_view spec);

}  // namespace emnpub::text
