// The PDF stage, one file per concern (after Skia's src/pdf):
//   page_writer      pages, their content streams and resources
//   glyph_run_writer text: TJ arrays, ActualText (font_resources decides
//                    ToUnicode per glyph as runs are written)
//   cid_font_writer  Type0/CIDFontType2 fonts, subset once at the end
//   link_writer, outline_writer, page_labels, info_and_id, image_writer
// libharu owns the document, xref, pages, images and file layout; the
// objects it has no API for are built with its object API (pdf_objects).
#include "pdf/pdf_writer.hpp"

#include <stdexcept>
#include <string>

#include "pdf/font_resources.hpp"
#include "pdf/hpdf_handles.hpp"
#include "pdf/image_writer.hpp"
#include "pdf/info_and_id.hpp"
#include "pdf/link_writer.hpp"
#include "pdf/outline_writer.hpp"
#include "pdf/page_labels.hpp"
#include "pdf/page_writer.hpp"
#include "pdf/pdf_objects.hpp"

namespace emnpub::pdf {

namespace {

std::vector<uint8_t> save(Document& doc) {
  doc.check(HPDF_SaveToStream(doc.get()), "saving the document");
  HPDF_UINT32 size = HPDF_GetStreamSize(doc.get());
  doc.check(size > 0 ? HPDF_OK : HPDF_INVALID_STREAM, "saving the document");
  std::vector<uint8_t> bytes(size);
  doc.check(HPDF_ResetStream(doc.get()), "reading the saved document");
  doc.check(HPDF_ReadFromStream(doc.get(), bytes.data(), &size), "reading the saved document");
  if (size != bytes.size()) throw std::runtime_error("PDF writer: saved document was truncated");
  return bytes;
}

}  // namespace

struct PageStreamWriter::Impl {
  Document pdf;
  PdfObjects objs;
  FontRegistry fonts;
  ImageCache images;
  PageWriter page_writer;
  std::vector<HPDF_Page> pages;
  std::vector<std::vector<layout::Link>> links;  // per page, written by finish()
  std::vector<Fixed> heights;                     // per page

  static Document& configured(Document& d, const WriteOptions& opts) {
    // Must precede every stream libharu creates (images, page contents).
    d.check(HPDF_SetCompressionMode(d.get(), opts.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE),
            "setting compression");
    // ActualText, /Lang and transparency in PNGs need more than libharu's 1.3.
    d.get()->pdf_version = HPDF_VER_17;
    return d;
  }

  explicit Impl(const WriteOptions& opts)
      : objs(configured(pdf, opts), opts.compress), fonts(objs), images(pdf), page_writer(objs, fonts, images) {}
};

PageStreamWriter::PageStreamWriter(const WriteOptions& opts) : impl_(std::make_unique<Impl>(opts)) {}

PageStreamWriter::~PageStreamWriter() = default;

size_t PageStreamWriter::pages() const { return impl_->pages.size(); }

bool PageStreamWriter::compresses() const { return impl_->objs.compress(); }

void PageStreamWriter::provide_program(const text::FontRef& face, FontProgram program) {
  impl_->fonts.provide_program(face, std::move(program));
}

void PageStreamWriter::add_page(layout::Page&& page) {
  // Only the glyph usage per font is kept until the fonts are written.
  const layout::Page done = std::move(page);
  add_page(done);
}

void PageStreamWriter::add_page(const layout::Page& page) {
  try {
    impl_->pages.push_back(impl_->page_writer.write(page, impl_->pages.size()));
    impl_->links.push_back(page.links);
    impl_->heights.push_back(page.height);
  } catch (const std::logic_error& e) {
    // A broken invariant in this stage; callers handle runtime_error.
    throw std::runtime_error(std::string("PDF writer: internal error: ") + e.what());
  }
}

namespace {

// Places internal links by their target's id where the final pages put it;
// drops one whose target has no place at all.
void place_links(std::vector<std::vector<layout::Link>>& links, const std::vector<Fixed>& heights,
                 const std::map<std::string, layout::Destination>& destinations) {
  for (auto& page : links) {
    for (layout::Link& l : page) {
      if (!l.uri.empty() || l.dest_id.empty()) continue;
      auto it = destinations.find(l.dest_id);
      if (it == destinations.end() || it->second.page < 0 || static_cast<size_t>(it->second.page) >= heights.size())
        continue;
      l.dest_page = it->second.page;
      l.dest_y = heights[static_cast<size_t>(it->second.page)] - it->second.y_from_top;
    }
    std::erase_if(page, [](const layout::Link& l) { return l.uri.empty() && !l.dest_id.empty() && l.dest_page < 0; });
  }
}

}  // namespace

std::vector<uint8_t> PageStreamWriter::finish(const layout::DocumentInfo& info,
                                              const std::vector<layout::OutlineEntry>& outline,
                                              const std::vector<layout::PageLabelRange>& labels,
                                              const std::map<std::string, layout::Destination>& destinations) {
  try {
    Impl& w = *impl_;
    if (w.pages.empty()) throw std::runtime_error("PDF writer: the document has no pages");
    place_links(w.links, w.heights, destinations);
    write_links(w.objs, w.pages, w.links);
    write_outline(w.objs, w.pages, outline);
    write_page_labels(w.objs, labels, w.pages.size());
    w.fonts.write_all();  // every glyph is known only now
    write_info(w.objs, info);
    add_id_placeholder(w.objs);
    std::vector<uint8_t> bytes = save(w.pdf);
    finalize_id(bytes);
    return bytes;
  } catch (const std::logic_error& e) {
    throw std::runtime_error(std::string("PDF writer: internal error: ") + e.what());
  }
}

std::vector<uint8_t> write_pdf(const layout::PagedDocument& doc, const WriteOptions& opts) {
  if (doc.pages.empty()) throw std::runtime_error("PDF writer: the document has no pages");
  PageStreamWriter w(opts);
  for (const auto& p : doc.pages) w.add_page(p);
  return w.finish(doc.info, doc.outline, doc.labels, doc.destinations);
}

std::vector<uint8_t> write_pdf(layout::PagedDocument&& doc, const WriteOptions& opts) {
  if (doc.pages.empty()) throw std::runtime_error("PDF writer: the document has no pages");
  PageStreamWriter w(opts);
  for (auto& p : doc.pages) w.add_page(std::move(p));  // each page freed once written
  return w.finish(doc.info, doc.outline, doc.labels, doc.destinations);
}

}  // namespace emnpub::pdf
