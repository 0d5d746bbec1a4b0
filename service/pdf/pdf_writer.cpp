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

namespace {

// With `release`, each page's drawing is freed once its content stream is
// written (links stay for write_links), so memory does not hold every
// page's glyphs twice.
std::vector<uint8_t> write(const layout::PagedDocument& doc, layout::PagedDocument* release,
                           const WriteOptions& opts) {
  if (doc.pages.empty()) throw std::runtime_error("PDF writer: the document has no pages");

  Document pdf;
  // Must precede every stream libharu creates (images, page contents).
  pdf.check(HPDF_SetCompressionMode(pdf.get(), opts.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE),
            "setting compression");
  // ActualText, /Lang and transparency in PNGs need more than libharu's 1.3.
  pdf.get()->pdf_version = HPDF_VER_17;

  PdfObjects objs(pdf, opts.compress);
  FontRegistry fonts(objs);
  ImageCache images(pdf);
  PageWriter page_writer(objs, fonts, images);

  // Each page's content is compressed as soon as it is written; only the
  // glyph usage per font is kept until the fonts are written.
  std::vector<HPDF_Page> pages;
  pages.reserve(doc.pages.size());
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    pages.push_back(page_writer.write(doc.pages[i], i));
    if (release) {
      layout::Page& done = release->pages[i];
      std::vector<layout::GlyphRun>().swap(done.runs);
      std::vector<layout::Rect>().swap(done.rects);
      std::vector<layout::Line>().swap(done.lines);
      std::vector<layout::Polygon>().swap(done.polygons);
      std::vector<layout::Image>().swap(done.images);
    }
  }

  write_links(objs, pages, doc);
  write_outline(objs, pages, doc.outline);
  write_page_labels(objs, doc.labels, pages.size());
  fonts.write_all();  // every glyph is known only now
  write_info(objs, doc.info);
  add_id_placeholder(objs);

  std::vector<uint8_t> bytes = save(pdf);
  finalize_id(bytes);
  return bytes;
}

}  // namespace

std::vector<uint8_t> write_pdf(const layout::PagedDocument& doc, const WriteOptions& opts) {
  try {
    return write(doc, nullptr, opts);
  } catch (const std::logic_error& e) {
    throw std::runtime_error(std::string("PDF writer: internal error: ") + e.what());
  }
}

std::vector<uint8_t> write_pdf(layout::PagedDocument&& doc, const WriteOptions& opts) {
  try {
    return write(doc, &doc, opts);
  } catch (const std::logic_error& e) {
    // A broken invariant in this stage; callers handle runtime_error.
    throw std::runtime_error(std::string("PDF writer: internal error: ") + e.what());
  }
}

}  // namespace emnpub::pdf
