// POST /v1/render: publication XML in, PDF out.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <thread>

#include "http/handlers.hpp"

namespace emnpub::http {

namespace {

constexpr size_t kMaxWarningHeaders = 20;  // Emnpub-Warnings tells how many there were

std::string layout_param(ServiceState& s, const std::map<std::string, std::string>& q) {
  auto it = q.find("layout");
  if (it == q.end()) return {};
  const std::string& name = it->second;
  // Only names of files that exist: the name becomes part of a path.
  const auto names = s.engine.layout_names();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw HttpProblem(
        make_problem(400, "bad-parameter", "Unknown layout", "layout=" + name + " is not one of: " + known));
  }
  return name;
}

// The service's tags are all strong; a W/ prefix is ignored (weak comparison).
bool if_none_match(const Poco::Net::HTTPServerRequest& req, const std::string& etag) {
  const std::string h = req.get("If-None-Match", "");
  size_t i = 0;
  while (i < h.size()) {
    while (i < h.size() && (h[i] == ' ' || h[i] == ',')) ++i;
    if (h.compare(i, 2, "W/") == 0) i += 2;
    const size_t end = h.find(',', i);
    std::string tag = h.substr(i, end == std::string::npos ? std::string::npos : end - i);
    while (!tag.empty() && tag.back() == ' ') tag.pop_back();
    if (tag == etag) return true;
    if (end == std::string::npos) break;
    i = end + 1;
  }
  return false;
}

// Warning text made header-safe: control and non-ASCII bytes are
// percent-encoded (glyph messages quote UTF-8 text), so nothing can break
// out of the header line.
std::string header_text(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c >= 0x7f || c == '%') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string filename_for(const std::string& id) {
  std::string f;
  for (char c : id.substr(0, 120))
    f += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  return (f.empty() ? std::string("document") : f) + ".pdf";
}

void send_pdf(Exchange& ex, const RenderResult& r) {
  auto& res = ex.res;
  ex.document_id = r.document_id;
  res.set("Content-Disposition", "attachment; filename=\"" + filename_for(r.document_id) + "\"");
  res.set("Emnpub-Document-Id", header_text(r.document_id));
  res.set("Emnpub-Pages", std::to_string(r.pages));
  res.set("Emnpub-Warnings", std::to_string(r.warnings.list().size()));
  size_t n = 0;
  for (const auto& w : r.warnings.list()) {
    if (n++ == kMaxWarningHeaders) break;
    std::string v = kind_name(w.kind);
    if (w.pos.line > 0) v += " " + std::to_string(w.pos.line) + ":" + std::to_string(w.pos.column);
    v += " " + w.message;
    if (!w.pos.path.empty()) v += " (at " + w.pos.path.str() + ")";
    res.add("Emnpub-Warning", header_text(v));
  }
  ex.send(200, "application/pdf", std::string_view(reinterpret_cast<const char*>(r.pdf.data()), r.pdf.size()));
}

}  // namespace

void handle_render(Exchange& ex) {
  ServiceState& s = ex.state;
  const auto q = ex.query({"strict", "layout"});
  RenderOptions ro;
  ro.source_name = "request";
  ro.strict = bool_param(q, "strict");
  ro.layout = layout_param(s, q);
  ro.max_depth = s.cfg.max_depth;
  ro.limits.max_pages = s.cfg.max_pages;
  ro.limits.max_glyphs = s.cfg.max_glyphs;
  // A second thread sets paragraphs ahead (layout::Limits::lookahead) only
  // while a core is left over: under load every worker already keeps one
  // busy, and the helper would only add its 5-15% more work.
  ro.limits.lookahead = s.pool.running() + 1 < static_cast<int>(std::thread::hardware_concurrency());

  ByteBudget::Hold hold(s.bodies);
  auto body = std::make_shared<const std::string>(ex.read_body(hold));

  // A content hash of everything the PDF depends on.
  const std::string etag =
      "\"" +
      Engine::sha256_hex(Engine::sha256_hex(*body) + "\n" + (ro.strict ? "strict" : "") + "\n" + ro.layout + "\n" +
                         s.layouts_fingerprint()) +
      "\"";
  ex.res.set("ETag", etag);
  if (if_none_match(ex.req, etag)) {
    ex.send(304, "", {});
    return;
  }
  if (s.cache.enabled()) {
    if (auto hit = s.cache.get(etag)) {
      ex.cache = "hit";
      send_pdf(ex, *hit);
      return;
    }
    ex.cache = "miss";
  }

  const auto t0 = std::chrono::steady_clock::now();
  const auto deadline =
      t0 + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(s.cfg.deadline_s));
  ro.limits.deadline = deadline;
  const Engine& engine = s.engine;
  auto result = std::make_shared<const RenderResult>(run_on_worker(
      ex, ro.strict, deadline, ro.source_name, [&engine, body, ro] { return engine.render(*body, ro); }));
  s.metrics.render(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), result->pages,
                   result->pdf.size());
  for (const auto& w : result->warnings.list())
    s.log.warning("render warning", {{"req", std::to_string(ex.id)},
                                     {"doc", result->document_id},
                                     {"kind", kind_name(w.kind)},
                                     {"at", format_diagnostic(w)}});
  s.cache.put(etag, result);
  send_pdf(ex, *result);
}

}  // namespace emnpub::http
