// Fingerprints for the batch manifest and the HTTP cache: SHA-256 (Poco)
// over what a rendering depends on. Kept out of engine.cpp so that the
// render-only binary (build/emnpub) does not load Poco at start-up.
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <filesystem>

#include "pipeline/engine.hpp"
#include "common/file_stamp.hpp"
#include "text/font_registry.hpp"

namespace emnpub {

namespace fs = std::filesystem;

std::string Engine::sha256_hex(std::string_view data) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(data.data(), static_cast<unsigned>(data.size()));
  return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string Engine::fonts_fingerprint() const {
  std::lock_guard lock(mu_);
  if (!fonts_fingerprint_.empty()) return fonts_fingerprint_;
  // Font files are identified by path, size and mtime (hashing megabytes
  // of font data per process would cost more than it protects).
  const auto& m = fonts_->manifest();
  std::string id = file_bytes(m.source);
  for (const auto& [family, faces] : m.families)
    for (const auto& f : faces)
      for (const auto& dir : m.search_paths) {
        const fs::path p = fs::path(f.file).is_absolute() ? fs::path(f.file) : fs::path(dir) / f.file;
        std::error_code ec;
        if (!fs::is_regular_file(p, ec)) continue;
        id += p.string() + ":" + std::to_string(fs::file_size(p, ec)) + ":" + std::to_string(file_mtime_ns(p.string())) + "\n";
        break;
      }
  fonts_fingerprint_ = sha256_hex(id);
  return fonts_fingerprint_;
}

std::string Engine::fingerprint(const std::string& layout_name) const {
  const auto L = layout(layout_name);
  std::string id;
  for (const auto& f : L->files) id += f + "\n" + file_bytes(f) + "\n";
  id += fonts_fingerprint();
  id += EMNPUB_VERSION;
  return sha256_hex(id);
}

}  // namespace emnpub
