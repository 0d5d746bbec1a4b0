#pragma once
// `emnpub preview`: the routes of the preview site.
//
//   GET  /               the page (HTML, JS and CSS embedded in the binary,
//   GET  /preview.js     from service/http/preview_assets/)
//   GET  /preview.css
//   GET  /pdfjs/...      pdf.js, read from web/node_modules/pdfjs-dist
//   GET  /pdf            the last good render (application/pdf)
//   GET  /status         the preview state (JSON, see status_json)
//   GET  /events         the same state pushed on every change (text/event-stream)
//   GET  /samples        samples and layouts to choose from (JSON)
//   POST /select?sample=NAME&layout=NAME   open another sample / layout
//
// Only loopback host names are answered (Host header), so a web page
// elsewhere cannot read the preview through DNS rebinding.
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "http/preview_events.hpp"
#include "http/preview_renderer.hpp"

namespace emnpub::http {

struct PreviewSite {
  PreviewRenderer& renderer;
  EventHub& events;
  std::string pdfjs_dir;    // the pdfjs-dist package folder
  std::string samples_dir;  // where the sample selector looks
  uint16_t port = 0;        // the bound port (for the Host check)
  std::chrono::milliseconds keepalive{10000};  // comment lines on idle event streams
};

class PreviewRequestFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit PreviewRequestFactory(PreviewSite& site) : site_(site) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& req) override;

 private:
  PreviewSite& site_;
};

// {"generation":…, "pdf_generation":…, "ok":…, "busy":…, "sample":…,
//  "layout_choice":…, "layout":…, "errors":[…], "warnings":[…], "layouts":[…],
//  "pages":…, "render_ms":…, "attempted_at":…, "rendered_at":…, …}
std::string status_json(const PreviewStatus& st);

// The *.xml files directly in `dir`, by name.
std::vector<std::string> list_samples(const std::string& dir);

}  // namespace emnpub::http
