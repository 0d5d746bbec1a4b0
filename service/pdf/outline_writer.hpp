#pragma once
// Bookmarks from layout::OutlineEntry: nested by level, UTF-16BE titles,
// each pointing at the heading's top on its page.
#include <hpdf.h>

#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/pdf_objects.hpp"

namespace emnpub::pdf {

void write_outline(PdfObjects& objs, const std::vector<HPDF_Page>& pages,
                   const std::vector<layout::OutlineEntry>& outline);

}  // namespace emnpub::pdf
