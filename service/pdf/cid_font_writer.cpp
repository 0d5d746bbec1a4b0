#include "pdf/cid_font_writer.hpp"

#include <cmath>

#include "pdf/font_subsetter.hpp"
#include "pdf/number_format.hpp"
#include "pdf/to_unicode_cmap.hpp"

namespace emnpub::pdf {

namespace {

// FontDescriptor flags (PDF 32000-1, table 123).
constexpr int kFixedPitch = 1 << 0;
constexpr int kSerif = 1 << 1;
constexpr int kSymbolic = 1 << 2;  // glyphs addressed by id, not a standard encoding
constexpr int kItalic = 1 << 6;

std::string width_text(int64_t centi) { return format_number(centi / 100.0, kWidthDecimals); }

}  // namespace

std::string build_width_entries(const std::map<uint32_t, UsedGlyph>& glyphs) {
  // Only whole widths qualify for /DW: poppler reads /DW as an integer and
  // falls back to 1000 for "633.79", which would spread the text apart.
  std::map<int64_t, size_t> frequency;
  for (const auto& [gid, g] : glyphs)
    if (g.width_centi % 100 == 0) ++frequency[g.width_centi];
  int64_t dw = 1000 * 100;
  size_t best = 0;
  for (const auto& [w, n] : frequency)  // ascending width: ties keep the smaller one
    if (n > best) {
      best = n;
      dw = w;
    }

  std::vector<std::pair<uint32_t, int64_t>> listed;
  for (const auto& [gid, g] : glyphs)
    if (g.width_centi != dw) listed.emplace_back(gid, g.width_centi);

  std::string out = "/DW " + width_text(dw) + "\n";
  if (listed.empty()) return out;
  out += "/W [";
  size_t i = 0;
  while (i < listed.size()) {
    // Maximal run of consecutive glyph ids starting at i.
    size_t run_end = i + 1;
    while (run_end < listed.size() && listed[run_end].first == listed[run_end - 1].first + 1)
      ++run_end;
    size_t k = i;
    std::string pending;  // widths for the current "first [w ...]" group
    uint32_t pending_first = 0;
    auto flush = [&]() {
      if (pending.empty()) return;
      out += std::to_string(pending_first) + " [" + pending + "]";
      pending.clear();
    };
    while (k < run_end) {
      size_t same = k + 1;
      while (same < run_end && listed[same].second == listed[k].second) ++same;
      if (same - k >= 3) {
        flush();
        out += std::to_string(listed[k].first) + " " + std::to_string(listed[same - 1].first) +
               " " + width_text(listed[k].second);
        k = same;
        continue;
      }
      for (; k < same; ++k) {
        if (pending.empty())
          pending_first = listed[k].first;
        else
          pending += ' ';
        pending += width_text(listed[k].second);
      }
    }
    flush();
    i = run_end;
    if (i < listed.size()) out += ' ';
  }
  out += "]\n";
  return out;
}

FontProgram make_font_program(const text::FontFace& face, std::vector<uint32_t> gids, bool compress) {
  FontProgram out;
  const Subset subset = subset_font(face, gids);
  out.gids = std::move(gids);
  out.length = subset.program.size();
  const std::string_view raw(reinterpret_cast<const char*>(subset.program.data()), subset.program.size());
  const std::string map = cid_to_gid_map(subset.new_gid);
  if (compress) {
    out.stored = std::string(Deflater().compress(raw));
    // Mostly zeros: level 1 packs them within 5-10% (tens of bytes) of
    // level 6, without level 6's hashing of every byte of every match.
    out.cid_to_gid = std::string(Deflater(1).compress(map));
  } else {
    out.stored = std::string(raw);
    out.cid_to_gid = map;
  }
  return out;
}

PreparedFont prepare_cid_font(const PdfFont& font, bool compress, FontProgram* ready) {
  const text::FontFace& face = font.face();
  std::vector<uint32_t> gids;
  gids.reserve(font.glyphs().size());
  for (const auto& [gid, g] : font.glyphs()) gids.push_back(gid);

  PreparedFont out;
  out.base_name = subset_tag(gids, face.postscript_name()) + "+" + pdf_font_name(face.postscript_name());
  FontProgram program = ready && ready->gids == gids ? std::move(*ready) : make_font_program(face, gids, compress);
  out.program_length = program.length;
  out.program = std::move(program.stored);
  out.cid_to_gid = std::move(program.cid_to_gid);
  std::map<uint32_t, std::u32string> to_unicode;
  for (const auto& [gid, g] : font.glyphs())
    if (g.has_text) to_unicode.emplace(gid, g.text);
  const std::string cmap = build_to_unicode_cmap(to_unicode);
  out.to_unicode = compress ? std::string(Deflater().compress(cmap)) : cmap;
  out.widths = build_width_entries(font.glyphs());
  return out;
}

void commit_cid_font(PdfObjects& objs, const PdfFont& font, const PreparedFont& prepared) {
  const text::FontFace& face = font.face();
  const std::string& base_name = prepared.base_name;

  // Font program.
  HPDF_Dict file = objs.new_encoded_stream(prepared.program);
  objs.add_raw_entries(file, "/Length1 " + std::to_string(prepared.program_length) + "\n");

  // Descriptor, metrics in thousandths of an em.
  const text::FontMetrics& m = face.metrics();
  auto em = [&m](int v) { return std::to_string(std::lround(v * 1000.0 / m.upem)); };
  int flags = kSymbolic;
  if (m.fixed_pitch) flags |= kFixedPitch;
  if (m.serif) flags |= kSerif;
  if (m.italic || m.italic_angle != 0) flags |= kItalic;
  HPDF_Dict descriptor = objs.new_dict();
  objs.add_name(descriptor, "Type", "FontDescriptor");
  objs.add_name(descriptor, "FontName", base_name.c_str());
  objs.add(descriptor, "FontFile2", file);
  objs.add_raw_entries(descriptor,
                       "/Flags " + std::to_string(flags) + "\n/FontBBox [" + em(m.bbox[0]) + " " +
                           em(m.bbox[1]) + " " + em(m.bbox[2]) + " " + em(m.bbox[3]) +
                           "]\n/ItalicAngle " + std::to_string(m.italic_angle) + "\n/Ascent " +
                           em(m.ascender) + "\n/Descent " + em(m.descender) + "\n/CapHeight " +
                           em(m.cap_height) + "\n/StemV " + std::to_string(m.stem_v) + "\n");

  // Descendant CIDFontType2. The content streams' codes (CIDs) are the
  // original glyph ids; the map gives each one's id in the subset.
  HPDF_Dict to_gid = objs.new_encoded_stream(prepared.cid_to_gid);
  HPDF_Dict cid_font = objs.new_dict();
  objs.add_name(cid_font, "Type", "Font");
  objs.add_name(cid_font, "Subtype", "CIDFontType2");
  objs.add_name(cid_font, "BaseFont", base_name.c_str());
  objs.add(cid_font, "FontDescriptor", descriptor);
  objs.add_raw_entries(cid_font,
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>\n" +
                           prepared.widths);
  objs.add(cid_font, "CIDToGIDMap", to_gid);

  HPDF_Dict cmap = objs.new_encoded_stream(prepared.to_unicode);

  HPDF_Dict type0 = font.type0();
  objs.add_name(type0, "Type", "Font");
  objs.add_name(type0, "Subtype", "Type0");
  objs.add_name(type0, "BaseFont", base_name.c_str());
  objs.add_name(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = objs.new_array();
  objs.add(type0, "DescendantFonts", descendants);
  objs.push(descendants, cid_font);
  objs.add(type0, "ToUnicode", cmap);
}

void write_cid_font(PdfObjects& objs, const PdfFont& font) {
  commit_cid_font(objs, font, prepare_cid_font(font, objs.compress()));
}

}  // namespace emnpub::pdf
