#pragma once
// What the stages and front doors ask of a file they watch, hash or
// depend on: its modification time (-1 when it cannot be read) and its bytes.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace emnpub {

inline int64_t file_mtime_ns(const std::string& path) {
  std::error_code ec;
  const auto t = std::filesystem::last_write_time(path, ec);
  return ec ? -1 : static_cast<int64_t>(t.time_since_epoch().count());
}

inline std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace emnpub
