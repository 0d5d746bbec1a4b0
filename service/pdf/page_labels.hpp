#pragma once
// The catalog's /PageLabels number tree from layout::PageLabelRange.
// Written by hand: libharu's page labels cannot express "no numbering"
// (prefix only) and encode the prefix without Unicode.
#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/pdf_objects.hpp"

namespace emnpub::pdf {

void write_page_labels(PdfObjects& objs, const std::vector<layout::PageLabelRange>& labels,
                       size_t page_count);

}  // namespace emnpub::pdf
