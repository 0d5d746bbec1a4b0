#pragma once
// Turns model inlines into styled text spans for the text stage: applies the
// layout's inline styles (em, strong, sup, code, a ...), numbers footnotes,
// writes cross-reference wording, and registers link and note anchors.
#include <vector>

#include "layout/layout_context.hpp"
#include "style/computed_style.hpp"
#include "text/text_style.hpp"

namespace emnpub::layout {

text::SpanStyle span_style_for(const style::BlockStyle& b, const std::string& lang);

void collect_inlines(LayoutContext& ctx, const std::vector<model::Inline>& inlines,
                     const text::SpanStyle& base, std::vector<text::TextSpan>& out,
                     int anchor = -1);

// Applies an inline style rule (by element name and class) to a span style.
text::SpanStyle apply_inline(const style::Layout& L, const text::SpanStyle& base,
                             const std::string& element, const std::string& cls = {});

}  // namespace emnpub::layout
