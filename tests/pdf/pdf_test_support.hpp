#pragma once
// Helpers for the PDF stage tests: shape text with HarfBuzz into
// layout::GlyphRuns, write PDFs to a temporary directory, and run the real
// poppler/qpdf tools on them.
#include <gtest/gtest.h>
#include <hb.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"
#include "common/units.hpp"
#include "layout/paged_document.hpp"
#include "text/font_face.hpp"

namespace emnpub::pdf::test {

inline const char* kNotoRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
inline const char* kNotoBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
inline const char* kNaskh = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";
inline const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// Faces are immutable and shared, as in the service.
inline text::FontRef font(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, text::FontRef> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& f = cache[path];
  if (!f) f = text::FontFace::load(path);
  return f;
}

struct ShapeOptions {
  hb_direction_t direction = HB_DIRECTION_LTR;
  const char* script = "Latn";
  const char* lang = "en";
  std::vector<hb_feature_t> features;
};

// Shapes `text` and positions the glyphs from HarfBuzz's advances and
// offsets; clusters come from HarfBuzz cluster values (UTF-8 offsets).
inline layout::GlyphRun shape(const std::string& text, const text::FontRef& face, double size_pt,
                              double x_pt, double y_pt, const ShapeOptions& opt = {}) {
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0, -1);
  hb_buffer_set_direction(buf, opt.direction);
  hb_buffer_set_script(buf, hb_script_from_string(opt.script, -1));
  hb_buffer_set_language(buf, hb_language_from_string(opt.lang, -1));
  hb_shape(face->hb_font(), buf, opt.features.data(), static_cast<unsigned>(opt.features.size()));
  unsigned n = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);

  layout::GlyphRun run;
  run.font = face;
  run.size = from_pt(size_pt);
  run.x = from_pt(x_pt);
  run.y = from_pt(y_pt);
  run.rtl = opt.direction == HB_DIRECTION_RTL;
  run.tag.role = "P";
  run.tag.struct_id = 1;
  const int upem = face->upem();
  Fixed pen = 0;
  std::vector<uint32_t> starts;
  for (unsigned i = 0; i < n; ++i) {
    layout::PlacedGlyph g;
    g.gid = info[i].codepoint;
    g.x = pen + scale_units(pos[i].x_offset, run.size, upem);
    g.y = scale_units(pos[i].y_offset, run.size, upem);
    g.advance = scale_units(pos[i].x_advance, run.size, upem);
    pen += g.advance;
    run.glyphs.push_back(g);
    starts.push_back(info[i].cluster);
  }
  std::vector<uint32_t> sorted = starts;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  for (unsigned i = 0; i < n;) {
    unsigned j = i + 1;
    while (j < n && info[j].cluster == info[i].cluster) ++j;
    const uint32_t start = info[i].cluster;
    auto next = std::upper_bound(sorted.begin(), sorted.end(), start);
    const uint32_t end = next == sorted.end() ? static_cast<uint32_t>(text.size()) : *next;
    run.add_cluster(i, j - i, text.substr(start, end - start));
    i = j;
  }
  hb_buffer_destroy(buf);
  return run;
}

inline Fixed run_width(const layout::GlyphRun& run) {
  Fixed w = 0;
  for (const auto& g : run.glyphs) w += g.advance;
  return w;
}

inline layout::Page a4_page() {
  layout::Page p;
  p.width = from_mm(210);
  p.height = from_mm(297);
  return p;
}

struct CommandResult {
  int status = -1;
  std::string out;
};

inline CommandResult run(const std::string& cmd) {
  CommandResult r;
  FILE* pipe = popen((cmd + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  size_t got;
  while ((got = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), got);
  r.status = pclose(pipe);
  return r;
}

// A fresh directory per test, removed afterwards.
using test_support::TempDir;

// A small RGB PNG (a colour gradient) for image tests.
inline std::vector<uint8_t> make_png(uint32_t w, uint32_t h, uint8_t seed = 0) {
  std::vector<uint8_t> out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  auto be32 = [](std::vector<uint8_t>& v, uint32_t x) {
    for (int s = 24; s >= 0; s -= 8) v.push_back(static_cast<uint8_t>(x >> s));
  };
  auto chunk = [&](const char* type, const std::vector<uint8_t>& data) {
    be32(out, static_cast<uint32_t>(data.size()));
    std::vector<uint8_t> body(type, type + 4);
    body.insert(body.end(), data.begin(), data.end());
    out.insert(out.end(), body.begin(), body.end());
    be32(out, static_cast<uint32_t>(crc32(0, body.data(), static_cast<uInt>(body.size()))));
  };
  std::vector<uint8_t> ihdr;
  be32(ihdr, w);
  be32(ihdr, h);
  ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});  // 8-bit RGB
  chunk("IHDR", ihdr);
  std::vector<uint8_t> raw;
  for (uint32_t y = 0; y < h; ++y) {
    raw.push_back(0);  // filter: none
    for (uint32_t x = 0; x < w; ++x)
      raw.insert(raw.end(),
                 {static_cast<uint8_t>(x * 255 / w), static_cast<uint8_t>(y * 255 / h), seed});
  }
  uLongf len = compressBound(static_cast<uLong>(raw.size()));
  std::vector<uint8_t> packed(len);
  compress(packed.data(), &len, raw.data(), static_cast<uLong>(raw.size()));
  packed.resize(len);
  chunk("IDAT", packed);
  chunk("IEND", {});
  return out;
}

inline std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

inline std::string pdftotext(const std::string& pdf, const std::string& extra = "") {
  return run("pdftotext -enc UTF-8 " + extra + " '" + pdf + "' -").out;
}

// Replaces a run's clusters (first glyph, glyph count, text each).
struct ClusterSpec {
  uint32_t first, count;
  std::string text;
};
inline void set_clusters(layout::GlyphRun& run, std::initializer_list<ClusterSpec> cs) {
  run.clusters.clear();
  run.text.clear();
  for (const auto& c : cs) run.add_cluster(c.first, c.count, c.text);
}

}  // namespace emnpub::pdf::test
