#pragma once
// Configuration of `emnpub serve`: Poco layered configuration, lowest to
// highest precedence: the embedded defaults (so the service runs with no
// file at all), a .properties or .ini file, environment variables
// EMNPUB_<SECTION>_<KEY> (EMNPUB_SERVER_PORT for server.port), flags.
#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "http/log.hpp"

namespace emnpub::http {

struct ServerConfig {
  // server.*
  std::string bind = "127.0.0.1";
  int port = 8080;                   // 0 = any free port (tests)
  int max_connections = 0;           // connection threads; 0 = workers + queue + 32
  int backlog = 256;
  double io_timeout_s = 15;          // per socket read/write
  double keepalive_timeout_s = 10;   // idle time between requests on a connection
  double read_timeout_s = 60;        // whole request body
  double shutdown_grace_s = 30;
  // paths.*
  std::string layouts_dir;           // empty = the repo's layouts/
  std::string fonts_dir;             // empty = the repo's fonts/
  std::string assets_dir;            // root for relative <img src>; empty = data: URIs only
  // auth.*
  bool auth_enabled = false;
  std::vector<std::string> tokens;
  // limits.*
  size_t max_body_bytes = 16u << 20;
  size_t max_buffered_bytes = 256u << 20;  // request bodies held in memory at once
  int max_depth = 256;
  int max_pages = 2000;
  size_t max_glyphs = 20'000'000;
  double deadline_s = 30;
  // workers.*
  int workers = 1;                   // resolved: never 0
  int queue = 64;
  // cache.*
  size_t cache_bytes = 0;
  // log.*
  LogLevel log_level = LogLevel::Info;
  bool access_log = true;

  std::vector<std::string> sources;  // the layers that were read, for the startup log
  int connection_threads() const { return max_connections > 0 ? max_connections : workers + queue + 32; }
};

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ConfigSources {
  std::string file;                          // --config; empty = none
  std::map<std::string, std::string> flags;  // key (server.port …) → value
  bool environment = true;                   // read EMNPUB_* variables
};

// Throws ConfigError naming the key and layer at fault (unknown keys in the
// file, values out of range, auth off on a non-loopback address unless
// switched off explicitly, auth on without tokens).
ServerConfig load_server_config(const ConfigSources& src);

// The embedded defaults as .properties text (documentation and the lowest layer).
const std::string& default_properties();

// The resolved configuration as .properties text (tokens redacted).
std::string describe(const ServerConfig& c);

// EMNPUB_SERVER_PORT for "server.port".
std::string environment_name(const std::string& key);

}  // namespace emnpub::http
