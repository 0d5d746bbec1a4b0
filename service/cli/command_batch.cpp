// `emnpub batch`: re-renders an archive folder of publications into a
// mirrored folder of PDFs, on N threads, incrementally (a manifest says
// what each PDF was made from), resumably (PDFs appear by rename only after
// the manifest knows them) and in deterministic shards for schedulers.
//
// Two phases. Planning reads and hashes every input of the shard and decides
// "up to date" or "render, because ...". Rendering runs on worker threads;
// they hand finished PDFs (still under temporary names) to the main thread,
// which records them in the manifest, saves it, then renames the PDFs into
// place, reports progress, and collects failures for the report.
#include <sched.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/batch_manifest.hpp"
#include "cli/batch_output.hpp"
#include "cli/batch_progress.hpp"
#include "cli/batch_report.hpp"
#include "cli/batch_worklist.hpp"
#include "cli/command.hpp"
#include "cli/file_io.hpp"
#include "common/diagnostics.hpp"
#include "model/document.hpp"
#include "pipeline/engine.hpp"
#include "xml/publication_parser.hpp"

namespace emnpub::cli {

namespace {

using namespace batch;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr size_t kMaxInput = 64u << 20;
constexpr size_t kShownIgnored = 10;

// Set by SIGINT/SIGTERM: workers take no new document, the main thread
// saves what is done. SA_RESETHAND makes a second signal kill at once.
std::atomic<int> g_signal{0};
extern "C" void on_stop_signal(int sig) { g_signal.store(sig); }

struct Options {
  std::string in_dir, out_dir, report;
  int jobs = 0;
  std::optional<Shard> shard;
  bool force = false, dry_run = false, strict = false;
  double timeout = 0;  // seconds per document, 0 = none
  std::string layout;  // override for every document
  std::string progress = "auto";
  EngineConfig engine;
};

int default_jobs() {
  // The CPUs this process may run on: honours taskset and Slurm/cgroup cpusets.
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
  const unsigned n = std::thread::hardware_concurrency();
  return n ? static_cast<int>(n) : 1;
}

int parse_args(const std::vector<std::string>& args, Options& o) {
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw std::invalid_argument(s + " needs a value");
      return args[++i];
    };
    auto number = [&](const std::string& v, double lo, double hi) {
      size_t used = 0;
      double x = 0;
      try {
        x = std::stod(v, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != v.size() || !(x >= lo && x <= hi))
        throw std::invalid_argument(s + " wants a number from " + std::to_string(static_cast<int>(lo)) + " to " +
                                    std::to_string(static_cast<int>(hi)) + ", not '" + v + "'");
      return x;
    };
    try {
      if (s == "-o" || s == "--output") o.out_dir = value();
      else if (s == "-j" || s == "--jobs") {
        const double j = number(value(), 1, 256);
        if (j != static_cast<int>(j)) throw std::invalid_argument("--jobs wants a whole number");
        o.jobs = static_cast<int>(j);
      } else if (s == "--shard") {
        const std::string v = value();
        o.shard = parse_shard(v);
        if (!o.shard) throw std::invalid_argument("--shard wants I/N with 1 <= I <= N, not '" + v + "'");
      } else if (s == "--force") o.force = true;
      else if (s == "--dry-run") o.dry_run = true;
      else if (s == "--strict") o.strict = true;
      else if (s == "--report") o.report = value();
      else if (s == "--layouts") o.engine.layouts_dir = value();
      else if (s == "--fonts") o.engine.fonts_dir = value();
      else if (s == "--layout") {
        o.layout = value();
        if (!plausible_layout_name(o.layout)) throw std::invalid_argument("--layout wants a layout name like 'inform'");
      } else if (s == "--timeout") o.timeout = number(value(), 0, 86400);
      else if (s == "--progress") {
        o.progress = value();
        if (o.progress != "auto" && o.progress != "bar" && o.progress != "plain" && o.progress != "none")
          throw std::invalid_argument("--progress wants auto, bar, plain or none");
      } else if (s.size() > 1 && s[0] == '-') return usage_error("unknown option " + s);
      else positional.push_back(s);
    } catch (const std::invalid_argument& e) {
      return usage_error(e.what());
    }
  }
  if (positional.size() != 1) return usage_error("batch takes one input folder");
  o.in_dir = positional[0];
  if (o.out_dir.empty()) return usage_error("batch needs -o OUT_DIR");
  std::error_code ec;
  if (!fs::is_directory(o.in_dir, ec)) return usage_error("'" + o.in_dir + "' is not a folder");
  if (o.jobs == 0) o.jobs = default_jobs();
  return 0;
}

Diagnostic make_diag(DiagKind kind, const std::string& file, const std::string& message) {
  Diagnostic d;
  d.kind = kind;
  d.file = file;
  d.message = message;
  return d;
}

std::string first_error(const std::vector<Diagnostic>& list) {
  for (const auto& d : list)
    if (d.severity == Severity::Error) return format_diagnostic(d);
  return list.empty() ? "failed" : format_diagnostic(list.front());
}

// Layout fingerprints, computed once per layout name before its first
// render, so a layout edited during the run is recorded with the older
// fingerprint and re-rendered next time rather than wrongly trusted.
class Fingerprints {
 public:
  explicit Fingerprints(const Engine& e) : engine_(e) {}
  struct Result {
    std::string fingerprint;  // empty when the layout cannot be loaded
    std::vector<Diagnostic> problems;
  };
  const Result& get(const std::string& name) {
    std::lock_guard lock(mu_);
    auto it = cache_.find(name);
    if (it != cache_.end()) return it->second;
    Result r;
    try {
      r.fingerprint = engine_.fingerprint(name);
    } catch (const DocumentRefused& e) {
      r.problems = e.diagnostics().list();
    } catch (const std::exception& e) {
      r.problems.push_back(make_diag(DiagKind::Layout, name, e.what()));
    }
    return cache_.emplace(name, std::move(r)).first->second;  // map nodes stay put
  }

