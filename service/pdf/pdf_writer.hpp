#pragma once
// Public entry point of the PDF stage: turns a laid-out document into PDF
// bytes. Everything else in service/pdf is internal to this function.
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/font_program.hpp"

namespace emnpub::pdf {

struct WriteOptions {
  bool compress = true;  // Flate-compress content, fonts, CMaps and images
};

// Writes a document page by page, as layout finishes them: each page's
// content stream is written (and compressed) when the page is added, and
// the page itself freed; only its links and the glyphs each font uses are
// kept until finish(). Errors as write_pdf.
class PageStreamWriter {
 public:
  explicit PageStreamWriter(const WriteOptions& opts = {});
  ~PageStreamWriter();
  PageStreamWriter(const PageStreamWriter&) = delete;
  PageStreamWriter& operator=(const PageStreamWriter&) = delete;

  void add_page(layout::Page&& page);
  void add_page(const layout::Page& page);  // the caller frees it
  size_t pages() const;
  bool compresses() const;
  // A subset program made ahead of finish() (make_font_program) while
  // pages are still being written; used if it covers exactly the glyphs
  // the pages used, else the font is subset again. Not concurrently with
  // add_page.
  void provide_program(const text::FontRef& face, FontProgram program);
  // Outline entries and links may point to any page added; a link with a
  // dest_id goes to its entry in `destinations` (else where it says). Call
  // once.
  std::vector<uint8_t> finish(const layout::DocumentInfo& info, const std::vector<layout::OutlineEntry>& outline,
                              const std::vector<layout::PageLabelRange>& labels,
                              const std::map<std::string, layout::Destination>& destinations = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
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
