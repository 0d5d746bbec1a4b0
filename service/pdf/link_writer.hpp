#pragma once
// Link annotations: URI actions for external links, /XYZ destinations for
// internal ones. Written after all pages exist so links can point forward.
#include <hpdf.h>

#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/pdf_objects.hpp"

namespace emnpub::pdf {

// [page /XYZ null top null]: keeps the reader's zoom and horizontal scroll.
HPDF_Destination make_xyz_destination(PdfObjects& objs, HPDF_Page target, double top_pt);

// links[p]: the links on page p.
void write_links(PdfObjects& objs, const std::vector<HPDF_Page>& pages,
                 const std::vector<std::vector<layout::Link>>& links);

// URIs must be 7-bit: percent-encode bytes outside printable ASCII.
std::string ascii_uri(std::string_view uri);

}  // namespace emnpub::pdf