 private:
  const Engine& engine_;
  std::mutex mu_;
  std::map<std::string, Result> cache_;
};

struct Context {
  const Options& opt;
  const Engine& engine;
  Fingerprints& fps;
  std::string fonts_fp;
};

// One document read and identified: its bytes, hash, layout and the
// layout's fingerprint, or the located reason it cannot be rendered.
struct Prepared {
  bool ok = false;
  bool not_publication = false;
  std::string bytes, sha256, layout, layout_fp;
  std::vector<Diagnostic> problems;  // !ok: why
  std::string ignore_reason;         // not_publication: why
};

Prepared prepare(const WorkItem& w, Context& ctx) {
  Prepared p;
  if (!w.conflict.empty()) {
    p.problems.push_back(make_diag(DiagKind::Io, w.input, w.conflict));
    return p;
  }
  std::string err;
  auto bytes = read_input(w.input, kMaxInput, err);
  if (!bytes) {
    p.problems.push_back(make_diag(DiagKind::Io, w.input, "cannot read input: " + err));
    return p;
  }
  p.bytes = std::move(*bytes);
  p.sha256 = Engine::sha256_hex(p.bytes);
  const RootInfo root = scan_root(p.bytes);
  if (root.kind == RootInfo::Kind::Other) {
    p.not_publication = true;
    p.ignore_reason = "root element <" + root.element + "> is not <publication>";
    return p;
  }
  if (root.kind == RootInfo::Kind::Publication && plausible_layout_name(root.type)) {
    p.layout = root.type;
  } else {
    // Not plain enough for the cheap look: the real parser decides (and
    // says where the document is wrong).
    try {
      xml::ParseOptions po;
      po.source_name = w.input;
      p.layout = model::to_string(xml::parse_publication(p.bytes, po).doc.type);
    } catch (const DocumentRefused& e) {
      p.problems = e.diagnostics().list();
      return p;
    }
  }
  if (!ctx.opt.layout.empty()) p.layout = ctx.opt.layout;
  const auto& fp = ctx.fps.get(p.layout);
  if (fp.fingerprint.empty()) {
    p.problems = fp.problems;
    if (p.problems.empty()) p.problems.push_back(make_diag(DiagKind::Layout, w.input, "layout '" + p.layout + "' cannot be loaded"));
    return p;
  }
  p.layout_fp = fp.fingerprint;
  p.ok = true;
  return p;
}

struct Doc {
  WorkItem item;
  uint64_t bytes = 0;      // input size when planned
  enum class State { Render, UpToDate, Ignored } state = State::Render;
  std::string reason;      // Render: why; Ignored: why
  std::string plan_error;  // Render: the failure planning already saw
  ManifestEntry kept;      // UpToDate: the entry that matched
};

// Why the recorded entry does not describe an up-to-date PDF ("" = it does).
std::string stale_reason(ManifestEntry& e, const Prepared& p, const Context& ctx) {
  if (e.status != "ok") return "failed last time";
  if (e.input_sha256 != p.sha256) return "input changed";
  if (e.layout != p.layout) return "layout changed from " + e.layout + " to " + p.layout;
  if (e.fonts_fingerprint != ctx.fonts_fp) return "fonts changed";
  if (e.layout_fingerprint != p.layout_fp) return "layout " + p.layout + " changed";
  return verify_pdf(ctx.opt.out_dir, e);
}

void plan(Doc& d, Context& ctx, const LoadedManifests& lm) {
  Prepared p = prepare(d.item, ctx);
  d.bytes = p.bytes.size();
  if (p.not_publication) {
    d.state = Doc::State::Ignored;
    d.reason = p.ignore_reason;
    return;
  }
  d.state = Doc::State::Render;
  if (!p.ok) {
    d.reason = "cannot be rendered";
    d.plan_error = first_error(p.problems);
    return;
  }
  if (ctx.opt.force) {
    d.reason = "forced";
    return;
  }
  auto it = lm.candidates.find(d.item.rel);
  if (it == lm.candidates.end()) {
    d.reason = "new";
    return;
  }
  for (const auto& candidate : it->second) {
    ManifestEntry e = candidate;
    if (e.output != d.item.output_rel) continue;
    const std::string why = stale_reason(e, p, ctx);
    if (why.empty()) {
      d.state = Doc::State::UpToDate;
      d.kept = std::move(e);
      return;
    }
    if (d.reason.empty()) d.reason = why;  // the run's own record speaks first
  }
  if (d.reason.empty()) d.reason = "new";
}

void run_parallel(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < jobs; ++t)
    pool.emplace_back([&] {
      while (!g_signal.load()) {
        const size_t i = next.fetch_add(1);
        if (i >= n) break;
        fn(i);
      }
    });
  for (auto& th : pool) th.join();
}

