#include "http/exchange.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <sstream>

namespace emnpub::http {

using Poco::Net::HTTPResponse;

Exchange::Exchange(ServiceState& s, Poco::Net::HTTPServerRequest& rq, Poco::Net::HTTPServerResponse& rs,
                   uint64_t request_id)
    : state(s), req(rq), res(rs), id(request_id) {
  const std::string& uri = req.getURI();
  path = uri.substr(0, uri.find('?'));
}

void Exchange::send(int status, const std::string& content_type, std::string_view body) {
  res.setStatusAndReason(static_cast<HTTPResponse::HTTPStatus>(status));
  res.set("X-Request-Id", std::to_string(id));
  if (state.draining.load()) res.setKeepAlive(false);  // let clients reconnect elsewhere
  status_ = status;
  if (status == 304) {
    res.setContentLength(0);
    res.send();
    return;
  }
  if (!content_type.empty()) res.setContentType(content_type);
  bytes_ = body.size();
  res.sendBuffer(body.data(), body.size());
}

void Exchange::send_json(int status, const Poco::JSON::Object& o) {
  std::ostringstream ss;
  o.stringify(ss);
  send(status, "application/json", ss.str());
}

void Exchange::fail(Problem p) {
  if (sent()) return;  // the response is on its way; nothing better to say
  if (!body_done) {
    const bool unbounded = !req.getChunkedTransferEncoding() && !req.hasContentLength() &&
                           req.getMethod() != "GET" && req.getMethod() != "HEAD";
    // With Expect: 100-continue refused, the client may still send the body
    // later; without a length, its end cannot be found. Both: close.
    if (continue_withheld || unbounded || !drain(state.cfg.max_body_bytes)) p.close_connection = true;
  }
  if (p.close_connection) res.setKeepAlive(false);
  for (const auto& [k, v] : p.headers) res.set(k, v);
  send(p.status, "application/problem+json", to_json(p, path, id));
}

namespace {

Problem too_large(const ServiceState& s) {
  return make_problem(413, "body-too-large", "The request body is too large",
                      "the body is larger than limits.max_body_mib (" + std::to_string(s.cfg.max_body_bytes) +
                          " bytes)");
}

Problem budget_exhausted(ServiceState& s) {
  Problem p = make_problem(429, "server-busy", "Too many request bodies are being received at once",
                           "limits.max_buffered_mib is reached; retry later");
  p.headers.emplace_back("Retry-After", std::to_string(s.pool.retry_after_seconds()));
  return p;
}

Problem cut_off(int status, const std::string& slug, const std::string& title, const std::string& detail) {
  Problem p = make_problem(status, slug, title, detail);
  p.close_connection = true;  // the rest of the body may still be on its way
  return p;
}

}  // namespace

std::string Exchange::read_body(ByteBudget::Hold& hold) {
  const size_t max = state.cfg.max_body_bytes;
  const bool chunked = req.getChunkedTransferEncoding();
  if (!chunked && !req.hasContentLength())
    throw HttpProblem(make_problem(411, "length-required", "The request needs a Content-Length or chunked body"));
  size_t declared = 0;
  if (!chunked) {
    const auto n = req.getContentLength64();
    if (n < 0 || static_cast<uint64_t>(n) > max) throw HttpProblem(too_large(state));
    declared = static_cast<size_t>(n);
    if (!hold.add(declared)) throw HttpProblem(budget_exhausted(state));
  }
  std::string body;
  body.reserve(declared);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(state.cfg.read_timeout_s);
  std::istream& in = req.stream();
  in.exceptions(std::ios::badbit);  // surface the socket's timeout instead of a short read
  std::string buf(64 * 1024, '\0');
  try {
    for (;;) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      const auto n = static_cast<size_t>(in.gcount());
      if (n == 0) break;
      if (body.size() + n > max) throw HttpProblem(too_large(state));  // fail() drains the rest, up to a cap
      if (chunked && !hold.add(n)) throw HttpProblem(budget_exhausted(state));
      body.append(buf.data(), n);
      if (std::chrono::steady_clock::now() > deadline)
        throw HttpProblem(cut_off(408, "request-timeout", "The request body did not arrive in time",
                                  "server.read_timeout_s elapsed before the body was complete"));
    }
  } catch (const Poco::TimeoutException&) {
    throw HttpProblem(cut_off(408, "request-timeout", "The request body did not arrive in time",
                              "no data for server.io_timeout_s"));
  } catch (const Poco::Exception& e) {
    throw HttpProblem(cut_off(400, "incomplete-body", "The request body could not be read", e.displayText()));
  }
  if (!chunked && body.size() != declared)
    throw HttpProblem(cut_off(400, "incomplete-body", "The request body is shorter than its Content-Length",
                              std::to_string(body.size()) + " of " + std::to_string(declared) + " bytes arrived"));
  body_done = true;
  return body;
}

bool Exchange::drain(size_t cap) {
  if (body_done) return true;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(state.cfg.read_timeout_s);
  std::istream& in = req.stream();
  std::string buf(64 * 1024, '\0');
  size_t total = 0;
  try {
    while (total <= cap && std::chrono::steady_clock::now() < deadline) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      const auto n = static_cast<size_t>(in.gcount());
      if (n == 0) {
        body_done = !in.bad();
        return body_done;
      }
      total += n;
    }
  } catch (const std::exception&) {
    // A broken connection: nothing left to drain, and nothing to keep alive.
  }
  return false;
}

std::map<std::string, std::string> Exchange::query(const std::set<std::string>& allowed) const {
  std::map<std::string, std::string> out;
  Poco::URI::QueryParameters params;
  try {
    params = Poco::URI(req.getURI()).getQueryParameters();
  } catch (const Poco::Exception& e) {
    throw HttpProblem(make_problem(400, "bad-parameter", "The request URI is malformed", e.displayText()));
  }
  for (const auto& [k, v] : params) {
    if (!allowed.count(k)) {
      std::string names;
      for (const auto& a : allowed) names += (names.empty() ? "" : ", ") + a;
      throw HttpProblem(make_problem(400, "bad-parameter", "Unknown query parameter",
                                     "'" + k + "' is not a parameter of " + path +
                                         (names.empty() ? " (it takes none)" : " (expected: " + names + ")")));
    }
    if (!out.emplace(k, v).second)
      throw HttpProblem(make_problem(400, "bad-parameter", "Repeated query parameter", "'" + k + "' is given twice"));
  }
  return out;
}

bool bool_param(const std::map<std::string, std::string>& q, const std::string& name) {
  auto it = q.find(name);
  if (it == q.end()) return false;
  if (it->second == "true" || it->second == "1" || it->second.empty()) return true;
  if (it->second == "false" || it->second == "0") return false;
  throw HttpProblem(make_problem(400, "bad-parameter", "Invalid query parameter value",
                                 name + "=" + it->second + ": expected true or false"));
}

}  // namespace emnpub::http
