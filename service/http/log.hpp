#pragma once
// The service's log: one logfmt line per event (ts=… level=… msg=… key=value),
// so a line is greppable by eye and parseable by any log shipper. Lines are
// written whole under a mutex: concurrent requests never interleave.
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace emnpub::http {

enum class LogLevel { Debug, Info, Warning, Error, Off };

// "debug", "info", "warning", "error", "off"; nullopt for anything else.
std::optional<LogLevel> parse_log_level(std::string_view s);
const char* to_string(LogLevel l);

using LogField = std::pair<std::string_view, std::string>;

class Log {
 public:
  Log(std::ostream& out, LogLevel level) : out_(out), level_(level) {}

  bool enabled(LogLevel l) const { return l >= level_ && level_ != LogLevel::Off; }
  void write(LogLevel l, std::string_view msg, std::initializer_list<LogField> fields = {});

  void debug(std::string_view m, std::initializer_list<LogField> f = {}) { write(LogLevel::Debug, m, f); }
  void info(std::string_view m, std::initializer_list<LogField> f = {}) { write(LogLevel::Info, m, f); }
  void warning(std::string_view m, std::initializer_list<LogField> f = {}) { write(LogLevel::Warning, m, f); }
  void error(std::string_view m, std::initializer_list<LogField> f = {}) { write(LogLevel::Error, m, f); }

 private:
  std::ostream& out_;
  LogLevel level_;
  std::mutex mu_;
};

// One access-log line per request (level info, msg=access).
struct AccessRecord {
  uint64_t request_id = 0;
  std::string method, path, remote;
  int status = 0;
  uint64_t bytes = 0;             // response body bytes
  double ms = 0;
  std::string document_id;        // renders only
  std::string cache;              // "hit", "miss" or empty
};
void log_access(Log& log, const AccessRecord& r);

// A value as logfmt wants it: bare when safe, else quoted with escapes.
std::string logfmt_value(std::string_view v);

}  // namespace emnpub::http
