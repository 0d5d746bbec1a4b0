#pragma once
// Text set in capitals (a style's uppercase="yes": kickers, date lines).
#include <string>
#include <string_view>

namespace emnpub::layout {

// `s` in capitals by the rules of `lang` (ICU: German ß becomes SS, Greek
// drops its accents, Turkish dotted i). In French, ordinal abbreviations
// keep their lower-case letters, as they are superior letters in print:
// "1er OCTOBRE", "2e ÉDITION", "XXIe SIÈCLE", never "1ER". `preceding` is
// the text just before `s` (the previous span of the same line), read only
// to recognise an ordinal that straddles the two ("1" then "<sup>er</sup>").
std::string to_upper(const std::string& s, const std::string& lang, std::string_view preceding = {});

}  // namespace emnpub::layout
