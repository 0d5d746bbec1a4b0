#pragma once
// Helpers for pipeline tests: one shared engine, temp files, running
// poppler tools.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/file_stamp.hpp"
#include "pipeline/engine.hpp"

namespace emnpub::test {

inline const Engine& engine() {
  static Engine e(EngineConfig{});
  return e;
}

inline std::string read_file(const std::string& path) { return file_bytes(path); }

inline std::string sample(const std::string& name) {
  return read_file(std::string(EMNPUB_SOURCE_DIR) + "/samples/" + name);
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string t = (std::filesystem::temp_directory_path() / "emnpub-test-XXXXXX").string();
    path = mkdtemp(t.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

inline std::string write_temp(const TempDir& d, const std::string& name, const std::vector<uint8_t>& bytes) {
  const auto p = (d.path / name).string();
  std::ofstream out(p, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return p;
}

inline std::string run(const std::string& cmd) {
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  if (!p) return out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p.get())) > 0) out.append(buf, n);
  return out;
}

}  // namespace emnpub::test
