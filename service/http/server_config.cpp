#include "http/server_config.hpp"

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace emnpub::http {

namespace fs = std::filesystem;
using Poco::AutoPtr;
using Poco::Util::AbstractConfiguration;

const std::string& default_properties() {
  // Loopback with auth off is the only unauthenticated setup allowed without
  // saying so explicitly: a developer runs `emnpub serve` and nothing is
  // exposed beyond the machine.
  static const std::string text = R"(# emnpub serve: embedded defaults (the lowest configuration layer).
# Override in a .properties or .ini file (--config FILE), with environment
# variables EMNPUB_<SECTION>_<KEY> (e.g. EMNPUB_SERVER_PORT=9090) or flags.
server.bind = 127.0.0.1
server.port = 8080
# Connection threads; 0 = workers.threads + workers.queue + 32.
server.max_connections = 0
server.backlog = 256
# Seconds a socket read or write may block, idle time between keep-alive
# requests, time allowed to receive a whole request body.
server.io_timeout_s = 15
server.keepalive_timeout_s = 10
server.read_timeout_s = 60
# SIGTERM/SIGINT: seconds in-flight requests get to finish.
server.shutdown_grace_s = 30
# Empty = layouts/ and fonts/ of the source tree this binary was built from.
paths.layouts =
paths.fonts =
# Folder that relative <img src> paths resolve against (never outside it);
# empty = only data: URIs are accepted.
paths.assets =
# Bearer tokens: comma-separated and/or one per line in tokens_file.
auth.enabled = false
auth.tokens =
auth.tokens_file =
limits.max_body_mib = 16
# Request bodies held in memory at once, across all connections.
limits.max_buffered_mib = 256
limits.max_depth = 256
limits.max_pages = 2000
limits.max_glyphs = 20000000
limits.deadline_s = 30
# Render threads (0 = number of cores) and renders allowed to wait for one.
workers.threads = 0
workers.queue = 64
# Rendered PDFs kept by content hash; 0 = off.
cache.mib = 0
# debug, info, warning, error, off
log.level = info
log.access = true
)";
  return text;
}

std::string environment_name(const std::string& key) {
  std::string n = "EMNPUB_";
  for (char c : key) n += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return n;
}

namespace {

// Every key under `root`, dotted ("server.port").
void collect_keys(const AbstractConfiguration& c, const std::string& root, std::vector<std::string>& out) {
  AbstractConfiguration::Keys sub;
  c.keys(root, sub);
  if (sub.empty() && !root.empty()) {
    out.push_back(root);
    return;
  }
  for (const auto& k : sub) collect_keys(c, root.empty() ? k : root + "." + k, out);
}

AutoPtr<AbstractConfiguration> read_file(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw ConfigError(path + ": no such configuration file");
  const std::string ext = fs::path(path).extension().string();
  try {
    if (ext == ".ini") return new Poco::Util::IniFileConfiguration(path);
    if (ext == ".properties" || ext == ".conf") return new Poco::Util::PropertyFileConfiguration(path);
  } catch (const Poco::Exception& e) {
    throw ConfigError(path + ": " + e.displayText());
  }
  throw ConfigError(path + ": configuration files must end in .properties or .ini");
}

class Reader {
 public:
  Reader(const ConfigSources& src) {
    std::istringstream in(default_properties());
    defaults_ = new Poco::Util::PropertyFileConfiguration(in);
    collect_keys(*defaults_, "", known_);
    std::sort(known_.begin(), known_.end());
    layered_ = new Poco::Util::LayeredConfiguration;
    layered_->add(defaults_, 40);  // Poco searches lower priority numbers first
    sources_.push_back("embedded defaults");
    if (!src.file.empty()) {
      file_ = read_file(src.file);
      std::vector<std::string> keys;
      collect_keys(*file_, "", keys);
      for (const auto& k : keys)
        if (!std::binary_search(known_.begin(), known_.end(), k))
          throw ConfigError(src.file + ": unknown key '" + k + "'");
      layered_->add(file_, 30);
      sources_.push_back(src.file);
      file_name_ = src.file;
    }
    if (src.environment) {
      env_ = new Poco::Util::MapConfiguration;
      for (const auto& k : known_) {
        const std::string n = environment_name(k);
        if (Poco::Environment::has(n)) env_->setString(k, Poco::Environment::get(n));
      }
      layered_->add(env_, 20);
      AbstractConfiguration::Keys set;
      env_->keys(set);
      if (!set.empty()) sources_.push_back("environment");
    }
    flags_ = new Poco::Util::MapConfiguration;
    for (const auto& [k, v] : src.flags) {
      if (!std::binary_search(known_.begin(), known_.end(), k)) throw ConfigError("unknown configuration key '" + k + "'");
      flags_->setString(k, v);
    }
    layered_->add(flags_, 10);
    if (!src.flags.empty()) sources_.push_back("flags");
  }

