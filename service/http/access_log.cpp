#include <cstdio>
#include <ctime>

#include "http/log.hpp"

namespace emnpub::http {

std::optional<LogLevel> parse_log_level(std::string_view s) {
  if (s == "debug") return LogLevel::Debug;
  if (s == "info" || s == "information") return LogLevel::Info;
  if (s == "warning" || s == "warn") return LogLevel::Warning;
  if (s == "error") return LogLevel::Error;
  if (s == "off" || s == "none") return LogLevel::Off;
  return std::nullopt;
}

const char* to_string(LogLevel l) {
  switch (l) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
    case LogLevel::Off: return "off";
  }
  return "?";
}

std::string logfmt_value(std::string_view v) {
  bool bare = !v.empty();
  for (unsigned char c : v)
    if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c >= 0x7f) bare = false;
  if (bare) return std::string(v);
  std::string out = "\"";
  for (unsigned char c : v) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < ' ') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);  // UTF-8 passes through: messages name non-ASCII glyphs
    }
  }
  return out + "\"";
}

namespace {

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace

void Log::write(LogLevel l, std::string_view msg, std::initializer_list<LogField> fields) {
  if (!enabled(l)) return;
  std::string line = "ts=" + utc_now() + " level=" + to_string(l) + " msg=" + logfmt_value(msg);
  for (const auto& [k, v] : fields) {
    line += ' ';
    line += k;
    line += '=';
    line += logfmt_value(v);
  }
  line += '\n';
  std::lock_guard lock(mu_);
  out_ << line << std::flush;
}

void log_access(Log& log, const AccessRecord& r) {
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1f", r.ms);
  log.info("access", {{"req", std::to_string(r.request_id)},
                      {"method", r.method},
                      {"path", r.path},
                      {"status", std::to_string(r.status)},
                      {"bytes", std::to_string(r.bytes)},
                      {"ms", ms},
                      {"doc", r.document_id.empty() ? "-" : r.document_id},
                      {"cache", r.cache.empty() ? "-" : r.cache},
                      {"remote", r.remote}});
}

}  // namespace emnpub::http