// A worker's finished document, waiting for the main thread.
struct Result {
  size_t doc = 0;
  ManifestEntry entry;
  std::string temp;  // ok: the PDF under its temporary name
  std::vector<Diagnostic> diagnostics;  // failed: why
  std::vector<Diagnostic> warnings;
};

Result render_one(const Doc& d, size_t index, Context& ctx) {
  Result r;
  r.doc = index;
  ManifestEntry& e = r.entry;
  e.input = d.item.rel;
  e.output = d.item.output_rel;
  e.status = "failed";
  e.fonts_fingerprint = ctx.fonts_fp;
  e.rendered_at = utc_now_iso8601();
  const auto t0 = Clock::now();
  auto finish = [&](std::vector<Diagnostic> diags) {
    r.diagnostics = std::move(diags);
    e.error = first_error(r.diagnostics);
    e.render_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return r;
  };
  Prepared p = prepare(d.item, ctx);
  e.input_sha256 = p.sha256;
  e.layout = p.layout;
  e.layout_fingerprint = p.layout_fp;
  if (p.not_publication) return finish({make_diag(DiagKind::Schema, d.item.input, p.ignore_reason)});
  if (!p.ok) return finish(p.problems);
  RenderOptions ro;
  ro.source_name = d.item.input;
  ro.layout = p.layout;  // the layout the manifest records is the one used, by construction
  ro.strict = ctx.opt.strict;
  // With a document per core, a render's second thread (paragraphs set
  // ahead, layout::Limits::lookahead) would only add its 5-15% more
  // work; with fewer jobs than cores it uses an idle one.
  ro.limits.lookahead = ctx.opt.jobs < static_cast<int>(std::thread::hardware_concurrency());
  if (ctx.opt.timeout > 0)
    ro.limits.deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(ctx.opt.timeout));
  try {
    RenderResult rr = ctx.engine.render(p.bytes, ro);
    const std::string final_path = (fs::path(ctx.opt.out_dir) / d.item.output_rel).string();
    std::string err;
    auto tmp = write_temp_beside(final_path, rr.pdf, err);
    if (!tmp) return finish({make_diag(DiagKind::Io, final_path, "cannot write output: " + err)});
    r.temp = tmp->path;
    r.warnings = rr.warnings.list();
    e.status = "ok";
    e.pages = rr.pages;
    e.document_id = rr.document_id;
    e.pdf_bytes = tmp->bytes;
    e.pdf_mtime_ns = tmp->mtime_ns;
    e.pdf_sha256 = Engine::sha256_hex(std::string_view(reinterpret_cast<const char*>(rr.pdf.data()), rr.pdf.size()));
    e.render_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return r;
  } catch (const DocumentRefused& ex) {
    return finish(ex.diagnostics().list());
  } catch (const std::exception& ex) {
    return finish({make_diag(DiagKind::Internal, d.item.input, std::string("internal error: ") + ex.what())});
  } catch (...) {
    return finish({make_diag(DiagKind::Internal, d.item.input, "internal error")});
  }
}

