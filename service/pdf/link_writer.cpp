#include "pdf/link_writer.hpp"

#include <hpdf_annotation.h>

#include <cstdio>
#include <stdexcept>
#include <string>

#include "common/units.hpp"

namespace emnpub::pdf {

HPDF_Destination make_xyz_destination(PdfObjects& objs, HPDF_Page target, double top_pt) {
  Document& doc = objs.doc();
  // libharu's SetXYZ rejects a null zoom, so rebuild the array it made; it
  // keeps the destination type that HPDF_Outline_SetDestination checks.
  HPDF_Destination dst =
      doc.check_ptr(HPDF_Page_CreateDestination(target), "creating a destination");
  HPDF_Array_Clear(dst);
  objs.push(dst, target);
  doc.check(HPDF_Array_AddName(dst, "XYZ"), "writing a destination");
  objs.push(dst, HPDF_Null_New(objs.mmgr()));
  doc.check(HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(top_pt)), "writing a destination");
  objs.push(dst, HPDF_Null_New(objs.mmgr()));
  return dst;
}

std::string ascii_uri(std::string_view uri) {
  std::string out;
  for (unsigned char c : uri) {
    if (c > 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

void write_links(PdfObjects& objs, const std::vector<HPDF_Page>& pages,
                 const std::vector<std::vector<layout::Link>>& links) {
  Document& pdf = objs.doc();
  for (size_t p = 0; p < links.size() && p < pages.size(); ++p) {
    for (const layout::Link& link : links[p]) {
      const HPDF_Rect rect{static_cast<HPDF_REAL>(to_pt(link.x)),
                           static_cast<HPDF_REAL>(to_pt(link.y)),
                           static_cast<HPDF_REAL>(to_pt(link.x + link.w)),
                           static_cast<HPDF_REAL>(to_pt(link.y + link.h))};
      HPDF_Annotation annot = nullptr;
      if (!link.uri.empty()) {
        const std::string uri = ascii_uri(link.uri);
        annot = pdf.check_ptr(HPDF_Page_CreateURILinkAnnot(pages[p], rect, uri.c_str()),
                              "creating a link on page " + std::to_string(p + 1));
      } else {
        if (link.dest_page < 0 || static_cast<size_t>(link.dest_page) >= pages.size())
          throw std::runtime_error("PDF writer: link on page " + std::to_string(p + 1) +
                                   " points to page " + std::to_string(link.dest_page + 1) +
                                   " of a " + std::to_string(pages.size()) + "-page document");
        HPDF_Destination dst =
            make_xyz_destination(objs, pages[link.dest_page], to_pt(link.dest_y));
        annot = pdf.check_ptr(HPDF_Page_CreateLinkAnnot(pages[p], rect, dst),
                              "creating a link on page " + std::to_string(p + 1));
      }
      // No visible border: the link's text is styled by layout.
      pdf.check(HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0), "setting a link border");
    }
  }
}

}  // namespace emnpub::pdf
