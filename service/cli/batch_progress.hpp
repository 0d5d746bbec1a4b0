#pragma once
// Progress of a batch on stderr. On a terminal: one live line with a bar,
// done/total, documents and pages per second, ETA and failures, redrawn in
// place (failures are printed above it). Elsewhere (CI logs, kubectl logs,
// Slurm output files): one plain line per finished document and a summary
// line every 10 seconds. Called from one thread only.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace emnpub::cli::batch {

enum class ProgressMode { Bar, Plain, None };

// Bar when stderr is a terminal whose TERM is not "dumb", else Plain.
ProgressMode auto_progress_mode();

struct Outcome {
  std::string rel;
  std::string output_rel;
  std::string reason;       // why it was rendered ("input changed"...)
  bool ok = false;
  int pages = 0;
  double seconds = 0;
  size_t warnings = 0;
  std::string first_error;  // failed: the first located message
  uint64_t input_bytes = 0;  // for the ETA
};

class Progress {
 public:
  Progress(ProgressMode mode, std::ostream& out);

  // The render phase begins. The ETA goes by input bytes, not documents:
  // a 40-page report costs many leaflets, whatever order they come in.
  void start(size_t total, uint64_t total_bytes);
  void document(const Outcome& o);   // one document finished (ok or failed)
  void tick();                       // called often: redraws / periodic line
  void note(const std::string& line);  // a line that must not garble the bar
  void finish();                     // leaves the terminal on a fresh line

  size_t done() const { return done_; }
  size_t failed() const { return failed_; }
  long pages() const { return pages_; }
  double elapsed() const;

 private:
  std::string stats_text() const;
  void draw();
  void clear_bar();

  ProgressMode mode_;
  std::ostream& out_;
  size_t total_ = 0, done_ = 0, failed_ = 0;
  uint64_t total_bytes_ = 0, done_bytes_ = 0;
  long pages_ = 0;
  bool bar_shown_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_, last_summary_;
};

// "1h02m", "3m05s", "12s"
std::string format_duration(double seconds);

}  // namespace emnpub::cli::batch
