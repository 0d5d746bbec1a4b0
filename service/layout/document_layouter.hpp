#pragma once
// The layout stage's entry point: a document model and a layout in, pages of
// positioned items out.
#include "common/diagnostics.hpp"
#include "layout/image_store.hpp"
#include "layout/layout_context.hpp"
#include "layout/paged_document.hpp"

namespace emnpub::layout {

// Throws DocumentRefused on limit violations; warnings go to `warnings`.
PagedDocument layout_document(const model::Document& doc, const style::Layout& L,
                              const text::FontRegistry& fonts, const text::HyphenatorCache& hyph,
                              Diagnostics& warnings, const Limits& limits = {},
                              const ImageStore* images = nullptr);

}  // namespace emnpub::layout
