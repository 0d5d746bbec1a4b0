#pragma once
// Splits a paragraph's logical text into runs of one span, one font face,
// one script and one bidi level. Levels come from the Unicode Bidirectional
// Algorithm (ICU ubidi); faces from the manifest's fallback chain, chosen per
// grapheme cluster so a cluster is never split between fonts.
#include <hb.h>

#include <cstdint>
#include <string>
#include <vector>

#include "text/font_registry.hpp"
#include "text/text_style.hpp"

namespace emnpub::text {

struct ItemRun {
  size_t begin = 0, end = 0;   // UTF-8 byte range in the paragraph text
  size_t span = 0;             // index of the TextSpan
  FontRef face;
  hb_script_t script = HB_SCRIPT_COMMON;
  uint8_t level = 0;           // bidi embedding level (odd = RTL)
};

struct MissingGlyph {
  uint32_t codepoint = 0;
  size_t span = 0;
  size_t offset = 0;           // byte offset in the paragraph text
  std::vector<std::string> tried;  // families tried
};

struct Itemized {
  std::vector<ItemRun> runs;
  std::vector<MissingGlyph> missing;
  uint8_t paragraph_level = 0;
};

struct SpanRange {
  size_t begin = 0, end = 0;
};

Itemized itemize(const std::string& text, const std::vector<SpanRange>& ranges,
                 const std::vector<TextSpan>& spans, BaseDir dir, const FontRegistry& fonts);

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes give U+FFFD.
uint32_t next_codepoint(const std::string& s, size_t& i);

}  // namespace emnpub::text
