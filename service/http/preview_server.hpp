#pragma once
// `emnpub preview`: a designer's live preview of one sample. Owns the parts
// and their order: the event hub, the renderer (first render on
// construction), the file watcher and the HTTP server on 127.0.0.1, and
// stops them in reverse.
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

#include "http/preview_events.hpp"
#include "http/preview_page.hpp"
#include "http/preview_renderer.hpp"
#include "http/preview_watcher.hpp"

namespace emnpub::http {

struct PreviewConfig {
  std::string sample;       // the XML file shown first
  std::string samples_dir;  // empty = the sample's folder
  std::string layouts_dir;  // empty = the repo's layouts/
  std::string fonts_dir;    // empty = the repo's fonts/
  std::string web_dir;      // empty = the repo's web/ (holds node_modules/pdfjs-dist)
  int port = 8090;          // 0 = any free port
  std::chrono::milliseconds poll{200};      // file change polling
  std::chrono::milliseconds debounce{80};   // quiet time before a render

  static std::string default_web_dir();
};

// pdf.js is not where the preview looks for it (web/ not installed).
class PdfjsMissing : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class PreviewServer {
 public:
  // Throws PdfjsMissing, Poco::Exception (bind). Renders the sample once
  // (problems are logged and shown on the page, not thrown).
  PreviewServer(PreviewConfig cfg, std::ostream& log);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  void start();  // starts watching and answering
  void stop();   // closes event streams and the socket, joins the threads
  uint16_t port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

 private:
  PreviewConfig cfg_;
  std::string pdfjs_dir_;
  PreviewLog log_;
  EventHub events_;
  std::unique_ptr<PreviewRenderer> renderer_;
  std::unique_ptr<PreviewSite> site_;
  Poco::ThreadPool threads_;
  Poco::Net::ServerSocket socket_;
  uint16_t port_ = 0;
  std::unique_ptr<Poco::Net::HTTPServer> http_;
  std::unique_ptr<FileWatcher> watcher_;
  bool started_ = false, stopped_ = false;
};

}  // namespace emnpub::http
