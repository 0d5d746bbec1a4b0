#pragma once
// UTF conversions the PDF needs: UTF-8 input text to code points, and
// UTF-16BE (with surrogate pairs) for ToUnicode CMaps, ActualText and PDF
// text strings.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace emnpub::pdf {

// Invalid sequences become U+FFFD so one bad byte cannot break a document.
std::u32string utf8_to_utf32(std::string_view utf8);
// The same into `out` (replacing its contents, keeping its capacity): for
// a loop over many short texts, such as a run's glyph clusters.
void utf8_to_utf32(std::string_view utf8, std::u32string& out);

// Uppercase hex of the UTF-16BE code units of cp (4 or 8 digits).
void append_utf16be_hex(std::string& out, char32_t cp);
std::string utf16be_hex(std::u32string_view text);

// PDF text string bytes: FE FF byte-order mark then UTF-16BE.
std::vector<uint8_t> utf16be_with_bom(std::string_view utf8);

bool is_printable_ascii(std::string_view s);

}  // namespace emnpub::pdf
