#pragma once
// The font manifest (fonts/fonts.xml): families, their face files, search
// paths and per-script fallback chains. A plain value read once at start-up.
#include <hb.h>

#include <map>
#include <string>
#include <vector>

#include "common/source_pos.hpp"

namespace emnpub::text {

struct FaceSpec {
  int weight = 400;        // CSS weight
  bool italic = false;
  std::string file;        // as written; resolved against search paths on load
  unsigned index = 0;      // face index in a collection
  SourcePos pos;
};

struct FallbackRule {
  std::string family;      // family it applies to, or "*"
  hb_script_t script = HB_SCRIPT_INVALID;  // HB_SCRIPT_INVALID = any script
  std::string use;         // family to try
};

struct FontManifest {
  std::string source;                          // manifest file path
  std::vector<std::string> search_paths;       // absolute, in order
  std::map<std::string, std::vector<FaceSpec>> families;
  std::vector<FallbackRule> fallbacks;         // document order = priority
  std::vector<std::string> last_resort;
};

// Reads and checks a manifest (unknown elements/attributes, unknown families
// in fallback rules). Throws DocumentRefused with located diagnostics.
// extra_paths are searched first (e.g. --fonts DIR).
FontManifest read_font_manifest(const std::string& path,
                                const std::vector<std::string>& extra_paths = {});

}  // namespace emnpub::text
