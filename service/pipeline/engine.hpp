#pragma once
// The render pipeline as the front doors (cli/, http/) see it. An Engine
// holds what is shared by every render in the process: the font registry,
// hyphenation dictionaries and loaded layouts; all of it immutable or
// guarded, so documents render concurrently on many threads.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/helper_thread.hpp"
#include "layout/layout_context.hpp"
#include "model/document.hpp"
#include "style/layout.hpp"

namespace emnpub::xml {
struct RootHint;
}

namespace emnpub::text {
class FontRegistry;
class HyphenatorCache;
}

namespace emnpub {

struct EngineConfig {
  std::string layouts_dir;          // empty = the repo's layouts/
  std::string fonts_dir;            // empty = the repo's fonts/ (fonts.xml)
  std::string assets_dir;           // root for relative <img src> paths; empty = none
};

struct RenderOptions {
  std::string source_name = "-";
  bool strict = false;              // missing glyphs become errors
  std::string layout;               // layout name override (e.g. "report")
  std::string assets_dir;           // overrides EngineConfig::assets_dir when set
  layout::Limits limits;
  int max_depth = 256;
  // Refuse, with its problems, when the layout's last edit was broken,
  // instead of rendering with its last good version (which a service
  // wants, but a designer previewing the edit must be told).
  bool refuse_broken_layout = false;
};

struct RenderTimings {
  double parse_ms = 0, layout_load_ms = 0, images_ms = 0, layout_ms = 0, pdf_ms = 0;
};

struct RenderResult {
  std::vector<uint8_t> pdf;
  Diagnostics warnings;
  int pages = 0;
  size_t glyphs = 0;                // glyphs placed on all pages
  int layout_passes = 0;            // full layout passes (after the measuring one)
  std::string document_id;
  std::string layout;               // name of the layout used
  RenderTimings timings;
};

class Engine {
 public:
  explicit Engine(EngineConfig cfg);
  ~Engine();

  // Parses, validates, lays out and writes a PDF. Throws DocumentRefused
  // with every located problem (document, layout or font).
  RenderResult render(std::string_view xml, const RenderOptions& opts) const;

  // Parses and validates only; throws DocumentRefused when invalid.
  Diagnostics validate(std::string_view xml, const RenderOptions& opts) const;

  // The layout for a name ("inform"...), loaded on first use and reloaded
  // when its file or its brand file changes on disk. A broken edit keeps
  // the last good layout live (reported by layout_status()); with no good
  // layout yet, the problems are thrown as DocumentRefused.
  style::LayoutRef layout(const std::string& name) const;

  struct LayoutStatus {
    std::string name;
    std::vector<std::string> files;
    int64_t loaded_at = 0;           // Unix seconds of the last good load
    int reloads = 0;                 // successful reloads after the first load
    std::vector<Diagnostic> problems;  // of the last failed reload, if it failed
  };
  std::vector<LayoutStatus> layout_status() const;
  // Names of the layout files present in the layouts directory.
  std::vector<std::string> layout_names() const;

  // SHA-256 (hex) over the layout file, its brand file, the font manifest and
  // the identity (path, size, mtime) of every font file the manifest names:
  // what a rendered PDF depends on besides its XML. For ETags and batch
  // manifests.
  std::string fingerprint(const std::string& layout_name) const;
  std::string fonts_fingerprint() const;
  static std::string sha256_hex(std::string_view data);

  const EngineConfig& config() const { return cfg_; }
  static std::string default_layouts_dir();
  static std::string default_fonts_dir();
  // Prepared images of the hyphenation dictionaries (build/hyphen, made by
  // `emnpub prepare-hyphenation` during the build; text/hyphen_dict_image.hpp).
  static std::string default_hyphen_images_dir();

 private:
  model::Document parse(std::string_view xml, const RenderOptions& opts, Diagnostics& warnings,
                        HelperThread* patterns = nullptr) const;
  // Loads a layout and the faces it will likely need, while the document
  // is validated, from a hint read off its root element (which may be wrong:
  // only the engine's own caches are filled); names that are not document
  // types are ignored.
  void warm_up(const std::string& layout_name, const std::string& lang, const xml::RootHint& hint) const;

  EngineConfig cfg_;
  std::unique_ptr<text::FontRegistry> fonts_;
  std::unique_ptr<text::HyphenatorCache> hyphenators_;
  struct LoadedLayout {
    style::LayoutRef layout;
    std::map<std::string, int64_t> mtimes;  // file → mtime (ns) when loaded
    int64_t loaded_at = 0;
    int reloads = 0;
    std::vector<Diagnostic> problems;
    std::map<std::string, int64_t> failed_mtimes;  // don't retry an unchanged broken edit
  };
  mutable std::mutex mu_;
  mutable std::map<std::string, LoadedLayout> layouts_;
  mutable std::string fonts_fingerprint_;
  HelperThread schema_warmup_;  // compiles the document schema at start-up
};

}  // namespace emnpub
