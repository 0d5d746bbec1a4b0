#include "cli/batch_report.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdio>
#include <sstream>

#include "cli/batch_progress.hpp"
#include "cli/file_io.hpp"

namespace emnpub::cli::batch {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The rest is in the JSON report.
constexpr size_t kSummaryFailures = 20;
constexpr size_t kSummaryDiagnostics = 5;

Object::Ptr obj() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr diag_json(const Diagnostic& d) {
  auto o = obj();
  o->set("severity", d.severity == Severity::Error ? "error" : "warning");
  o->set("kind", kind_name(d.kind));
  o->set("file", d.file);
  o->set("line", d.pos.line);
  o->set("column", d.pos.column);
  if (!d.pos.path.empty()) o->set("path", d.pos.path.str());
  o->set("message", d.message);
  o->set("text", format_diagnostic(d));  // the same line the CLI prints
  return o;
}

Array::Ptr diags_json(const std::vector<Diagnostic>& list) {
  Array::Ptr a = new Array;
  for (const auto& d : list) a->add(diag_json(d));
  return a;
}

double rate(double n, double seconds) { return seconds > 0 ? n / seconds : 0.0; }

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

const char* kind_name(DiagKind k) {
  switch (k) {
    case DiagKind::NotXml: return "not-xml";
    case DiagKind::Forbidden: return "forbidden";
    case DiagKind::Schema: return "schema";
    case DiagKind::Semantic: return "semantic";
    case DiagKind::Layout: return "layout";
    case DiagKind::Font: return "font";
    case DiagKind::Limit: return "limit";
    case DiagKind::Deadline: return "deadline";
    case DiagKind::Io: return "io";
    case DiagKind::Internal: return "internal";
  }
  return "internal";
}

bool write_report(const std::string& path, const ReportData& r, std::string& error) {
  auto root = obj();
  root->set("emnpub", EMNPUB_VERSION);
  root->set("in_dir", r.in_dir);
  root->set("out_dir", r.out_dir);
  root->set("manifest", r.manifest);
  if (r.shard) root->set("shard", std::to_string(r.shard->index) + "/" + std::to_string(r.shard->count));
  root->set("jobs", r.jobs);
  root->set("force", r.force);
  root->set("started_at", r.started_at);
  root->set("seconds", r.seconds);
  root->set("interrupted", r.interrupted);
  auto counts = obj();
  counts->set("discovered", r.discovered);
  counts->set("in_shard", r.in_shard);
  counts->set("ignored", r.ignored.size());
  counts->set("up_to_date", r.up_to_date);
  counts->set("rendered", r.rendered.size());
  counts->set("failed", r.failed.size());
  counts->set("not_processed", r.not_processed);
  root->set("counts", counts);
  root->set("pages_rendered", r.pages);
  const double done = static_cast<double>(r.rendered.size() + r.failed.size());
  root->set("render_seconds", r.render_seconds);
  root->set("documents_per_second", rate(done, r.render_seconds));
  root->set("pages_per_second", rate(static_cast<double>(r.pages), r.render_seconds));

  Array::Ptr failed = new Array;
  for (const auto& f : r.failed) {
    auto o = obj();
    o->set("input", f.input);
    o->set("layout", f.layout);
    o->set("diagnostics", diags_json(f.diagnostics));
    failed->add(o);
  }
  root->set("failed", failed);
  Array::Ptr rendered = new Array;
  for (const auto& d : r.rendered) {
    auto o = obj();
    o->set("input", d.input);
    o->set("output", d.output);
    o->set("layout", d.layout);
    o->set("pages", d.pages);
    o->set("seconds", d.seconds);
    o->set("reason", d.reason);
    if (!d.warnings.empty()) o->set("warnings", diags_json(d.warnings));
    rendered->add(o);
  }
  root->set("rendered", rendered);
  Array::Ptr ignored = new Array;
  for (const auto& g : r.ignored) {
    auto o = obj();
    o->set("input", g.input);
    o->set("reason", g.reason);
    ignored->add(o);
  }
  root->set("ignored", ignored);
  Array::Ptr notes = new Array;
  for (const auto& n : r.notes) notes->add(n);
  root->set("notes", notes);

  std::ostringstream ss;
  root->stringify(ss, 2);
  ss << "\n";
  const std::string s = ss.str();
  return write_atomically(path, std::vector<uint8_t>(s.begin(), s.end()), Sync::Yes, error);
}

void print_summary(std::ostream& out, const ReportData& r, const std::string& report_path) {
  const size_t done = r.rendered.size() + r.failed.size();
  out << "batch: " << r.in_shard << (r.in_shard == 1 ? " XML file" : " XML files");
  if (r.shard) out << " in shard " << r.shard->index << "/" << r.shard->count << " (of " << r.discovered << ")";
  out << ": " << r.rendered.size() << " rendered, " << r.up_to_date << " up to date, " << r.failed.size() << " failed";
  if (!r.ignored.empty()) out << ", " << r.ignored.size() << " ignored (not publications)";
  if (r.not_processed) out << ", " << r.not_processed << " not processed";
  out << "\n";
  if (done > 0)
    out << "batch: " << r.pages << " pages in " << format_duration(r.render_seconds) << " ("
        << fixed(rate(static_cast<double>(done), r.render_seconds), 2) << " docs/s, "
        << fixed(rate(static_cast<double>(r.pages), r.render_seconds), 1) << " pages/s, " << r.jobs
        << (r.jobs == 1 ? " thread)\n" : " threads)\n");
  if (r.interrupted) out << "batch: interrupted; a rerun continues with the documents not rendered yet\n";
  for (const auto& n : r.notes) out << "batch: error: " << n << "\n";
  if (!r.failed.empty()) {
    out << "batch: failed documents:\n";
    size_t shown = 0;
    for (const auto& f : r.failed) {
      if (shown++ == kSummaryFailures) {
        out << "  ... and " << (r.failed.size() - kSummaryFailures) << " more\n";
        break;
      }
      out << "  " << f.input << "\n";
      size_t lines = 0;
      for (const auto& d : f.diagnostics) {
        if (lines++ == kSummaryDiagnostics) {
          out << "    ... and " << (f.diagnostics.size() - kSummaryDiagnostics) << " more\n";
          break;
        }
        out << "    " << format_diagnostic(d) << "\n";
      }
    }
  }
  if (!report_path.empty()) out << "batch: report written to " << report_path << "\n";
  out << std::flush;
}

}  // namespace emnpub::cli::batch
