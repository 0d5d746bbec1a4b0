// `emnpub serve`: the HTTP service the CMS talks to (service/http/).
#include <iostream>
#include <string>
#include <vector>

#include <Poco/Exception.h>

#include "cli/command.hpp"
#include "common/diagnostics.hpp"
#include "http/server.hpp"
#include "http/shutdown.hpp"

namespace emnpub::cli {

namespace {

int serve(const std::vector<std::string>& args) {
  http::ConfigSources src;
  bool print_config = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    const char* key = a == "--port"      ? "server.port"
                      : a == "--bind"    ? "server.bind"
                      : a == "--layouts" ? "paths.layouts"
                      : a == "--fonts"   ? "paths.fonts"
                                         : nullptr;
    if (a == "--print-config") {
      print_config = true;
    } else if (a == "--config") {
      const std::string* v = value();
      if (!v) return usage_error("--config needs a value");
      src.file = *v;
    } else if (key) {
      const std::string* v = value();
      if (!v) return usage_error(a + " needs a value");
      src.flags[key] = *v;
    } else {
      return usage_error("unknown option for serve: " + a);
    }
  }
  http::ServerConfig cfg;
  try {
    cfg = http::load_server_config(src);
  } catch (const http::ConfigError& e) {
    std::cerr << "emnpub serve: configuration error: " << e.what() << "\n";
    return 2;
  }
  if (print_config) {
    std::cout << http::describe(cfg);
    return 0;
  }
  // Before any thread exists, so every thread inherits the blocked mask and
  // the signals queue for wait() below.
  http::TerminationSignals signals;
  const double grace = cfg.shutdown_grace_s;
  try {
    http::Server server(std::move(cfg), std::cerr);
    server.start();
    const int sig = signals.wait();
    server.state().log.info("signal received", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
    server.shutdown(std::chrono::duration<double>(grace));
    return 0;
  } catch (const DocumentRefused& e) {
    for (const auto& d : e.diagnostics().list()) std::cerr << format_diagnostic(d) << "\n";
    return 1;
  } catch (const Poco::Exception& e) {
    std::cerr << "emnpub serve: error: " << e.displayText() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "emnpub serve: error: " << e.what() << "\n";
    return 1;
  }
}

const Registration serve_cmd{{
    "serve",
    "       emnpub serve [--config FILE] [--port P] [--bind ADDR] [--layouts DIR] [--fonts DIR] [--print-config]\n",
    "run the HTTP service (see docs/openapi.yaml); SIGTERM/SIGINT stop it gracefully",
    serve}};

}  // namespace

}  // namespace emnpub::cli
