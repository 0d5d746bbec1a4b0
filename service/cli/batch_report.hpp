#pragma once
// The batch report: a JSON file for machines (--report, default
// OUT_DIR/batch-report.json) and a readable summary on stderr for people.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/batch_worklist.hpp"
#include "common/diagnostics.hpp"

namespace emnpub::cli::batch {

struct ReportData {
  std::string in_dir, out_dir, manifest;
  std::optional<Shard> shard;
  int jobs = 1;
  bool force = false;
  bool interrupted = false;
  std::string started_at;
  double seconds = 0;        // whole run
  double render_seconds = 0; // render phase only: the rates' denominator

  size_t discovered = 0;     // *.xml files under IN_DIR
  size_t in_shard = 0;
  size_t up_to_date = 0;
  size_t not_processed = 0;  // interrupted before their turn
  long pages = 0;            // pages rendered by this run

  struct Rendered {
    std::string input, output, layout, reason;
    int pages = 0;
    double seconds = 0;
    std::vector<Diagnostic> warnings;
  };
  struct Failed {
    std::string input, layout;
    std::vector<Diagnostic> diagnostics;
  };
  struct Ignored {
    std::string input, reason;
  };
  std::vector<Rendered> rendered;
  std::vector<Failed> failed;
  std::vector<Ignored> ignored;
  std::vector<std::string> notes;  // run-level problems (manifest not writable...)
};

bool write_report(const std::string& path, const ReportData& r, std::string& error);

// "batch: ..." totals, then every failure with its located messages.
void print_summary(std::ostream& out, const ReportData& r, const std::string& report_path);

const char* kind_name(DiagKind k);

}  // namespace emnpub::cli::batch
