#pragma once
// Draws one layout::Page into a new PDF page: backgrounds, polygons,
// images, lines, then text, each item bracketed as marked content.
#include <hpdf.h>

#include "layout/paged_document.hpp"
#include "pdf/font_resources.hpp"
#include "pdf/image_writer.hpp"
#include "pdf/pdf_objects.hpp"

namespace emnpub::pdf {

class PageWriter {
 public:
  PageWriter(PdfObjects& objs, FontRegistry& fonts, ImageCache& images)
      : objs_(objs), fonts_(fonts), images_(images) {}

  // Adds the page to the document and returns it (links are added later).
  HPDF_Page write(const layout::Page& page, size_t index);

 private:
  PdfObjects& objs_;
  FontRegistry& fonts_;
  ImageCache& images_;
};

}  // namespace emnpub::pdf
