#pragma once
// Reading inputs and writing outputs atomically: a PDF is written to a
// temporary name beside the target and renamed at the end, so a refused or
// interrupted render never leaves a partial file.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace emnpub::cli {

// Reads a file or stdin ("-"), at most max_bytes; nullopt + error on failure.
std::optional<std::string> read_input(const std::string& path, size_t max_bytes, std::string& error);

// Whether write_atomically waits for the data to reach the disk before the
// rename. Either way a reader sees the old file or the whole new one, and a
// failed write leaves nothing; only a crash of the whole machine differs.
enum class Sync {
  No,   // a render's PDF: made again from its input, as a compiler's output is
  Yes,  // a batch's manifest and report: they vouch for files already on disk
};

// Writes bytes to path (or stdout for "-") via a temporary file and rename.
bool write_atomically(const std::string& path, const std::vector<uint8_t>& bytes, Sync sync, std::string& error);

}  // namespace emnpub::cli
