#pragma once
// One request and its response as the handlers see them: sends record the
// status and byte count for the access log and metrics; the body is read
// under the size, time and memory caps.
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "http/problem_json.hpp"
#include "http/service_state.hpp"

namespace emnpub::http {

class Exchange {
 public:
  Exchange(ServiceState& s, Poco::Net::HTTPServerRequest& rq, Poco::Net::HTTPServerResponse& rs, uint64_t id);

  ServiceState& state;
  Poco::Net::HTTPServerRequest& req;
  Poco::Net::HTTPServerResponse& res;
  const uint64_t id;
  const std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::string path;                   // request path without the query
  std::string route = "unmatched";    // metrics label
  std::string document_id;            // access log
  std::string cache;                  // access log: hit / miss

  void send(int status, const std::string& content_type, std::string_view body);
  void send_json(int status, const Poco::JSON::Object& o);
  // Sends an error; reads what is left of the body first (up to a cap) so
  // the client sees the answer rather than a reset, or closes the connection.
  void fail(Problem p);

  bool sent() const { return status_ != 0; }
  int status() const { return status_; }
  uint64_t bytes() const { return bytes_; }

  // The whole body, at most limits.max_body_mib; throws HttpProblem 411,
  // 413, 408, 400 (cut short) or 429 (memory budget). Memory is counted in `hold`.
  std::string read_body(ByteBudget::Hold& hold);
  // Reads and discards up to `cap` body bytes; true when the body ended.
  bool drain(size_t cap);
  bool body_done = false;
  bool continue_withheld = false;   // Expect: 100-continue was answered with an error

  // Query parameters; throws HttpProblem 400 for names not in `allowed`
  // (typos must not be silently ignored) and for repeated names.
  std::map<std::string, std::string> query(const std::set<std::string>& allowed) const;

 private:
  int status_ = 0;
  uint64_t bytes_ = 0;
};

// Strict boolean query value ("true"/"false"/"1"/"0"); 400 otherwise.
bool bool_param(const std::map<std::string, std::string>& q, const std::string& name);

}  // namespace emnpub::http
