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

#include "support/temp_dir.hpp"
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

using test_support::TempDir;

inline std::string write_temp(const TempDir& d, const std::string& name, const std::vector<uint8_t>& bytes) {
  return d.write(name, bytes);
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
