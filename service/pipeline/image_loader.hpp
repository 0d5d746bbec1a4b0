#pragma once
// Loads every image a document references: data: URIs are decoded; other
// sources are paths relative to the assets root and may not leave it.
// Only PNG and JPEG are accepted; the size is read from the file header.
#include <string>

#include "common/diagnostics.hpp"
#include "layout/image_store.hpp"
#include "model/document.hpp"

namespace emnpub {

// Problems (missing file, escape attempt, not PNG/JPEG, no assets root for
// a relative path) are added to `diags` as located errors.
layout::ImageStore load_images(const model::Document& doc, const std::string& assets_root,
                               size_t max_bytes, Diagnostics& diags);

}  // namespace emnpub
