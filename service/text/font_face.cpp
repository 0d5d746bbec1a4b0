#include "text/font_face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <hb-ot.h>

#include <stdexcept>

namespace emnpub::text {

namespace {

struct FtLibraryDeleter { void operator()(FT_Library l) const { FT_Done_FreeType(l); } };
struct FtFaceDeleter { void operator()(FT_Face f) const { FT_Done_Face(f); } };

// Reads what HarfBuzz does not expose conveniently (PostScript name, style
// flags, stem width). One FT_Library per call keeps FreeType thread-safe.
void read_freetype_facts(const char* data, size_t size, unsigned index, FontMetrics& m,
                         std::string& ps_name, std::string& family) {
  FT_Library lib_raw = nullptr;
  if (FT_Init_FreeType(&lib_raw) != 0) return;
  std::unique_ptr<FT_LibraryRec_, FtLibraryDeleter> lib(lib_raw);
  FT_Face face_raw = nullptr;
  if (FT_New_Memory_Face(lib.get(), reinterpret_cast<const FT_Byte*>(data),
                         static_cast<FT_Long>(size), static_cast<FT_Long>(index), &face_raw) != 0)
    return;
  std::unique_ptr<FT_FaceRec_, FtFaceDeleter> face(face_raw);
  if (const char* ps = FT_Get_Postscript_Name(face.get())) ps_name = ps;
  if (face->family_name) family = face->family_name;
  m.fixed_pitch = FT_IS_FIXED_WIDTH(face.get());
  m.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  m.bold = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
  m.bbox[0] = static_cast<int>(face->bbox.xMin);
  m.bbox[1] = static_cast<int>(face->bbox.yMin);
  m.bbox[2] = static_cast<int>(face->bbox.xMax);
  m.bbox[3] = static_cast<int>(face->bbox.yMax);
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face.get(), FT_SFNT_OS2))) {
    // usWeightClass → a StemV estimate as common PDF producers do.
    const int w = os2->usWeightClass;
    m.stem_v = 50 + (w * w) / 5000;
    const int family_class = os2->sFamilyClass >> 8;
    m.serif = family_class >= 1 && family_class <= 7;
  }
  if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(face.get(), FT_SFNT_POST)))
    m.italic_angle = static_cast<int>(post->italicAngle >> 16);
}

}  // namespace

std::shared_ptr<const FontFace> FontFace::load(const std::string& path, unsigned index) {
  HbBlob blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) throw std::runtime_error("cannot read font file " + path);
  if (index >= hb_face_count(blob.get()))
    throw std::runtime_error("font file " + path + " has no face " + std::to_string(index));
  auto f = std::shared_ptr<FontFace>(new FontFace());
  f->path_ = path;
  f->index_ = index;
  f->face_.reset(hb_face_create(blob.get(), index));
  hb_face_make_immutable(f->face_.get());
  f->font_.reset(hb_font_create(f->face_.get()));
  hb_ot_font_set_funcs(f->font_.get());
  FontMetrics& m = f->metrics_;
  m.upem = static_cast<int>(hb_face_get_upem(f->face_.get()));
  hb_font_set_scale(f->font_.get(), m.upem, m.upem);
  hb_font_make_immutable(f->font_.get());

  hb_font_extents_t ext{};
  hb_font_get_h_extents(f->font_.get(), &ext);
  m.ascender = ext.ascender;
  m.descender = ext.descender;
  m.line_gap = ext.line_gap;
  hb_position_t v = 0;
  m.cap_height = hb_ot_metrics_get_position(f->font_.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &v)
                     ? v : m.ascender * 7 / 10;
  m.x_height = hb_ot_metrics_get_position(f->font_.get(), HB_OT_METRICS_TAG_X_HEIGHT, &v)
                   ? v : m.ascender / 2;

  auto fill = [&f](uint32_t first, uint32_t end, uint16_t* out) {
    for (uint32_t cp = first; cp < end; ++cp) {
      hb_codepoint_t g = 0;
      out[cp - first] = hb_font_get_nominal_glyph(f->font_.get(), cp, &g) && g <= 0xFFFF
                            ? static_cast<uint16_t>(g) : 0;
    }
  };
  fill(0, kLowEnd, f->low_gids_);
  fill(kPunctBegin, kPunctEnd, f->punct_gids_);
  // HarfBuzz checks and indexes GSUB/GPOS on a face's first shaping (a
  // quarter of shaping a short document): do it here, so that a face
  // loaded ahead of time (Engine::warm_up) is ready to shape.
  hb_ot_layout_has_glyph_classes(f->face_.get());
  hb_ot_layout_has_substitution(f->face_.get());
  hb_ot_layout_has_positioning(f->face_.get());

  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  read_freetype_facts(data, len, index, m, f->ps_name_, f->family_);
  if (f->ps_name_.empty()) f->ps_name_ = "EmnpubFont";
  f->blob_ = std::move(blob);
  return f;
}

bool FontFace::has_codepoint(uint32_t cp) const { return glyph_for(cp) != 0; }

uint32_t FontFace::glyph_for(uint32_t cp) const {
  if (cp < kLowEnd) return low_gids_[cp];
  if (cp >= kPunctBegin && cp < kPunctEnd) return punct_gids_[cp - kPunctBegin];
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(font_.get(), cp, &g) ? g : 0;
}

int FontFace::advance(uint32_t gid) const { return hb_font_get_glyph_h_advance(font_.get(), gid); }

}  // namespace emnpub::text
