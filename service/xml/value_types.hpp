#pragma once
// Plain-word checks for the schema's named value types ("date.value",
// "width.value", ...). libxml2 decides validity; these only let a refusal say
// which value is wrong and what was expected. They follow the schema's
// patterns exactly so they never blame a value libxml2 accepted.
#include <string>
#include <string_view>

namespace emnpub::xml {

// XML Schema "token" whitespace processing: trim, collapse runs to one space.
std::string collapse_token(std::string_view v);

// Whether `value` satisfies the schema type; unknown types are accepted.
bool value_matches(std::string_view type, std::string_view value);

// "a date YYYY-MM-DD", ... ; empty for unknown types.
std::string describe_type(std::string_view type);

}  // namespace emnpub::xml
