#pragma once
// Process-wide font access: resolves family/weight/style to a face file,
// loads each file once (lazily: a document only reads the faces it uses) and
// hands out immutable shared faces. Guarded by a mutex; safe from any thread.
#include <hb.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "common/load_once.hpp"
#include "text/font_face.hpp"
#include "text/font_manifest.hpp"

namespace emnpub::text {

struct FontRequest {
  std::string family;
  int weight = 400;
  bool italic = false;
  bool operator<(const FontRequest& o) const {
    return std::tie(family, weight, italic) < std::tie(o.family, o.weight, o.italic);
  }
};

class FontError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class FontRegistry {
 public:
  explicit FontRegistry(FontManifest manifest);

  // The face for a request (nearest weight, then upright if no italic).
  // Throws FontError naming the family and every path tried.
  FontRef face(const FontRequest& req) const;

  // Families to try, in order, for text of `script` set in `family`:
  // the family itself, the manifest's fallback rules, then last resorts.
  std::vector<std::string> chain(const std::string& family, hb_script_t script) const;

  bool has_family(const std::string& family) const { return manifest_.families.count(family) > 0; }
  const FontManifest& manifest() const { return manifest_; }

  // Paths of all faces loaded so far (for cache keys and ETags).
  std::vector<std::string> loaded_paths() const;

 private:
  FontRef load_file(const FaceSpec& spec, const std::string& family) const;

  const FontManifest manifest_;
  mutable std::mutex mu_;  // guards the maps, never held during a load
  mutable std::map<FontRequest, FontRef> by_request_;
  // One per font file: faces load on several threads at once, and a load
  // does not hold up lookups of faces already loaded.
  mutable std::map<std::string, std::shared_ptr<LoadOnce<FontFace>>> by_path_;
};

}  // namespace emnpub::text
