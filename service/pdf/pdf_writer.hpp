#pragma once
// Public entry point of the PDF stage: turns a laid-out document into PDF
// bytes. Everything else in service/pdf is internal to this function.
#include <cstdint>
#include <vector>

#include "layout/paged_document.hpp"

namespace emnpub::pdf {

struct WriteOptions {
  bool compress = true;  // Flate-compress content, fonts, CMaps and images
};

// Renders the whole paged document to PDF bytes. Deterministic: the same
// input gives byte-identical output (no clock, /ID is a hash of the file).
// Safe to call concurrently from many threads with shared FontFace objects.
// Throws std::runtime_error with a clear message on failure.
std::vector<uint8_t> write_pdf(const layout::PagedDocument& doc, const WriteOptions& opts = {});

// The same, consuming the document: each page's drawing is released as soon
// as its content stream is written.
std::vector<uint8_t> write_pdf(layout::PagedDocument&& doc, const WriteOptions& opts = {});

}  // namespace emnpub::pdf
