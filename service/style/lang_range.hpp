#pragma once
// Which language codes a layout's `lang="…"` reaches: style rules and
// mastheads alike (BCP 47 basic filtering).
#include <string_view>

namespace emnpub::style {

// Whether `lang` is `range` or starts with it and a hyphen, ignoring case:
// "fr" reaches "fr", "fr-BE" and "FR-be", not "fry".
bool lang_in_range(std::string_view lang, std::string_view range);

// Whether `tag` can be a language code: letters, digits and single inner
// hyphens ("fr", "fr-BE", "sr-Latn"); for checking what a layout names.
bool looks_like_lang(std::string_view tag);

}  // namespace emnpub::style
