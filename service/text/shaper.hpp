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
  // Texts are cached per setting (face, script, direction, language,
  // features): a document has a handful, and consecutive words mostly
  // share the last one, so a lookup hashes the word alone (short words
  // stay in the string's own buffer) instead of a key built from all five.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Setting {
    const FontFace* face = nullptr;
    hb_script_t script = HB_SCRIPT_COMMON;
    bool rtl = false;
    std::string lang, features;
    std::unordered_map<std::string, std::unique_ptr<ShapedText>, TextHash, std::equal_to<>> texts;
    bool matches(const ShapeRequest& r) const {
      return face == r.face && script == r.script && rtl == r.rtl && lang == r.lang && features == r.features;
    }
  };
  Setting& setting_for(const ShapeRequest& r);

  std::unique_ptr<hb_buffer_t, HbBufferDeleter> buf_;
  std::vector<std::unique_ptr<Setting>> settings_;
  Setting* last_ = nullptr;
  size_t hits_ = 0, misses_ = 0;
};

// Parses "tnum,smcp,-liga,kern=0" into HarfBuzz features (unknown tokens skipped).
std::vector<hb_feature_t> parse_features(std::string_view spec);

}  // namespace emnpub::text
