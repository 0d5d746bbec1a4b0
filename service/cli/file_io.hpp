#pragma once
// Reading inputs and writing outputs atomically: a PDF is written to a
// temporary name beside the target and renamed at the end, so a refused or
// interrupted render never leaves a partial file.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/atomic_file.hpp"

namespace emnpub::cli {

// Reads a file or stdin ("-"), at most max_bytes; nullopt + error on failure.
std::optional<std::string> read_input(const std::string& path, size_t max_bytes, std::string& error);

// Writes bytes to stdout for "-", else to path via a temporary file and
// rename (common/atomic_file.hpp).
bool write_atomically(const std::string& path, const std::vector<uint8_t>& bytes, Sync sync, std::string& error);

}  // namespace emnpub::cli
