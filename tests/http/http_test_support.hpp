#pragma once
// Helpers for the HTTP service tests: an in-process server on a free
// loopback port, a Poco HTTP client, `emnpub serve` as a child process, and
// documents to post.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"
#include "common/file_stamp.hpp"
#include "http/server.hpp"
#include "http/server_config.hpp"

namespace emnpub::http::test {

namespace fs = std::filesystem;

inline std::string read_file(const std::string& path) { return file_bytes(path); }

inline void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string sample(const std::string& name) {
  return read_file(std::string(EMNPUB_SOURCE_DIR) + "/samples/" + name);
}
inline std::string bad(const std::string& name) { return read_file(std::string(EMNPUB_TEST_DATA) + "/bad/" + name); }

using test_support::TempDir;

// An ostream the server logs to, readable from the test thread.
class LogCapture : public std::ostream {
 public:
  LogCapture() : std::ostream(&buf_) {}
  std::string text() const { return buf_.text(); }

 private:
  struct Buf : std::stringbuf {
    mutable std::recursive_mutex mu;  // stringbuf::xsputn calls overflow
    int sync() override { return 0; }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
      std::lock_guard lock(mu);
      return std::stringbuf::xsputn(s, n);
    }
    int overflow(int c) override {
      std::lock_guard lock(mu);
      return std::stringbuf::overflow(c);
    }
    std::string text() const {
      std::lock_guard lock(mu);
      return str();
    }
  } buf_;
};

// Configuration from flags only (no environment, no file), on a free port.
inline ServerConfig config(std::map<std::string, std::string> flags = {}) {
  ConfigSources src;
  src.environment = false;
  flags.emplace("server.port", "0");
  src.flags = std::move(flags);
  return load_server_config(src);
}

using Flags = std::map<std::string, std::string>;  // configuration key → value

struct TestServer {
  LogCapture log;
  std::unique_ptr<Server> server;
  explicit TestServer(Flags flags = {})
      : server(std::make_unique<Server>(config(std::move(flags)), log)) {
    server->start();
  }
  uint16_t port() const { return server->port(); }
};

struct Response {
  int status = 0;
  std::map<std::string, std::vector<std::string>> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() || it->second.empty() ? std::string() : it->second.front();
  }
  Poco::JSON::Object::Ptr json() const {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  }
  std::vector<uint8_t> bytes() const { return {body.begin(), body.end()}; }
};

inline Response read_response(Poco::Net::HTTPClientSession& s, Poco::Net::HTTPResponse& res) {
  std::istream& in = s.receiveResponse(res);
  Response r;
  r.status = static_cast<int>(res.getStatus());
  for (const auto& [k, v] : res) r.headers[Poco::toLower(k)].push_back(v);
  Poco::StreamCopier::copyToString(in, r.body);
  return r;
}

// One request on a fresh connection; generous timeout for a loaded machine.
inline Response request(uint16_t port, const std::string& method, const std::string& path,
                        const std::string& body = {}, const std::string& content_type = "application/xml",
                        const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  Poco::Net::HTTPClientSession s("127.0.0.1", port);
  s.setTimeout(Poco::Timespan(180, 0));
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [k, v] : headers) req.add(k, v);
  if (method == "POST") {
    if (!content_type.empty()) req.setContentType(content_type);
    req.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  std::ostream& out = s.sendRequest(req);
  out << body;
  Poco::Net::HTTPResponse res;
  return read_response(s, res);
}

inline Response post(uint16_t port, const std::string& path, const std::string& body,
                     const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  return request(port, "POST", path, body, "application/xml", headers);
}
inline Response get(uint16_t port, const std::string& path) { return request(port, "GET", path); }

// The value of an unlabelled metric (or the first line starting with `name`).
inline double metric(uint16_t port, const std::string& name) {
  std::istringstream in(get(port, "/metrics").body);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(name + " ", 0) == 0) return std::stod(line.substr(name.size() + 1));
  return -1;
}

// Polls `cond` every 10 ms for up to `limit`; no test asserts on timing, the
// limit only ends a test that would otherwise hang.
template <class F>
bool eventually(F cond, std::chrono::seconds limit = std::chrono::seconds(120)) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (cond()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return cond();
}

// A valid inform of `sections` sections × 5 paragraphs: long enough to keep
// a worker busy while a test does something else.
inline std::string long_document(int sections) {
  std::string d =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<publication type=\"inform\" xml:lang=\"en\" version=\"1\" id=\"long-doc\">\n"
      "<meta><title>Long document</title><date>2026-03-16</date></meta>\n<body>\n";
  for (int i = 0; i < sections; ++i) {
    d += "<section id=\"s" + std::to_string(i) + "\"><title>Section " + std::to_string(i) + "</title>\n";
    for (int j = 0; j < 5; ++j)
      d += "<p>Paragraph " + std::to_string(j) + " of section " + std::to_string(i) +
           ": labour shortages affect nearly every Member State, and the single permit procedure, the EU Blue "
           "Card and national schemes for seasonal workers are being revised to attract and retain third-country "
           "nationals with the skills that regional labour markets need most urgently.</p>\n";
    d += "</section>\n";
  }
  return d + "</body>\n</publication>\n";
}

// build/emnpub: the test binary lives in build/tests/.
inline std::string emnpub_binary() {
  if (const char* e = std::getenv("EMNPUB_BIN")) return e;
  return (fs::canonical("/proc/self/exe").parent_path().parent_path() / "emnpub").string();
}

// `emnpub serve` as a child process; stderr (the log) is collected.
class ChildServer {
 public:
  explicit ChildServer(std::vector<std::string> args, const Poco::Process::Env& env = {}) {
    args.insert(args.begin(), "serve");
    handle_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(emnpub_binary(), args, nullptr, nullptr, &err_, env));
    reader_ = std::thread([this] {
      Poco::PipeInputStream in(err_);
      std::string line;
      while (std::getline(in, line)) {
        std::lock_guard lock(mu_);
        log_ += line + "\n";
      }
    });
  }
  ~ChildServer() {
    if (!exit_code_) {
      ::kill(handle_->id(), SIGKILL);
      handle_->wait();
    }
    if (reader_.joinable()) reader_.join();
  }

  std::string log() const {
    std::lock_guard lock(mu_);
    return log_;
  }
  // The port from the "listening" line; 0 when the server did not start.
  uint16_t wait_until_listening() {
    uint16_t port = 0;
    eventually([&] {
      const std::string l = log();
      const auto at = l.find("msg=listening address=");
      if (at == std::string::npos) return false;
      const auto colon = l.find(':', at + 22);
      port = static_cast<uint16_t>(std::stoi(l.substr(colon + 1)));
      return true;
    });
    return port;
  }
  void signal(int sig) { ::kill(handle_->id(), sig); }
  int wait() {
    if (!exit_code_) exit_code_ = handle_->wait();
    if (reader_.joinable()) reader_.join();
    return *exit_code_;
  }

 private:
  Poco::Pipe err_;
  std::unique_ptr<Poco::ProcessHandle> handle_;
  std::thread reader_;
  mutable std::mutex mu_;
  std::string log_;
  std::optional<int> exit_code_;
};

}  // namespace emnpub::http::test
