#pragma once
// Writes a shaped glyph run as one text object: glyph ids as 2-byte codes in
// TJ arrays, with adjustments that put every glyph exactly at the layout's
// position, Ts for vertical offsets, and ActualText spans for clusters whose
// text the font's ToUnicode map cannot reproduce.
#include "layout/paged_document.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/font_resources.hpp"
#include "pdf/marked_content.hpp"

namespace emnpub::pdf {

void write_glyph_run(ContentStream& cs, MarkedContent& marked, PdfFont& font,
                     const layout::GlyphRun& run);

}  // namespace emnpub::pdf
