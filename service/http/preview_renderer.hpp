#pragma once
// `emnpub preview`: renders the sample with the Engine on a thread of its
// own, whenever asked (a watched file changed, another sample or layout was
// chosen). Requests arriving while it waits out the debounce or renders are
// merged into one next render. Keeps the last good PDF: an attempt that is
// refused (broken layout, brand, font manifest or document) only replaces
// the problems shown, never the PDF served.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/engine.hpp"

namespace emnpub::http {

// Lines on stderr from several threads, one whole line at a time.
class PreviewLog {
 public:
  explicit PreviewLog(std::ostream& out) : out_(out) {}
  void line(const std::string& text);

 private:
  std::mutex mu_;
  std::ostream& out_;
};

struct PreviewSelection {
  std::string sample;  // path of the XML file
  std::string layout;  // layout name; empty = the one the document's type picks
};

struct PreviewStatus {
  uint64_t generation = 0;      // finished render attempts
  uint64_t pdf_generation = 0;  // the attempt that made the PDF served now; 0 = none yet
  bool ok = false;              // the last attempt succeeded (its PDF is the one served)
  bool busy = false;            // a render is queued or running
  PreviewSelection selection;   // of the last attempt
  std::string layout;           // layout the last attempt used; empty when unknown
  std::string pdf_sample, pdf_layout;  // what the served PDF shows
  std::vector<std::string> errors;     // located problems, as the CLI prints them
  std::vector<std::string> warnings;   // of the served PDF (missing glyphs...)
  std::vector<std::string> layouts;    // layout names in the layouts folder
  int pages = 0;                // of the served PDF
  double render_ms = 0;         // of the last attempt
  std::string attempted_at, rendered_at;  // UTC, ISO 8601: last attempt, served PDF
  std::string reason;           // what started the last attempt
};

class PreviewRenderer {
 public:
  // Called with every new status: when a render is queued and when it ends.
  using OnStatus = std::function<void(const PreviewStatus&)>;

  // Renders `initial` once on the calling thread (problems are logged, not
  // thrown), then starts the render thread.
  PreviewRenderer(EngineConfig cfg, PreviewSelection initial, PreviewLog& log, OnStatus on_status,
                  std::chrono::milliseconds debounce);
  ~PreviewRenderer();  // stops and joins the render thread
  PreviewRenderer(const PreviewRenderer&) = delete;
  PreviewRenderer& operator=(const PreviewRenderer&) = delete;

  // Asks for a render `debounce` from now (merged with any pending one).
  void request(std::string reason);
  // Opens another sample and/or layout and asks for a render.
  void select(PreviewSelection s);

  PreviewSelection selection() const;
  PreviewStatus status() const;
  struct Pdf {
    std::shared_ptr<const std::vector<uint8_t>> bytes;  // null: no good render yet
    uint64_t generation = 0;
  };
  Pdf pdf() const;

 private:
  struct Attempt;
  void run();
  Attempt attempt(const PreviewSelection& sel);
  void finish(const PreviewSelection& sel, Attempt&& a, const std::string& reason);
  bool engine_current() const;

  const EngineConfig cfg_;
  const std::string fonts_manifest_;
  PreviewLog& log_;
  OnStatus on_status_;
  const std::chrono::milliseconds debounce_;

  // Render thread only (and the constructor, before the thread starts).
  std::unique_ptr<Engine> engine_;
  int64_t engine_fonts_mtime_ = -2;  // fonts.xml mtime the engine was built from

  mutable std::mutex mu_;
  std::condition_variable cv_;
  PreviewSelection selection_;
  PreviewStatus status_;
  Pdf pdf_;
  bool pending_ = false;
  std::string pending_reason_;
  bool stop_ = false;
  std::thread thread_;  // last member: starts when the rest exists
};

}  // namespace emnpub::http
