#include "http/server.hpp"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SocketAddress.h>

#include <algorithm>
#include <cstdio>
#include <csignal>
#include <thread>

#include "http/request_router.hpp"

namespace emnpub::http {

namespace {

Poco::Timespan span(double seconds) {
  return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(seconds * 1e6));
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

}  // namespace

Server::Server(ServerConfig cfg, std::ostream& log)
    : state_(std::make_unique<ServiceState>(std::move(cfg), log)),
      threads_(std::min(2, state_->cfg.connection_threads()), state_->cfg.connection_threads(), 60) {
  const ServerConfig& c = state_->cfg;
  // SO_REUSEADDR: restart while old connections sit in TIME_WAIT. Not
  // SO_REUSEPORT: a second instance on the same port must fail, not share it.
  socket_.bind(Poco::Net::SocketAddress(c.bind, static_cast<uint16_t>(c.port)), true, false);
  socket_.listen(c.backlog);
  port_ = socket_.address().port();
}

Server::~Server() {
  if (started_ && !stopped_) shutdown(std::chrono::seconds(0));
}

void Server::start() {
  ServiceState& s = *state_;
  const ServerConfig& c = s.cfg;
  // A peer that disconnects must surface as a write error on its own
  // connection, not as SIGPIPE ending the whole process.
  std::signal(SIGPIPE, SIG_IGN);

  // Load layouts and fonts now: problems show in the log at startup and the
  // first request does not pay for them.
  s.layouts_fingerprint();
  try {
    RenderOptions ro;
    ro.source_name = "warm-up";
    s.engine.render(readiness_document(), ro);
  } catch (const DocumentRefused& e) {
    s.log.error("warm-up render failed; /readyz reports it",
                {{"first", e.diagnostics().empty() ? std::string() : format_diagnostic(e.diagnostics().list().front())}});
  }

  Poco::Net::HTTPServerParams::Ptr p = new Poco::Net::HTTPServerParams;
  p->setMaxThreads(c.connection_threads());
  p->setMaxQueued(c.backlog);  // accepted connections waiting for a thread
  p->setTimeout(span(c.io_timeout_s));
  p->setKeepAlive(true);
  p->setKeepAliveTimeout(span(c.keepalive_timeout_s));
  p->setMaxKeepAliveRequests(1000);
  p->setSoftwareVersion(std::string("emnpub/") + EMNPUB_VERSION);
  http_ = std::make_unique<Poco::Net::HTTPServer>(new RequestRouter(s), threads_, socket_, p);
  http_->start();
  started_ = true;
  std::string sources;
  for (const auto& x : c.sources) sources += (sources.empty() ? "" : ", ") + x;
  s.log.info("listening", {{"address", c.bind + ":" + std::to_string(port_)},
                           {"workers", std::to_string(c.workers)},
                           {"queue", std::to_string(c.queue)},
                           {"auth", c.auth_enabled ? "on" : "off"},
                           {"cache_bytes", std::to_string(c.cache_bytes)},
                           {"layouts", s.engine.config().layouts_dir},
                           {"fonts", s.engine.config().fonts_dir},
                           {"config", sources}});
}

bool Server::shutdown(std::chrono::duration<double> grace) {
  if (!started_ || stopped_) return true;
  stopped_ = true;
  ServiceState& s = *state_;
  s.draining.store(true);
  s.log.info("shutting down",
             {{"in_flight", std::to_string(s.http_in_flight.load())}, {"grace_s", seconds_text(grace.count())}});
  http_->stop();  // closes the listening socket; open connections carry on
  const auto until = std::chrono::steady_clock::now() + grace;
  while (s.http_in_flight.load() > 0 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const int cut = s.http_in_flight.load();
  // Closes idle keep-alive connections (and any request past the grace).
  http_->stopAll(true);
  s.pool.stop();
  threads_.joinAll();
  s.log.info("stopped", {{"cut_off", std::to_string(cut)}});
  return cut == 0;
}

}  // namespace emnpub::http
