#pragma once
// Writing a file so that a reader sees either the old file or the whole new
// one: the bytes go to a hidden temporary file beside the target
// (".NAME.XXXXXX"), renamed over it once complete; a failed write leaves
// nothing behind.
#include <initializer_list>
#include <string>
#include <string_view>

namespace emnpub {

// Whether the data must reach the disk before the rename. Either way a
// reader sees the old file or the whole new one; only a crash of the whole
// machine differs.
enum class Sync {
  No,   // output that is made again from its input (a render's PDF, an image of a dictionary)
  Yes,  // a batch's manifest and report: they vouch for files already on disk
};

// Writes the concatenation of `parts` to `path`. False + error on failure.
bool write_file_atomically(const std::string& path, std::initializer_list<std::string_view> parts, Sync sync,
                           std::string& error);

}  // namespace emnpub