  // Where the effective value of `key` comes from, for error messages.
  std::string origin(const std::string& key) const {
    if (flags_->has(key)) return "flag";
    if (env_ && env_->has(key)) return "environment " + environment_name(key);
    if (file_ && file_->has(key)) return file_name_;
    return "embedded defaults";
  }
  bool explicitly_set(const std::string& key) const { return origin(key) != "embedded defaults"; }

  std::string str(const std::string& key) const { return Poco::trim(layered_->getString(key)); }

  template <class T, class Get>
  T get(const std::string& key, Get g) const {
    try {
      return g(str(key));
    } catch (const Poco::Exception&) {
    } catch (const std::exception&) {
    }
    throw ConfigError(key + " = '" + str(key) + "' (" + origin(key) + "): not a valid value");
  }
  long integer(const std::string& key, long lo, long hi) const {
    const long v = get<long>(key, [](const std::string& s) {
      size_t used = 0;
      const long x = std::stol(s, &used);
      if (used != s.size()) throw std::invalid_argument(s);
      return x;
    });
    if (v < lo || v > hi)
      throw ConfigError(key + " = " + std::to_string(v) + " (" + origin(key) + "): must be between " +
                        std::to_string(lo) + " and " + std::to_string(hi));
    return v;
  }
  double number(const std::string& key, double lo, double hi) const {
    const double v = get<double>(key, [](const std::string& s) {
      size_t used = 0;
      const double x = std::stod(s, &used);
      if (used != s.size() || !std::isfinite(x)) throw std::invalid_argument(s);
      return x;
    });
    if (v < lo || v > hi) {
      std::ostringstream m;
      m << key << " = " << v << " (" << origin(key) << "): must be between " << lo << " and " << hi;
      throw ConfigError(m.str());
    }
    return v;
  }
  bool boolean(const std::string& key) const {
    return get<bool>(key, [](const std::string& s) {
      const std::string v = Poco::toLower(s);
      if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
      if (v == "false" || v == "no" || v == "off" || v == "0") return false;
      throw std::invalid_argument(s);
    });
  }

  std::vector<std::string> sources_;

 private:
  std::vector<std::string> known_;
  AutoPtr<AbstractConfiguration> defaults_, file_;
  AutoPtr<Poco::Util::MapConfiguration> env_, flags_;
  AutoPtr<Poco::Util::LayeredConfiguration> layered_;
  std::string file_name_;
};

size_t mib(double v) { return static_cast<size_t>(std::llround(v * 1024.0 * 1024.0)); }

void add_tokens(std::string_view text, char sep, std::vector<std::string>& out) {
  std::string cur;
  auto flush = [&] {
    std::string t = Poco::trim(cur);
    cur.clear();
    if (!t.empty() && t[0] != '#') out.push_back(std::move(t));
  };
  for (char c : text) {
    if (c == sep || c == '\n') flush();
    else cur += c;
  }
  flush();
}

bool is_loopback(const std::string& bind) {
  if (bind == "localhost") return true;
  Poco::Net::IPAddress a;
  return Poco::Net::IPAddress::tryParse(bind, a) && a.isLoopback();
}

}  // namespace

