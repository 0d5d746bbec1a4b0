#include "http/preview_server.hpp"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SocketAddress.h>

#include <csignal>
#include <filesystem>

namespace emnpub::http {

namespace fs = std::filesystem;

std::string PreviewConfig::default_web_dir() { return std::string(EMNPUB_SOURCE_DIR) + "/web"; }

PreviewServer::PreviewServer(PreviewConfig cfg, std::ostream& log)
    : cfg_(std::move(cfg)), log_(log), events_(8), threads_(2, 16, 60) {
  const std::string web = cfg_.web_dir.empty() ? PreviewConfig::default_web_dir() : cfg_.web_dir;
  pdfjs_dir_ = (fs::path(web) / "node_modules" / "pdfjs-dist").string();
  std::error_code ec;
  for (const char* f : {"build/pdf.mjs", "build/pdf.worker.mjs"})
    if (!fs::is_regular_file(fs::path(pdfjs_dir_) / f, ec))
      throw PdfjsMissing("pdf.js is not installed: " + (fs::path(pdfjs_dir_) / f).string() +
                         " is missing (scripts/setup.sh installs it with `npm ci --prefix web`; "
                         "--web-dir DIR names another folder holding node_modules/pdfjs-dist)");
  if (cfg_.samples_dir.empty()) {
    cfg_.samples_dir = fs::path(cfg_.sample).parent_path().string();
    if (cfg_.samples_dir.empty()) cfg_.samples_dir = ".";
  }

  // Loopback only: the preview serves files from this machine to whoever asks.
  socket_.bind(Poco::Net::SocketAddress("127.0.0.1", static_cast<uint16_t>(cfg_.port)), true, false);
  socket_.listen(64);
  port_ = socket_.address().port();

  EngineConfig ec_cfg;
  ec_cfg.layouts_dir = cfg_.layouts_dir;
  ec_cfg.fonts_dir = cfg_.fonts_dir;
  renderer_ = std::make_unique<PreviewRenderer>(
      ec_cfg, PreviewSelection{cfg_.sample, ""}, log_,
      [this](const PreviewStatus& st) { events_.publish("status", status_json(st)); }, cfg_.debounce);
  site_ = std::make_unique<PreviewSite>(PreviewSite{*renderer_, events_, pdfjs_dir_, cfg_.samples_dir, port_});
}

PreviewServer::~PreviewServer() { stop(); }

void PreviewServer::start() {
  if (started_) return;
  started_ = true;
  // A page closed mid-write must end its own connection, not the process.
  std::signal(SIGPIPE, SIG_IGN);
  Poco::Net::HTTPServerParams::Ptr p = new Poco::Net::HTTPServerParams;
  p->setMaxThreads(16);
  p->setMaxQueued(64);
  p->setTimeout(Poco::Timespan(15, 0));
  p->setKeepAlive(true);
  p->setSoftwareVersion(std::string("emnpub-preview/") + EMNPUB_VERSION);
  http_ = std::make_unique<Poco::Net::HTTPServer>(new PreviewRequestFactory(*site_), threads_, socket_, p);
  http_->start();

  const std::string layouts = cfg_.layouts_dir.empty() ? Engine::default_layouts_dir() : cfg_.layouts_dir;
  const std::string fonts = cfg_.fonts_dir.empty() ? Engine::default_fonts_dir() : cfg_.fonts_dir;
  const std::string manifest = (fs::path(fonts) / "fonts.xml").string();
  watcher_ = std::make_unique<FileWatcher>(
      [this, layouts, manifest] {
        return std::vector<std::string>{layouts, manifest, renderer_->selection().sample};
      },
      [this](const std::vector<std::string>& changed) {
        std::string what = "changed: ";
        for (size_t i = 0; i < changed.size(); ++i) what += (i ? ", " : "") + changed[i];
        renderer_->request(what);
      },
      cfg_.poll);
  log_.line("emnpub preview: open " + url() + " (Ctrl-C stops)");
}

void PreviewServer::stop() {
  if (!started_ || stopped_) return;
  stopped_ = true;
  watcher_.reset();
  events_.close();  // event streams return, freeing their threads
  http_->stopAll(true);
  threads_.joinAll();
}

}  // namespace emnpub::http
