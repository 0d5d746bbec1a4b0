#include "pdf/page_writer.hpp"

#include <hpdf_pages.h>

#include <stdexcept>
#include <string>

#include "common/units.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/glyph_run_writer.hpp"
#include "pdf/marked_content.hpp"

namespace emnpub::pdf {

HPDF_Page PageWriter::write(const layout::Page& page, size_t index) {
  Document& doc = objs_.doc();
  const std::string where = "page " + std::to_string(index + 1);
  if (page.width <= 0 || page.height <= 0)
    throw std::runtime_error("PDF writer: " + where + " has no size");
  HPDF_Page p = doc.check_ptr(HPDF_AddPage(doc.get()), "adding " + where);
  doc.check(HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(to_pt(page.width))), "sizing " + where);
  doc.check(HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(to_pt(page.height))), "sizing " + where);
  if (page.bleed > 0) {
    // Printers trim to /TrimBox and print up to /BleedBox; viewers show the
    // /CropBox, the trimmed page. The media grows around the trim so page
    // coordinates (content, links, outline) stay those of the trimmed page.
    auto box = [&](Fixed grow) {
      HPDF_Array a = objs_.new_array();
      for (const Fixed v : {-grow, -grow, page.width + grow, page.height + grow})
        doc.check(HPDF_Array_AddReal(a, static_cast<HPDF_REAL>(to_pt(v))), "writing a page box");
      return a;
    };
    objs_.add(p, "MediaBox", box(page.bleed));
    objs_.add(p, "BleedBox", box(page.bleed));
    objs_.add(p, "TrimBox", box(0));
    objs_.add(p, "CropBox", box(0));
  }
  auto* attr = static_cast<HPDF_PageAttr>(p->attr);

  ContentStream cs;
  MarkedContent marked(cs);

  for (const layout::Rect& r : page.rects) {
    if (!r.fill && !r.stroke) continue;
    marked.begin_item(r.tag);
    if (r.fill) cs.set_fill_color(r.fill_color);
    if (r.stroke) {
      cs.set_stroke_color(r.stroke_color);
      cs.set_line_width(to_pt(r.line_width));
    }
    cs.rect(to_pt(r.x), to_pt(r.y), to_pt(r.w), to_pt(r.h));
    if (r.fill && r.stroke)
      cs.fill_and_stroke();
    else if (r.fill)
      cs.fill();
    else
      cs.stroke();
    marked.end_item();
  }

  for (const layout::Polygon& poly : page.polygons) {
    if (poly.points.size() < 3) continue;  // encloses no area
    marked.begin_item(poly.tag);
    cs.set_fill_color(poly.fill_color);
    cs.move_to(to_pt(poly.points[0].first), to_pt(poly.points[0].second));
    for (size_t i = 1; i < poly.points.size(); ++i)
      cs.line_to(to_pt(poly.points[i].first), to_pt(poly.points[i].second));
    cs.close_path();
    cs.fill();
    marked.end_item();
  }

  for (const layout::Image& img : page.images) {
    if (img.w <= 0 || img.h <= 0)
      throw std::runtime_error("PDF writer: image on " + where + " has no size");
    HPDF_Image x = images_.get(img, index);
    const char* name =
        doc.check_ptr(HPDF_Page_GetXObjectName(p, x), "placing an image on " + where);
    marked.begin_item(img.tag);
    cs.draw_xobject(name, to_pt(img.x), to_pt(img.y), to_pt(img.w), to_pt(img.h));
    marked.end_item();
  }

  for (const layout::Line& line : page.lines) {
    marked.begin_item(line.tag);
    const double width = to_pt(line.width);
    if (line.dotted) {
      // Cap and dash are not tracked state: keep them inside q/Q.
      cs.save();
      cs.set_stroke_color(line.color);
      cs.set_dotted(width, 2 * width);
    } else {
      cs.set_stroke_color(line.color);
      cs.set_line_width(width);
    }
    cs.move_to(to_pt(line.x1), to_pt(line.y1));
    cs.line_to(to_pt(line.x2), to_pt(line.y2));
    cs.stroke();
    if (line.dotted) cs.restore();
    marked.end_item();
  }

  HPDF_Dict font_resources = nullptr;
  for (const layout::GlyphRun& run : page.runs) {
    if (run.glyphs.empty()) continue;
    PdfFont& font = fonts_.get(run.font);
    if (!font_resources) {
      HPDF_Dict resources = doc.check_ptr(
          static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(p, "Resources", HPDF_OCLASS_DICT)),
          "finding the resources of " + where);
      font_resources = objs_.new_direct_dict();
      objs_.add(resources, "Font", font_resources);
      attr->fonts = font_resources;  // keep libharu's view consistent
    }
    if (!HPDF_Dict_GetItem(font_resources, font.resource_name().c_str(), HPDF_OCLASS_DICT))
      objs_.add(font_resources, font.resource_name().c_str(), font.type0());
    write_glyph_run(cs, marked, font, run);
  }

  objs_.fill_stream(attr->contents, cs.take());
  return p;
}

}  // namespace emnpub::pdf
