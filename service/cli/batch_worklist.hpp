#pragma once
// What `emnpub batch` works on: the *.xml files under the input folder, the
// PDF path each one mirrors to, the deterministic shard slice, and a cheap
// look at the root element (is it a publication, of which type) that needs
// no full parse.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emnpub::cli::batch {

struct WorkItem {
  std::string rel;         // path below IN_DIR, '/'-separated: the document's key everywhere
  std::string input;       // path to open (IN_DIR/rel, as the user spelled IN_DIR)
  std::string output_rel;  // rel with the .xml extension replaced by .pdf
  std::string conflict;    // non-empty: why this document cannot be rendered (output clash)
};

struct Discovery {
  std::vector<WorkItem> items;  // sorted by rel, byte order
  struct Problem {
    std::string path;
    std::string message;
  };
  std::vector<Problem> problems;  // folders that could not be listed
};

// Every regular file named *.xml (any case) below in_dir, recursively.
// Hidden entries (".git", editor backups) are skipped and directory symlinks
// are not followed, so the walk cannot loop.
Discovery discover(const std::string& in_dir);

struct Shard {
  int index = 1;  // 1-based
  int count = 1;
};
// Parses "I/N" with 1 <= I <= N.
std::optional<Shard> parse_shard(const std::string& text);

// The shard (1..count) a document belongs to: the first 15 hex digits of
// SHA-256(rel) read as an integer, mod count, plus one. Depends on the path
// alone, so shards agree even when the archive changes between their starts.
int shard_of(const std::string& rel, int count);

struct RootInfo {
  enum class Kind {
    Publication,  // root element <publication>; type holds its type attribute
    Other,        // a well-formed start of some other XML vocabulary
    Unknown,      // could not tell cheaply (encoding, DOCTYPE, entities, garbage)
  } kind = Kind::Unknown;
  std::string element;  // root element name, when found
  std::string type;     // Publication: the type attribute, trimmed; empty if absent
};

// Reads the prolog and the root start tag only.
RootInfo scan_root(std::string_view xml);

// Whether a name can be a layout file name (layouts/NAME.xml).
bool plausible_layout_name(std::string_view name);

}  // namespace emnpub::cli::batch
