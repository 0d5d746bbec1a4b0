#include "cli/batch_progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace emnpub::cli::batch {

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kRedraw = std::chrono::milliseconds(200);
constexpr auto kSummaryEvery = std::chrono::seconds(10);

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

int terminal_columns() {
  struct winsize ws {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return 80;
}

}  // namespace

ProgressMode auto_progress_mode() {
  const char* term = std::getenv("TERM");
  if (::isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0)) return ProgressMode::Bar;
  return ProgressMode::Plain;
}

std::string format_duration(double s) {
  if (s < 0) s = 0;
  char buf[32];
  if (s < 9.95) {
    std::snprintf(buf, sizeof buf, "%.1fs", s);
    return buf;
  }
  const long t = static_cast<long>(s + 0.5);
  if (t >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, (t / 60) % 60);
  else if (t >= 60) std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
  else std::snprintf(buf, sizeof buf, "%lds", t);
  return buf;
}

Progress::Progress(ProgressMode mode, std::ostream& out) : mode_(mode), out_(out) {
  start_ = last_draw_ = last_summary_ = Clock::now();
}

double Progress::elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

void Progress::start(size_t total, uint64_t total_bytes) {
  total_ = total;
  total_bytes_ = total_bytes;
  start_ = last_summary_ = Clock::now();
  if (mode_ == ProgressMode::Bar && total_ > 0) draw();
}

std::string Progress::stats_text() const {
  const double t = std::max(elapsed(), 1e-3);
  const double dps = static_cast<double>(done_) / t;
  std::string eta = "--";
  // Rates from the first seconds are noise; wait for a first document.
  if (done_ > 0 && done_ < total_) {
    if (total_bytes_ > 0 && done_bytes_ > 0 && done_bytes_ < total_bytes_)
      eta = format_duration(static_cast<double>(total_bytes_ - done_bytes_) * t / static_cast<double>(done_bytes_));
    else
      eta = format_duration(static_cast<double>(total_ - done_) / dps);
  }
  else if (done_ >= total_) eta = "0s";
  return std::to_string(done_) + "/" + std::to_string(total_) + "  " + fixed(dps, 1) + " docs/s  " +
         fixed(static_cast<double>(pages_) / t, 1) + " pages/s  ETA " + eta + "  " + std::to_string(failed_) +
         (failed_ == 1 ? " failure" : " failures");
}

void Progress::clear_bar() {
  if (bar_shown_) out_ << "\r\033[K";
  bar_shown_ = false;
}

void Progress::draw() {
  const std::string stats = stats_text();
  const int cols = terminal_columns();
  // A fixed width (not one that follows the stats text) keeps the bar still.
  const int width = std::clamp(cols - 64, 0, 30);
  std::string line = "\r\033[K";
  if (width >= 10) {
    const int filled = total_ ? static_cast<int>(static_cast<double>(width) * static_cast<double>(done_) /
                                                 static_cast<double>(total_))
                              : width;
    line += "[" + std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(width - filled), '.') + "] ";
  }
  line += stats.substr(0, static_cast<size_t>(std::max(cols - 1, 0)));
  out_ << line << std::flush;
  bar_shown_ = true;
  last_draw_ = Clock::now();
}

void Progress::document(const Outcome& o) {
  ++done_;
  done_bytes_ += o.input_bytes;
  if (!o.ok) ++failed_;
  pages_ += o.pages;
  if (mode_ == ProgressMode::None) return;
  const std::string counter = "[" + std::to_string(done_) + "/" + std::to_string(total_) + "] ";
  if (mode_ == ProgressMode::Plain) {
    if (o.ok)
      out_ << counter << "rendered " << o.rel << " -> " << o.output_rel << " (" << o.pages
           << (o.pages == 1 ? " page, " : " pages, ") << fixed(o.seconds, 2) << " s"
           << (o.warnings ? ", " + std::to_string(o.warnings) + " warnings" : std::string()) << "; " << o.reason
           << ")\n";
    else
      out_ << counter << "FAILED " << o.rel << ": " << o.first_error << "\n";
    out_ << std::flush;
    return;
  }
  // Bar: failures scroll above the bar, successes only move it.
  if (!o.ok) note("FAILED " + o.rel + ": " + o.first_error);
  if (Clock::now() - last_draw_ >= kRedraw || done_ == total_) draw();
}

void Progress::tick() {
  const auto now = Clock::now();
  if (mode_ == ProgressMode::Bar && total_ > 0 && now - last_draw_ >= kRedraw) draw();
  if (mode_ == ProgressMode::Plain && total_ > 0 && now - last_summary_ >= kSummaryEvery) {
    out_ << "batch: progress " << stats_text() << "\n" << std::flush;
    last_summary_ = now;
  }
}

void Progress::note(const std::string& line) {
  if (mode_ == ProgressMode::None) return;
  const bool redraw = bar_shown_;
  clear_bar();
  out_ << line << "\n";
  if (redraw) draw();
  out_ << std::flush;
}

void Progress::finish() {
  if (mode_ == ProgressMode::Bar && bar_shown_) {
    draw();
    out_ << "\n" << std::flush;
    bar_shown_ = false;
  }
}

}  // namespace emnpub::cli::batch
