#pragma once
// A loaded hyphenation dictionary saved as one block of memory, to be read
// back in one go instead of parsing its patterns again: the German
// dictionary (78,000 patterns, 278,000 states) took ~35 ms to build at
// every start of a German render, its image loads in a few.
//
// Images are made at build time (`emnpub prepare-hyphenation`, run by the
// build into build/hyphen/) for the dictionaries installed then. One is
// used only for the very file it was made from (same size and
// modification time) and only by a build with the same layout of
// libhyphen's structures; otherwise the .dic file is parsed as before. An
// image is checked before use: a checksum of the whole file, then every
// pointer inside it, every string terminated, every state number in range,
// so a damaged file is refused, never followed. An image is mapped
// read-only where its pointers point, so the German dictionary's 15 MB
// are neither copied nor relocated (read and relocated when that address
// space is taken).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "text/hyphen_dict_loader.hpp"

namespace emnpub::text {

// The checksum an image stores (exposed for tests): of its header's fields
// before the checksum (`header`, 56 bytes) and of its payload.
uint64_t image_checksum(const char* header, const char* payload, size_t payload_size);

// What identifies the .dic file an image was made from.
struct DictSource {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const DictSource&) const = default;
};

// The size and modification time of `dic_path` (symlinks followed); false
// when it cannot be read.
bool dict_source_of(const std::string& dic_path, DictSource& out);

// The image's file name for a dictionary file ("hyph_de_DE.dic" ->
// "hyph_de_DE.dic.img"): by its real name, so symlinked variants share it.
std::string hyphen_image_name(const std::string& dic_path);

// Writes `dict` (made from a file with `source`) to `image_path`, through a
// temporary file and rename. False + error on failure.
bool save_hyphen_image(const LoadedHyphenDict& dict, const DictSource& source, const std::string& image_path,
                       std::string& error);

// The dictionary saved in `image_path`, if it was made from a file with
// `source` and passes every check; else nullptr and why in `error`.
std::unique_ptr<LoadedHyphenDict> load_hyphen_image(const std::string& image_path, const DictSource& source,
                                                    std::string& error);

}  // namespace emnpub::text