int run(const std::vector<std::string>& args) {
  Options opt;
  if (int rc = parse_args(args, opt)) return rc;
  const auto wall0 = Clock::now();
  ReportData rep;
  rep.started_at = utc_now_iso8601();
  rep.in_dir = opt.in_dir;
  rep.out_dir = opt.out_dir;
  rep.shard = opt.shard;
  rep.jobs = opt.jobs;
  rep.force = opt.force;
  const std::string manifest_name = manifest_file_name(opt.shard);
  const std::string manifest_path = (fs::path(opt.out_dir) / manifest_name).string();
  rep.manifest = manifest_path;
  if (opt.report.empty())
    opt.report = (fs::path(opt.out_dir) / (opt.shard ? "batch-report.shard-" + std::to_string(opt.shard->index) + "-of-" +
                                                           std::to_string(opt.shard->count) + ".json"
                                                     : std::string("batch-report.json")))
                     .string();
  const ProgressMode mode = opt.progress == "bar"     ? ProgressMode::Bar
                            : opt.progress == "plain" ? ProgressMode::Plain
                            : opt.progress == "none"  ? ProgressMode::None
                                                      : auto_progress_mode();
  const bool chatty = mode != ProgressMode::None;

  std::unique_ptr<Engine> engine;
  try {
    engine = std::make_unique<Engine>(opt.engine);
  } catch (const DocumentRefused& e) {
    for (const auto& d : e.diagnostics().list()) std::cerr << format_diagnostic(d) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "emnpub: error: " << e.what() << "\n";
    return 1;
  }
  if (!opt.dry_run) {
    std::error_code ec;
    fs::create_directories(opt.out_dir, ec);
    if (ec || !fs::is_directory(opt.out_dir, ec)) {
      std::cerr << opt.out_dir << ": error: cannot create the output folder: "
                << (ec ? ec.message() : std::string("a file is in the way")) << "\n";
      return 1;
    }
  }

  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  // --- the work list ---
  Discovery disc = discover(opt.in_dir);
  rep.discovered = disc.items.size();
  std::vector<Doc> docs;
  for (auto& w : disc.items)
    if (!opt.shard || shard_of(w.rel, opt.shard->count) == opt.shard->index) {
      Doc d;
      d.item = std::move(w);
      docs.push_back(std::move(d));
    }
  rep.in_shard = docs.size();
  for (const auto& p : disc.problems)
    rep.failed.push_back({p.path, "", {make_diag(DiagKind::Io, p.path, p.message)}});

  LoadedManifests lm = load_manifests(opt.out_dir, manifest_name);
  for (const auto& w : lm.warnings) std::cerr << "batch: warning: " << w << "\n";
  Fingerprints fps(*engine);
  Context ctx{opt, *engine, fps, engine->fonts_fingerprint()};

  // --- planning ---
  run_parallel(docs.size(), opt.jobs, [&](size_t i) { plan(docs[i], ctx, lm); });
  std::vector<size_t> todo;
  std::map<std::string, ManifestEntry> own;  // what this run's manifest file will hold
  for (size_t i = 0; i < docs.size(); ++i) {
    Doc& d = docs[i];
    if (d.state == Doc::State::Ignored) {
      rep.ignored.push_back({d.item.rel, d.reason});
      continue;
    }
    // A document not reached (interrupt) keeps its old record: harmless,
    // since a record is only trusted when the PDF on disk matches it.
    if (auto it = lm.own.find(d.item.rel); it != lm.own.end()) own[d.item.rel] = it->second;
    if (d.state == Doc::State::UpToDate) {
      own[d.item.rel] = d.kept;
      ++rep.up_to_date;
    } else {
      todo.push_back(i);
    }
  }

  if (opt.dry_run) {
    for (const auto& d : docs) {
      if (d.state == Doc::State::Ignored) std::cout << "ignore\t" << d.item.rel << "\t" << d.reason << "\n";
      else if (d.state == Doc::State::UpToDate) std::cout << "skip\t" << d.item.rel << "\tup to date\n";
      else if (!d.plan_error.empty()) std::cout << "fail\t" << d.item.rel << "\t" << d.plan_error << "\n";
      else std::cout << "render\t" << d.item.rel << "\t" << d.reason << "\n";
    }
    std::cerr << "batch: dry run: " << docs.size() << " documents" << (opt.shard ? " in this shard" : "") << ", "
              << todo.size() << " to render, " << rep.up_to_date << " up to date, " << rep.ignored.size()
              << " ignored\n";
    return 0;
  }

  {
    std::vector<std::string> outputs;
    for (const auto& d : docs) outputs.push_back(d.item.output_rel);
    const int removed = remove_stale_temps(opt.out_dir, outputs, manifest_name);
    if (removed && chatty) std::cerr << "batch: removed " << removed << " temporary files left by an interrupted run\n";
  }
  if (chatty) {
    std::cerr << "batch: " << rep.discovered << " XML files under " << opt.in_dir;
    if (opt.shard)
      std::cerr << ", " << docs.size() << " in shard " << opt.shard->index << "/" << opt.shard->count;
    std::cerr << "; " << rep.up_to_date << " up to date, " << todo.size() << " to render with " << opt.jobs
              << (opt.jobs == 1 ? " thread" : " threads");
    if (!rep.ignored.empty()) std::cerr << ", " << rep.ignored.size() << " ignored";
    std::cerr << "\n";
    for (size_t k = 0; k < rep.ignored.size() && k < kShownIgnored; ++k)
      std::cerr << "batch: ignoring " << rep.ignored[k].input << ": " << rep.ignored[k].reason << "\n";
    for (const auto& f : rep.failed) std::cerr << "batch: " << first_error(f.diagnostics) << "\n";
  }

  // --- rendering ---
  std::mutex mu;
  std::condition_variable cv;
  std::vector<Result> pending;
  std::atomic<size_t> next{0};
  std::atomic<int> running{opt.jobs};
  // Largest first: a long report started last would keep one core busy
  // while the others idle. Sorting by size is stable, so ties stay in path order.
  std::stable_sort(todo.begin(), todo.end(), [&](size_t a, size_t b) { return docs[a].bytes > docs[b].bytes; });
  uint64_t todo_bytes = 0;
  for (size_t i : todo) todo_bytes += docs[i].bytes;
  Progress progress(mode, std::cerr);
  progress.start(todo.size(), todo_bytes);
  const auto render0 = Clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < opt.jobs; ++t)
    workers.emplace_back([&] {
      while (!g_signal.load()) {
        const size_t k = next.fetch_add(1);
        if (k >= todo.size()) break;
        Result r = render_one(docs[todo[k]], todo[k], ctx);
        std::lock_guard lock(mu);
        pending.push_back(std::move(r));
        cv.notify_one();
      }
      --running;
      cv.notify_one();
    });

  bool manifest_failed = false;
  double last_save = 0;
  auto last_flush = Clock::now();
  auto save = [&] {
    const auto t0 = Clock::now();
    std::string err;
    if (!save_manifest(manifest_path, own, opt.shard, err) && !manifest_failed) {
      manifest_failed = true;
      rep.notes.push_back(manifest_path + ": cannot write the manifest: " + err);
      progress.note("batch: error: " + rep.notes.back());
    }
    last_save = std::chrono::duration<double>(Clock::now() - t0).count();
  };
  // Records the finished documents, saves the manifest, then renames their
  // PDFs into place: a PDF never appears before its record does.
  auto flush = [&] {
    std::vector<Result> batch;
    {
      std::lock_guard lock(mu);
      batch.swap(pending);
    }
    last_flush = Clock::now();
    if (batch.empty()) return;
    for (const auto& r : batch) own[r.entry.input] = r.entry;
    save();
    for (auto& r : batch) {
      const Doc& d = docs[r.doc];
      if (r.entry.status == "ok") {
        const std::string final_path = (fs::path(opt.out_dir) / d.item.output_rel).string();
        if (::rename(r.temp.c_str(), final_path.c_str()) != 0) {
          r.diagnostics = {make_diag(DiagKind::Io, final_path, std::string("cannot move the PDF into place: ") + std::strerror(errno))};
          ::unlink(r.temp.c_str());
          r.entry.status = "failed";
          r.entry.error = first_error(r.diagnostics);
          own[r.entry.input] = r.entry;  // saved with the next flush
        }
      }
      Outcome o;
      o.rel = d.item.rel;
      o.output_rel = d.item.output_rel;
      o.reason = d.reason;
      o.ok = r.entry.status == "ok";
      o.pages = o.ok ? r.entry.pages : 0;
      o.seconds = r.entry.render_seconds;
      o.warnings = r.warnings.size();
      o.input_bytes = d.bytes;
      if (o.ok) {
        rep.rendered.push_back({d.item.rel, d.item.output_rel, r.entry.layout, d.reason, r.entry.pages,
                                r.entry.render_seconds, std::move(r.warnings)});
        rep.pages += r.entry.pages;
      } else {
        o.first_error = r.entry.error;
        rep.failed.push_back({d.item.rel, r.entry.layout, std::move(r.diagnostics)});
      }
      progress.document(o);
    }
  };
  for (;;) {
    const bool finished = running.load() == 0;  // read before flushing: nothing can be pushed after
    {
      std::unique_lock lock(mu);
      if (!finished) cv.wait_for(lock, std::chrono::milliseconds(100));
    }
    // Saving the manifest costs O(archive): keep it under ~5% of the time.
    const double interval = std::max(0.2, 20 * last_save);
    if (finished || std::chrono::duration<double>(Clock::now() - last_flush).count() >= interval) flush();
    progress.tick();
    if (finished) break;
  }
  for (auto& w : workers) w.join();
  flush();
  save();  // also when nothing rendered: drops records of deleted inputs, keeps refreshed ones
  progress.finish();

  // Workers finish in any order; the report lists by path.
  std::sort(rep.rendered.begin(), rep.rendered.end(), [](const auto& a, const auto& b) { return a.input < b.input; });
  std::sort(rep.failed.begin(), rep.failed.end(), [](const auto& a, const auto& b) { return a.input < b.input; });
  rep.render_seconds = std::chrono::duration<double>(Clock::now() - render0).count();
  rep.seconds = std::chrono::duration<double>(Clock::now() - wall0).count();
  const int sig = g_signal.load();
  rep.interrupted = sig != 0;
  rep.not_processed = todo.size() - std::min(todo.size(), progress.done());
  std::string err;
  std::string report_path = opt.report;
  if (!write_report(opt.report, rep, err)) {
    std::cerr << opt.report << ": error: cannot write the report: " << err << "\n";
    report_path.clear();
  }
  print_summary(std::cerr, rep, report_path);
  if (sig) return 128 + sig;
  return rep.failed.empty() && !manifest_failed && !report_path.empty() ? 0 : 1;
}

const Registration batch_cmd{{
    "batch",
    "       emnpub batch IN_DIR -o OUT_DIR [--jobs N] [--shard I/N] [--force] [--report FILE]\n"
    "                    [--layouts DIR] [--fonts DIR] [--layout NAME] [--strict] [--timeout SECONDS]\n"
    "                    [--progress auto|bar|plain|none] [--dry-run]\n",
    "render every publication under a folder, incrementally (docs/batch.md)",
    [](const std::vector<std::string>& args) { return run(args); }}};

}  // namespace

}  // namespace emnpub::cli
