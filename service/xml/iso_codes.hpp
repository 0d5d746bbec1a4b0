#pragma once
// Compact code tables for the semantic checks: ISO 639-1 language codes (the
// primary subtag of xml:lang) and ISO 3166-1 alpha-2 country codes (bulletin
// <item country>), plus the codes EU publications use on top of ISO.
#include <string>
#include <string_view>

namespace emnpub::xml {

bool is_iso639_1(std::string_view two_letters);  // lower case, e.g. "nl"
bool is_country_code(std::string_view code);     // upper case, e.g. "BE", "EU"

// Primary subtag of a BCP 47 tag, lower-cased ("pt-BR" -> "pt").
std::string primary_language(std::string_view tag);

// BCP 47 tags are case-insensitive; later stages compare them as strings,
// so the model holds the conventional case: "EN" -> "en", "pt-br" -> "pt-BR",
// "sr-latn" -> "sr-Latn" (regions upper, scripts title case, rest lower).
std::string canonical_language_tag(std::string_view tag);

}  // namespace emnpub::xml
