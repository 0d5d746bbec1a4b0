#pragma once
// Whitespace as in HTML: runs of XML whitespace (space, tab, CR, LF) become
// one space, space at the start and end of a block and around <br/> is
// dropped; U+00A0 (no-break space) is not whitespace and is kept. <pre> keeps
// its text as written.
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace emnpub::xml {

// Collapse runs and trim both ends: for text-only fields (author, keyword).
std::string normalize_text(std::string_view s);

// Normalises a block's inline content in place, across element boundaries
// ("a <em> b</em>" -> "a ", em("b")). Footnote bodies are normalised as
// blocks of their own; a footnote or cross-reference counts as a visible
// item, so the spaces around it are kept. Empty text runs are removed.
void normalize_inlines(std::vector<model::Inline>& inlines);

// <pre> text: unchanged except one newline right after the start tag, as HTML.
std::string pre_text(std::string_view s);

}  // namespace emnpub::xml
