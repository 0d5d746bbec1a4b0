#pragma once
// Checks an <img src> without reading anything: a data: URI must carry a
// base64 PNG or JPEG; anything else must be a relative path that stays inside
// the assets root. Every other URL scheme is refused (nothing is fetched).
#include <string>
#include <string_view>

namespace emnpub::xml {

// Empty when acceptable; otherwise a reason that completes the sentence
// "<img src="..."> ...".
std::string check_image_source(std::string_view src);

// A data: URI with the insignificant whitespace removed (CMSs wrap base64).
std::string strip_data_uri_spaces(std::string_view src);

bool is_data_uri(std::string_view src);

}  // namespace emnpub::xml
