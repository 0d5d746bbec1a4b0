#include "text/shaper.hpp"

#include <cstring>

namespace emnpub::text {

Shaper::Shaper() : buf_(hb_buffer_create()) {}

std::vector<hb_feature_t> parse_features(std::string_view spec) {
  std::vector<hb_feature_t> out;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string_view::npos) end = spec.size();
    std::string_view tok = spec.substr(start, end - start);
    while (!tok.empty() && tok.front() == ' ') tok.remove_prefix(1);
    while (!tok.empty() && tok.back() == ' ') tok.remove_suffix(1);
    hb_feature_t f;
    if (!tok.empty() && hb_feature_from_string(tok.data(), static_cast<int>(tok.size()), &f))
      out.push_back(f);
    start = end + 1;
  }
  return out;
}

Shaper::Setting& Shaper::setting_for(const ShapeRequest& r) {
  if (last_ && last_->matches(r)) return *last_;
  for (auto& s : settings_)
    if (s->matches(r)) return *(last_ = s.get());
  auto s = std::make_unique<Setting>();
  s->face = r.face;
  s->script = r.script;
  s->rtl = r.rtl;
  s->lang = r.lang;
  s->features = r.features;
  settings_.push_back(std::move(s));
  return *(last_ = settings_.back().get());
}

const ShapedText& Shaper::shape(const ShapeRequest& r) {
  Setting& setting = setting_for(r);
  if (auto it = setting.texts.find(r.text); it != setting.texts.end()) {
    ++hits_;
    return *it->second;
  }
  ++misses_;
  hb_buffer_t* b = buf_.get();
  hb_buffer_clear_contents(b);
  hb_buffer_add_utf8(b, r.text.data(), static_cast<int>(r.text.size()), 0,
                     static_cast<int>(r.text.size()));
  hb_buffer_set_direction(b, r.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(b, r.script);
  if (!r.lang.empty())
    hb_buffer_set_language(b, hb_language_from_string(r.lang.data(), static_cast<int>(r.lang.size())));
  hb_buffer_set_cluster_level(b, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  auto features = parse_features(r.features);
  // Turkic languages distinguish dotted and dotless i: the fi and ffi
  // ligatures swallow the dot, so standard ligatures are off for them (as
  // Turkish typesetting practice has it), unless a style asks otherwise.
  const std::string_view primary = r.lang.substr(0, r.lang.find('-'));
  if (primary == "tr" || primary == "az" || primary == "crh" || primary == "tt" || primary == "ba") {
    hb_feature_t off;
    if (hb_feature_from_string("-liga", -1, &off)) features.insert(features.begin(), off);
  }
  hb_shape(r.face->hb_font(), b, features.data(), static_cast<unsigned>(features.size()));

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(b, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(b, &count);
  auto out = std::make_unique<ShapedText>();
  out->glyphs.resize(count);
  for (unsigned i = 0; i < count; ++i) {
    out->glyphs[i] = {info[i].codepoint, info[i].cluster, pos[i].x_advance, pos[i].x_offset,
                      pos[i].y_offset};
    out->width += pos[i].x_advance;
  }
  auto& ref = *out;
  setting.texts.emplace(std::string(r.text), std::move(out));
  return ref;
}

}  // namespace emnpub::text
