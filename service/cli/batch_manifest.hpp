#pragma once
// The batch manifest: what every PDF in OUT_DIR was rendered from, so a rerun
// can tell which documents are up to date.
//
// Each run writes one manifest file in OUT_DIR: emnpub-manifest.json, or
// emnpub-manifest.shard-I-of-N.json with --shard, so shards sharing an
// output folder never overwrite each other's records. Every run reads all of
// them; an entry is trusted only when the PDF on disk is the one it describes
// (same size and modification time, or else same SHA-256), so a stale entry
// in any file can cause a re-render but never a wrong skip.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/batch_worklist.hpp"

namespace emnpub::cli::batch {

struct ManifestEntry {
  std::string input;               // relative input path: the key
  std::string input_sha256;
  std::string layout;              // layout name used
  std::string layout_fingerprint;  // Engine::fingerprint(layout)
  std::string fonts_fingerprint;   // Engine::fonts_fingerprint()
  std::string output;              // relative PDF path
  std::string status;              // "ok" or "failed"
  int pages = 0;
  std::string document_id;
  int64_t pdf_bytes = 0;
  int64_t pdf_mtime_ns = 0;        // of the PDF's inode; rename keeps it
  std::string pdf_sha256;
  std::string rendered_at;         // UTC, ISO 8601
  double render_seconds = 0;
  std::string error;               // failed: the first located message
};

std::string manifest_file_name(const std::optional<Shard>& shard);

struct LoadedManifests {
  // Every recorded entry per input, entries of the run's own file first.
  std::map<std::string, std::vector<ManifestEntry>> candidates;
  std::map<std::string, ManifestEntry> own;  // the run's own file, as read
  std::vector<std::string> warnings;         // files that could not be read
};

LoadedManifests load_manifests(const std::string& out_dir, const std::string& own_name);

// Writes the whole manifest to path through a temporary file and rename.
bool save_manifest(const std::string& path, const std::map<std::string, ManifestEntry>& entries,
                   const std::optional<Shard>& shard, std::string& error);

// The identity of a file on disk.
struct FileStamp {
  bool exists = false;
  int64_t bytes = 0;
  int64_t mtime_ns = 0;
};
FileStamp stamp_file(const std::string& path);

// "" when the entry describes the PDF at out_dir/entry.output, else why not.
// May refresh entry.pdf_mtime_ns when the bytes match but the time does not
// (a copied output folder).
std::string verify_pdf(const std::string& out_dir, ManifestEntry& entry);

std::string utc_now_iso8601();

}  // namespace emnpub::cli::batch
