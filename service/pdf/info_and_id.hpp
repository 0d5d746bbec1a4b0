#pragma once
// Document metadata: the Info dictionary (dates from the document, never
// the clock), the catalog's /Lang, and a trailer /ID that is a hash of the
// file itself, so two renders of the same input are byte-identical.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/pdf_objects.hpp"

namespace emnpub::pdf {

// "2024-03-05" -> "D:20240305000000Z"; throws for anything else.
std::string pdf_date(std::string_view iso_date);

void write_info(PdfObjects& objs, const layout::DocumentInfo& info);

// Puts a zero /ID in the trailer; finalize_id replaces it after saving.
void add_id_placeholder(PdfObjects& objs);

// Hashes the saved file (placeholder included) and writes the digest into
// both /ID entries in place; lengths and xref offsets do not change.
void finalize_id(std::vector<uint8_t>& pdf);

}  // namespace emnpub::pdf
