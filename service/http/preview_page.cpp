#include "http/preview_page.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string_view>

// Generated at build time from service/http/preview_assets/ (emnpub_embed).
extern const char preview_index_html[];
extern const std::size_t preview_index_html_size;
extern const char preview_js[];
extern const std::size_t preview_js_size;
extern const char preview_css[];
extern const std::size_t preview_css_size;

namespace emnpub::http {

namespace fs = std::filesystem;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

namespace {

Poco::JSON::Array::Ptr array_of(const std::vector<std::string>& v) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const auto& s : v) a->add(s);
  return a;
}

std::string to_text(const Poco::JSON::Object& o) {
  std::ostringstream ss;
  o.stringify(ss);
  return ss.str();
}

void send(HTTPServerResponse& res, HTTPResponse::HTTPStatus status, const std::string& type, std::string_view body,
          const char* cache = "no-store") {
  res.setStatus(status);
  res.setContentType(type);
  res.set("Cache-Control", cache);
  res.set("X-Content-Type-Options", "nosniff");
  res.sendBuffer(body.data(), body.size());
}

void send_text(HTTPServerResponse& res, HTTPResponse::HTTPStatus status, const std::string& text) {
  send(res, status, "text/plain; charset=utf-8", text + "\n");
}

std::string content_type(const fs::path& p) {
  static const std::map<std::string, std::string> types = {
      {".mjs", "text/javascript; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},        {".map", "application/json"},
      {".json", "application/json"},              {".svg", "image/svg+xml"},
      {".png", "image/png"},                      {".gif", "image/gif"},
      {".wasm", "application/wasm"},              {".html", "text/html; charset=utf-8"},
  };
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

// A path below the pdf.js folder: plain segments only (no "..", no hidden
// files, no absolute paths), and it must not lead out through a link.
bool safe_relative(std::string_view rel) {
  if (rel.empty() || rel.size() > 200) return false;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    const std::string_view seg = rel.substr(start, end - start);
    if (seg.empty() || seg[0] == '.') return false;
    for (char c : seg)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) return false;
    start = end + 1;
  }
  return true;
}

class PreviewHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit PreviewHandler(PreviewSite& site) : site_(site) {}

  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& res) override {
    try {
      dispatch(req, res);
    } catch (const std::exception& e) {
      if (!res.sent()) send_text(res, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, std::string("error: ") + e.what());
    }
  }

 private:
  void dispatch(HTTPServerRequest& req, HTTPServerResponse& res) {
    const std::string port = std::to_string(site_.port);
    const std::string host = req.getHost();
    if (host != "127.0.0.1:" + port && host != "localhost:" + port) {
      send_text(res, HTTPResponse::HTTP_FORBIDDEN, "the preview answers http://127.0.0.1:" + port + "/ only");
      return;
    }
    const Poco::URI uri(req.getURI());
    const std::string path = uri.getPath();
    const std::string& method = req.getMethod();
    const bool get = method == "GET" || method == "HEAD";

    if (path == "/select") {
      if (method != "POST") return not_allowed(res, "POST");
      // Cross-site pages may POST to loopback; only the preview's own page may choose.
      if (req.has("Origin") && req.get("Origin") != "http://127.0.0.1:" + port &&
          req.get("Origin") != "http://localhost:" + port) {
        send_text(res, HTTPResponse::HTTP_FORBIDDEN, "cross-origin request refused");
        return;
      }
      return select(uri, res);
    }
    if (!get) return not_allowed(res, "GET");
    if (path == "/" || path == "/index.html")
      return send(res, HTTPResponse::HTTP_OK, "text/html; charset=utf-8", {preview_index_html, preview_index_html_size});
    if (path == "/preview.js")
      return send(res, HTTPResponse::HTTP_OK, "text/javascript; charset=utf-8", {preview_js, preview_js_size});
    if (path == "/preview.css")
      return send(res, HTTPResponse::HTTP_OK, "text/css; charset=utf-8", {preview_css, preview_css_size});
    if (path == "/pdf") return pdf(res);
    if (path == "/status")
      return send(res, HTTPResponse::HTTP_OK, "application/json", status_json(site_.renderer.status()));
    if (path == "/samples") return samples(res);
    if (path == "/events") return method == "GET" ? events(res) : not_allowed(res, "GET");
    if (path.rfind("/pdfjs/", 0) == 0) return pdfjs(path.substr(7), res);
    send_text(res, HTTPResponse::HTTP_NOT_FOUND, "no such page: " + path);
  }

  void not_allowed(HTTPServerResponse& res, const char* allow) {
    res.set("Allow", allow);
    send_text(res, HTTPResponse::HTTP_METHOD_NOT_ALLOWED, std::string("method not allowed; use ") + allow);
  }

  void pdf(HTTPServerResponse& res) {
    const PreviewRenderer::Pdf p = site_.renderer.pdf();
    if (!p.bytes) {
      send_text(res, HTTPResponse::HTTP_NOT_FOUND, "no good render yet: see /status for the problems");
      return;
    }
    res.set("Emnpub-Generation", std::to_string(p.generation));
    send(res, HTTPResponse::HTTP_OK, "application/pdf",
         {reinterpret_cast<const char*>(p.bytes->data()), p.bytes->size()});
  }

  void samples(HTTPServerResponse& res) {
    const PreviewStatus st = site_.renderer.status();
    const PreviewSelection sel = site_.renderer.selection();
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("samples_dir", site_.samples_dir);
    o.set("samples", array_of(list_samples(site_.samples_dir)));
    o.set("layouts", array_of(st.layouts));
    o.set("sample", fs::path(sel.sample).filename().string());
    o.set("layout", sel.layout);
    send(res, HTTPResponse::HTTP_OK, "application/json", to_text(o));
  }

  void select(const Poco::URI& uri, HTTPServerResponse& res) {
    PreviewSelection sel = site_.renderer.selection();
    for (const auto& [k, v] : uri.getQueryParameters()) {
      if (k == "sample") {
        const auto names = list_samples(site_.samples_dir);
        if (std::find(names.begin(), names.end(), v) == names.end()) {
          send_text(res, HTTPResponse::HTTP_BAD_REQUEST, "no sample '" + v + "' in " + site_.samples_dir);
          return;
        }
        sel.sample = (fs::path(site_.samples_dir) / v).string();
      } else if (k == "layout") {
        const auto names = site_.renderer.status().layouts;
        if (!v.empty() && std::find(names.begin(), names.end(), v) == names.end()) {
          send_text(res, HTTPResponse::HTTP_BAD_REQUEST, "no layout '" + v + "'");
          return;
        }
        sel.layout = v;
      } else {
        send_text(res, HTTPResponse::HTTP_BAD_REQUEST, "unknown parameter '" + k + "' (sample, layout)");
        return;
      }
    }
    site_.renderer.select(std::move(sel));
    send(res, HTTPResponse::HTTP_ACCEPTED, "application/json", status_json(site_.renderer.status()));
  }

  void events(HTTPServerResponse& res) {
    auto sub = site_.events.subscribe();
    if (!sub) {
      res.set("Retry-After", "5");
      send_text(res, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "too many open previews");
      return;
    }
    res.setStatus(HTTPResponse::HTTP_OK);
    res.setContentType("text/event-stream; charset=utf-8");
    res.set("Cache-Control", "no-store");
    res.setChunkedTransferEncoding(true);
    res.setKeepAlive(false);
    std::ostream& out = res.send();
    out << "retry: 1000\n\n" << std::flush;
    // Ends when the page goes away (a write fails) or the server stops.
    while (out.good()) {
      if (auto m = sub->next(site_.keepalive)) {
        out << EventHub::format(*m) << std::flush;
      } else if (sub->closed()) {
        break;
      } else {
        out << ": keep-alive\n\n" << std::flush;
      }
    }
  }

  void pdfjs(const std::string& rel, HTTPServerResponse& res) {
    const fs::path root = site_.pdfjs_dir;
    if (!safe_relative(rel)) {
      send_text(res, HTTPResponse::HTTP_NOT_FOUND, "no such file");
      return;
    }
    std::error_code ec;
    const fs::path file = fs::canonical(root / rel, ec);
    const fs::path base = fs::canonical(root, ec);
    const auto [b, f] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
    if (ec || b != base.end() || !fs::is_regular_file(file, ec)) {
      send_text(res, HTTPResponse::HTTP_NOT_FOUND, "no such file: /pdfjs/" + rel);
      return;
    }
    std::ifstream in(file, std::ios::binary);
    const std::string body(std::istreambuf_iterator<char>(in), {});
    // The package is pinned: the files change only with a new install.
    send(res, HTTPResponse::HTTP_OK, content_type(file), body, "max-age=3600");
  }

  PreviewSite& site_;
};

}  // namespace

Poco::Net::HTTPRequestHandler* PreviewRequestFactory::createRequestHandler(const HTTPServerRequest&) {
  return new PreviewHandler(site_);
}

std::string status_json(const PreviewStatus& st) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("generation", st.generation);
  o.set("pdf_generation", st.pdf_generation);
  o.set("ok", st.ok);
  o.set("busy", st.busy);
  o.set("sample", st.selection.sample);
  o.set("layout_choice", st.selection.layout);
  o.set("layout", st.layout);
  o.set("errors", array_of(st.errors));
  o.set("warnings", array_of(st.warnings));
  o.set("pdf_sample", st.pdf_sample);
  o.set("pdf_layout", st.pdf_layout);
  o.set("pages", st.pages);
  o.set("layouts", array_of(st.layouts));
  o.set("render_ms", st.render_ms);
  o.set("attempted_at", st.attempted_at);
  o.set("rendered_at", st.rendered_at);
  o.set("reason", st.reason);
  return to_text(o);
}

std::vector<std::string> list_samples(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".xml" && name[0] != '.' && e.is_regular_file(ec)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace emnpub::http
