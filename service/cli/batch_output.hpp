#pragma once
// PDF files of a batch. A PDF is first written complete to a hidden
// temporary file beside its final name (".NAME.XXXXXX", the pattern
// write_atomically uses too); the batch records it in the manifest and only
// then renames it into place, so a PDF visible under its name is always
// whole and always already described by the manifest.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace emnpub::cli::batch {

struct TempPdf {
  std::string path;
  int64_t bytes = 0;
  int64_t mtime_ns = 0;  // survives the rename: it belongs to the inode
};

// Creates the parent folders of final_path, writes bytes to a temporary
// file beside it and syncs it to disk.
std::optional<TempPdf> write_temp_beside(const std::string& final_path, const std::vector<uint8_t>& bytes,
                                         std::string& error);

// Removes temporary files that a killed run left beside the given outputs
// (and beside OUT_DIR/manifest_name). Only these: another shard writing into
// the same folder keeps its own files in flight. Returns how many went.
int remove_stale_temps(const std::string& out_dir, const std::vector<std::string>& output_rels,
                       const std::string& manifest_name);

}  // namespace emnpub::cli::batch
