#include "http/preview_renderer.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "model/document.hpp"
#include "common/file_stamp.hpp"

namespace emnpub::http {

namespace fs = std::filesystem;

void PreviewLog::line(const std::string& text) {
  std::lock_guard lock(mu_);
  out_ << text << '\n' << std::flush;
}

namespace {

std::vector<std::string> formatted(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  out.reserve(ds.size());
  for (const auto& d : ds) out.push_back(format_diagnostic(d));
  return out;
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03dZ", static_cast<int>(ms));
  return std::string(buf) + frac;
}

std::string read_sample(const std::string& path) {
  std::error_code ec;
  const bool file = fs::is_regular_file(path, ec);
  std::ifstream in;
  if (file) in.open(path, std::ios::binary);
  if (!file || !in) {
    Diagnostics d;
    d.error(DiagKind::Io, path, {},
            std::string("cannot read the sample: ") + (file ? std::strerror(errno) : "no such file"));
    throw DocumentRefused(std::move(d));
  }
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

struct PreviewRenderer::Attempt {
  bool ok = false;
  std::string layout;
  std::vector<std::string> errors, warnings, layouts;
  std::shared_ptr<const std::vector<uint8_t>> pdf;
  int pages = 0;
  double ms = 0;
};

PreviewRenderer::PreviewRenderer(EngineConfig cfg, PreviewSelection initial, PreviewLog& log, OnStatus on_status,
                                 std::chrono::milliseconds debounce)
    : cfg_([&] {
        if (cfg.layouts_dir.empty()) cfg.layouts_dir = Engine::default_layouts_dir();
        if (cfg.fonts_dir.empty()) cfg.fonts_dir = Engine::default_fonts_dir();
        return std::move(cfg);
      }()),
      fonts_manifest_((fs::path(cfg_.fonts_dir) / "fonts.xml").string()),
      log_(log),
      on_status_(std::move(on_status)),
      debounce_(debounce),
      selection_(std::move(initial)) {
  finish(selection_, attempt(selection_), "start");
  thread_ = std::thread([this] { run(); });
}

PreviewRenderer::~PreviewRenderer() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PreviewRenderer::request(std::string reason) {
  PreviewStatus st;
  {
    std::lock_guard lock(mu_);
    if (pending_) {
      pending_reason_ += ", " + reason;
      return;
    }
    pending_ = true;
    pending_reason_ = std::move(reason);
    status_.busy = true;
    st = status_;
  }
  cv_.notify_all();
  on_status_(st);
}

void PreviewRenderer::select(PreviewSelection s) {
  std::string what;
  {
    std::lock_guard lock(mu_);
    selection_ = std::move(s);
    what = "opened " + selection_.sample + (selection_.layout.empty() ? "" : " with layout " + selection_.layout);
  }
  request(what);
}

PreviewSelection PreviewRenderer::selection() const {
  std::lock_guard lock(mu_);
  return selection_;
}

PreviewStatus PreviewRenderer::status() const {
  std::lock_guard lock(mu_);
  return status_;
}

PreviewRenderer::Pdf PreviewRenderer::pdf() const {
  std::lock_guard lock(mu_);
  return pdf_;
}

bool PreviewRenderer::engine_current() const {
  return engine_ && file_mtime_ns(fonts_manifest_) == engine_fonts_mtime_;
}

PreviewRenderer::Attempt PreviewRenderer::attempt(const PreviewSelection& sel) {
  Attempt a;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    // The engine reads the font manifest once; a changed manifest needs a
    // new engine (layouts reload by themselves: Engine::layout watches them).
    if (!engine_current()) {
      engine_.reset();
      engine_fonts_mtime_ = file_mtime_ns(fonts_manifest_);
      engine_ = std::make_unique<Engine>(cfg_);
    }
    a.layouts = engine_->layout_names();
    const std::string xml = read_sample(sel.sample);
    RenderOptions ro;
    ro.source_name = sel.sample;
    ro.layout = sel.layout;
    // A broken edit of a layout that loaded before would otherwise render
    // with the last good version; the preview must show the edit's problems.
    ro.refuse_broken_layout = true;
    a.layout = sel.layout;  // until the engine says which one the document's type picks
    RenderResult r = engine_->render(xml, ro);
    a.layout = r.layout;
    a.ok = true;
    a.pages = r.pages;
    a.warnings = formatted(r.warnings.list());
    a.pdf = std::make_shared<const std::vector<uint8_t>>(std::move(r.pdf));
  } catch (const DocumentRefused& e) {
    a.errors = formatted(e.diagnostics().list());
    if (a.errors.empty()) a.errors.push_back(sel.sample + ": error: refused");
  } catch (const std::exception& e) {
    a.errors.push_back(sel.sample + ": error: " + e.what());
  }
  a.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return a;
}

void PreviewRenderer::finish(const PreviewSelection& sel, Attempt&& a, const std::string& reason) {
  PreviewStatus st;
  {
    std::lock_guard lock(mu_);
    PreviewStatus& s = status_;
    s.generation += 1;
    s.ok = a.ok;
    s.busy = pending_;
    // A refused render of the same sample keeps the layout name it had.
    if (!a.layout.empty() || s.selection.sample != sel.sample) s.layout = a.layout;
    s.selection = sel;
    s.errors = a.errors;
    if (!a.layouts.empty()) s.layouts = a.layouts;
    s.render_ms = a.ms;
    s.attempted_at = utc_now();
    s.reason = reason;
    if (a.ok) {
      pdf_ = {a.pdf, s.generation};
      s.pdf_generation = s.generation;
      s.pdf_sample = sel.sample;
      s.pdf_layout = a.layout;
      s.pages = a.pages;
      s.warnings = a.warnings;
      s.rendered_at = s.attempted_at;
    }
    st = s;
  }
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.0f ms", a.ms);
  if (a.ok) {
    log_.line("emnpub preview: rendered " + sel.sample + " with layout " + a.layout + ": " +
              std::to_string(a.pages) + " pages in " + ms + " (" + reason + ")");
    for (const auto& w : a.warnings) log_.line(w);
  } else {
    log_.line("emnpub preview: " + sel.sample + " refused (" + reason + "); the last good render stays shown:");
    for (const auto& e : a.errors) log_.line(e);
  }
  on_status_(st);
}

void PreviewRenderer::run() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || pending_; });
    if (stop_) return;
    // Debounce: an editor's save can be several writes; let them land.
    if (cv_.wait_for(lock, debounce_, [this] { return stop_; })) return;
    pending_ = false;
    const std::string reason = std::move(pending_reason_);
    pending_reason_.clear();
    const PreviewSelection sel = selection_;
    lock.unlock();
    finish(sel, attempt(sel), reason);
    lock.lock();
  }
}

}  // namespace emnpub::http
