#pragma once
// The HTTP service as an object: owns the shared state, the listening
// socket, the connection threads and the Poco HTTPServer, so `emnpub serve`
// and in-process tests start and stop it the same way.
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "http/server_config.hpp"
#include "http/service_state.hpp"

namespace emnpub::http {

class Server {
 public:
  // Loads the font manifest and binds the socket (port 0 picks a free one).
  // Throws DocumentRefused (font manifest) or Poco::Exception (bind).
  Server(ServerConfig cfg, std::ostream& log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Warms the engine (layouts, fonts) and starts accepting connections.
  void start();
  uint16_t port() const { return port_; }

  // Stops accepting, lets in-flight requests finish for up to `grace`, then
  // closes what is left and joins every thread. True when nothing was cut
  // off. A render still running past the grace ends at its own deadline.
  bool shutdown(std::chrono::duration<double> grace);

  ServiceState& state() { return *state_; }

 private:
  std::unique_ptr<ServiceState> state_;  // first: outlives every thread below
  Poco::ThreadPool threads_;
  Poco::Net::ServerSocket socket_;
  std::unique_ptr<Poco::Net::HTTPServer> http_;
  uint16_t port_ = 0;
  bool started_ = false, stopped_ = false;
};

}  // namespace emnpub::http