ServerConfig load_server_config(const ConfigSources& src) {
  Reader r(src);
  ServerConfig c;
  c.sources = r.sources_;
  c.bind = r.str("server.bind");
  Poco::Net::IPAddress probe;
  if (c.bind != "localhost" && !Poco::Net::IPAddress::tryParse(c.bind, probe))
    throw ConfigError("server.bind = '" + c.bind + "' (" + r.origin("server.bind") + "): not an IP address");
  c.port = static_cast<int>(r.integer("server.port", 0, 65535));
  c.max_connections = static_cast<int>(r.integer("server.max_connections", 0, 10000));
  c.backlog = static_cast<int>(r.integer("server.backlog", 1, 65535));
  c.io_timeout_s = r.number("server.io_timeout_s", 0.1, 3600);
  c.keepalive_timeout_s = r.number("server.keepalive_timeout_s", 0.1, 3600);
  c.read_timeout_s = r.number("server.read_timeout_s", 0.1, 3600);
  c.shutdown_grace_s = r.number("server.shutdown_grace_s", 0, 3600);
  c.layouts_dir = r.str("paths.layouts");
  c.fonts_dir = r.str("paths.fonts");
  c.assets_dir = r.str("paths.assets");
  c.max_body_bytes = mib(r.number("limits.max_body_mib", 0.0001, 1024));
  c.max_buffered_bytes = mib(r.number("limits.max_buffered_mib", 0.0001, 65536));
  if (c.max_buffered_bytes < c.max_body_bytes)
    throw ConfigError("limits.max_buffered_mib must be at least limits.max_body_mib");
  c.max_depth = static_cast<int>(r.integer("limits.max_depth", 8, 256));
  c.max_pages = static_cast<int>(r.integer("limits.max_pages", 1, 1000000));
  c.max_glyphs = static_cast<size_t>(r.integer("limits.max_glyphs", 1, 2'000'000'000));
  c.deadline_s = r.number("limits.deadline_s", 0.001, 3600);
  const long threads = r.integer("workers.threads", 0, 1024);
  c.workers = threads > 0 ? static_cast<int>(threads)
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  c.queue = static_cast<int>(r.integer("workers.queue", 0, 100000));
  c.cache_bytes = mib(r.number("cache.mib", 0, 1 << 20));
  const auto level = parse_log_level(r.str("log.level"));
  if (!level) throw ConfigError("log.level = '" + r.str("log.level") + "' (" + r.origin("log.level") +
                                "): expected debug, info, warning, error or off");
  c.log_level = *level;
  c.access_log = r.boolean("log.access");

  c.auth_enabled = r.boolean("auth.enabled");
  add_tokens(r.str("auth.tokens"), ',', c.tokens);
  if (const std::string f = r.str("auth.tokens_file"); !f.empty()) {
    std::ifstream in(f);
    if (!in) throw ConfigError("auth.tokens_file = '" + f + "': cannot read the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    add_tokens(ss.str(), '\n', c.tokens);
  }
  if (c.auth_enabled && c.tokens.empty())
    throw ConfigError("auth.enabled is true but no tokens are configured (auth.tokens or auth.tokens_file)");
  // Off is the embedded default only because it binds to loopback: exposing
  // the service on a network without tokens must be asked for in so many words.
  if (!c.auth_enabled && !is_loopback(c.bind) && !r.explicitly_set("auth.enabled"))
    throw ConfigError("server.bind = " + c.bind +
                      " is not a loopback address and authentication is off by default: "
                      "configure auth.enabled = true with tokens, or set auth.enabled = false explicitly");
  return c;
}

std::string describe(const ServerConfig& c) {
  std::ostringstream o;
  auto mibs = [](size_t b) { return static_cast<double>(b) / (1024.0 * 1024.0); };
  o << "server.bind = " << c.bind << "\n"
    << "server.port = " << c.port << "\n"
    << "server.max_connections = " << c.connection_threads() << "\n"
    << "server.backlog = " << c.backlog << "\n"
    << "server.io_timeout_s = " << c.io_timeout_s << "\n"
    << "server.keepalive_timeout_s = " << c.keepalive_timeout_s << "\n"
    << "server.read_timeout_s = " << c.read_timeout_s << "\n"
    << "server.shutdown_grace_s = " << c.shutdown_grace_s << "\n"
    << "paths.layouts = " << c.layouts_dir << "\n"
    << "paths.fonts = " << c.fonts_dir << "\n"
    << "paths.assets = " << c.assets_dir << "\n"
    << "auth.enabled = " << (c.auth_enabled ? "true" : "false") << "\n"
    << "auth.tokens = " << (c.tokens.empty() ? "" : "(" + std::to_string(c.tokens.size()) + " redacted)") << "\n"
    << "limits.max_body_mib = " << mibs(c.max_body_bytes) << "\n"
    << "limits.max_buffered_mib = " << mibs(c.max_buffered_bytes) << "\n"
    << "limits.max_depth = " << c.max_depth << "\n"
    << "limits.max_pages = " << c.max_pages << "\n"
    << "limits.max_glyphs = " << c.max_glyphs << "\n"
    << "limits.deadline_s = " << c.deadline_s << "\n"
    << "workers.threads = " << c.workers << "\n"
    << "workers.queue = " << c.queue << "\n"
    << "cache.mib = " << mibs(c.cache_bytes) << "\n"
    << "log.level = " << to_string(c.log_level) << "\n"
    << "log.access = " << (c.access_log ? "true" : "false") << "\n";
  return o.str();
}

}  // namespace emnpub::http
