#include "http/request_router.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

#include <optional>

#include "http/exchange.hpp"
#include "http/handlers.hpp"

namespace emnpub::http {

const std::vector<Route>& routes() {
  // /v1 carries documents and needs a token when auth is on; probes and
  // metrics carry none and stay open for load balancers and Prometheus.
  static const std::vector<Route> r = {
      {"POST", "/v1/render", true, true, handle_render},
      {"POST", "/v1/validate", true, true, handle_validate},
      {"GET", "/v1/layouts", true, false, handle_layouts},
      {"GET", "/healthz", false, false, handle_healthz},
      {"GET", "/readyz", false, false, handle_readyz},
      {"GET", "/metrics", false, false, handle_metrics},
  };
  return r;
}

namespace {

std::string method_label(const std::string& m) {
  for (const char* k : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    if (m == k) return m;
  return "other";  // bounded label set
}

bool is_xml(const std::string& content_type) {
  const std::string t = Poco::toLower(Poco::trim(content_type.substr(0, content_type.find(';'))));
  return t == "application/xml" || t == "text/xml";
}

class Dispatch : public Poco::Net::HTTPRequestHandler {
 public:
  Dispatch(ServiceState& s, const Route* r, std::string label, std::optional<Problem> early)
      : s_(s), route_(r), label_(std::move(label)), early_(std::move(early)) {}

  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override {
    s_.http_in_flight.fetch_add(1);
    struct Leave {
      std::atomic<int>& n;
      ~Leave() { n.fetch_sub(1); }
    } leave{s_.http_in_flight};
    Exchange ex(s_, req, res, s_.request_ids.fetch_add(1) + 1);
    ex.route = label_;
    try {
      if (early_) {
        ex.continue_withheld = req.getExpectContinue();
        throw HttpProblem(*early_);
      }
      if (!route_->takes_xml_body) {
        if (!ex.drain(64 * 1024)) res.setKeepAlive(false);  // a GET with a body: not worth reading
        ex.body_done = true;
      }
      route_->handle(ex);
    } catch (const HttpProblem& p) {
      respond(ex, p.problem());
    } catch (const std::exception& e) {
      s_.log.error("request failed", {{"req", std::to_string(ex.id)}, {"path", ex.path}, {"error", e.what()}});
      respond(ex, make_problem(500, "internal", "The service failed to handle the request",
                               "see the service log for request " + std::to_string(ex.id)));
    }
    s_.metrics.request(ex.route, method_label(req.getMethod()), ex.status());
    if (s_.cfg.access_log) {
      AccessRecord a;
      a.request_id = ex.id;
      a.method = method_label(req.getMethod());
      a.path = ex.path;
      a.remote = req.clientAddress().host().toString();
      a.status = ex.status();
      a.bytes = ex.bytes();
      a.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - ex.started).count();
      a.document_id = ex.document_id;
      a.cache = ex.cache;
      log_access(s_.log, a);
    }
  }

 private:
  void respond(Exchange& ex, const Problem& p) {
    try {
      ex.fail(p);
    } catch (const std::exception& e) {
      // The client went away; the access log still records the status meant.
      s_.log.debug("response not delivered", {{"req", std::to_string(ex.id)}, {"error", e.what()}});
    }
  }

  ServiceState& s_;
  const Route* route_;
  std::string label_;
  std::optional<Problem> early_;
};

}  // namespace

Poco::Net::HTTPRequestHandler* RequestRouter::createRequestHandler(const Poco::Net::HTTPServerRequest& req) {
  const std::string& uri = req.getURI();
  const std::string path = uri.substr(0, uri.find('?'));
  const std::string& method = req.getMethod();
  const Route* route = nullptr;
  std::string allow;
  for (const auto& r : routes()) {
    if (path != r.path) continue;
    const std::string m = r.method;
    allow += (allow.empty() ? "" : ", ") + m + (m == "GET" ? ", HEAD" : "");
    if (method == m || (method == "HEAD" && m == "GET")) route = &r;
  }
  std::optional<Problem> early;
  if (!route && allow.empty()) {
    early = make_problem(404, "not-found", "No such resource", path + " is not a route of this service");
  } else if (!route) {
    early = make_problem(405, "method-not-allowed", "Method not allowed", method + " is not allowed on " + path);
    early->headers.emplace_back("Allow", allow);
  } else if (route->needs_auth && s_.draining.load()) {
    early = make_problem(503, "shutting-down", "The service is shutting down", "retry on another instance");
  } else if (route->needs_auth && !s_.auth.allows(req.get("Authorization", ""))) {
    const bool given = req.has("Authorization");
    early = make_problem(401, "unauthorized", "A valid bearer token is required",
                         given ? "the token is not accepted" : "no Authorization header");
    early->headers.emplace_back("WWW-Authenticate", given ? "Bearer realm=\"emnpub\", error=\"invalid_token\""
                                                          : "Bearer realm=\"emnpub\"");
  } else if (route->takes_xml_body && !is_xml(req.getContentType())) {
    early = make_problem(415, "unsupported-media-type", "The body must be application/xml",
                         "Content-Type is '" + req.getContentType() + "'");
    early->headers.emplace_back("Accept-Post", "application/xml, text/xml");
  } else if (route->takes_xml_body && !req.getChunkedTransferEncoding() && !req.hasContentLength()) {
    early = make_problem(411, "length-required", "The request needs a Content-Length or chunked body");
  } else if (route->takes_xml_body && req.hasContentLength() &&
             static_cast<uint64_t>(req.getContentLength64()) > s_.cfg.max_body_bytes) {
    early = make_problem(413, "body-too-large", "The request body is too large",
                         "Content-Length " + std::to_string(req.getContentLength64()) +
                             " exceeds limits.max_body_mib (" + std::to_string(s_.cfg.max_body_bytes) + " bytes)");
  }
  // A non-200 status stops Poco from sending "100 Continue".
  if (early) req.response().setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(early->status));
  // Metrics label: the route pattern when the path is known, else one
  // fixed value, so clients cannot grow the label set.
  return new Dispatch(s_, route, allow.empty() ? "unmatched" : path, std::move(early));
}

}  // namespace emnpub::http
