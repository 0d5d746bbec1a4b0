#pragma once
// The layout stage's entry point: a document model and a layout in, pages of
// positioned items out.
#include <functional>

#include "common/diagnostics.hpp"
#include "layout/image_store.hpp"
#include "layout/layout_context.hpp"
#include "layout/paged_document.hpp"

namespace emnpub::layout {

// Takes the pages of a document as they are finished, in order, so they
// can be written out and freed while layout goes on. Layout runs until the
// page numbers it printed are the ones things landed on; when a pass turns
// out not to be the last, restart() says to drop the pages received so far:
// the next pass sends them all again.
struct PageSink {
  std::function<void(Page&&)> page;
  std::function<void()> restart;
};

// Throws DocumentRefused on limit violations; warnings go to `warnings`.
// With a sink, the pages go to it and the result holds none.
PagedDocument layout_document(const model::Document& doc, const style::Layout& L,
                              const text::FontRegistry& fonts, const text::HyphenatorCache& hyph,
                              Diagnostics& warnings, const Limits& limits = {},
                              const ImageStore* images = nullptr, const PageSink* sink = nullptr);

}  // namespace emnpub::layout
