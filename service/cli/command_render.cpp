// `emnpub render` and `emnpub validate`.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/file_io.hpp"
#include "common/diagnostics.hpp"
#include "pipeline/engine.hpp"

namespace emnpub::cli {

namespace {

constexpr size_t kMaxInput = 64u << 20;

void print(const Diagnostics& d) {
  for (const auto& x : d.list()) std::cerr << format_diagnostic(x) << "\n";
}

struct Args {
  std::vector<std::string> inputs;
  std::string output;
  EngineConfig engine;
  RenderOptions render;
  bool timings = false;
};

// Parses the options common to render and validate; returns 0 or 2.
int parse_args(const std::vector<std::string>& args, Args& a) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    auto value = [&](const char* flag) -> std::string {
      if (i + 1 >= args.size()) throw std::invalid_argument(std::string(flag) + " needs a value");
      return args[++i];
    };
    try {
      if (s == "-o" || s == "--output") a.output = value("-o");
      else if (s == "--layouts") a.engine.layouts_dir = value("--layouts");
      else if (s == "--fonts") a.engine.fonts_dir = value("--fonts");
      else if (s == "--layout") a.render.layout = value("--layout");
      else if (s == "--strict") a.render.strict = true;
      else if (s == "--timings") a.timings = true;
      else if (s == "--assets") a.engine.assets_dir = value("--assets");
      else if (s.size() > 1 && s[0] == '-') return usage_error("unknown option " + s);
      else a.inputs.push_back(s);
    } catch (const std::invalid_argument& e) {
      return usage_error(e.what());
    }
  }
  if (a.inputs.empty()) return usage_error("no input file given");
  return 0;
}

int run(const std::vector<std::string>& args, bool render) {
  const auto started = std::chrono::steady_clock::now();
  Args a;
  if (int rc = parse_args(args, a)) return rc;
  if (render && (a.inputs.size() != 1 || a.output.empty()))
    return usage_error("render takes one input and -o OUTPUT");
  try {
    // The engine lives until the process exits: this command runs once per
    // process, and tearing down its caches (fonts, hyphenation patterns,
    // layouts: tens of thousands of blocks) took ~3 ms of a 40 ms render
    // that the kernel reclaims at exit for free (clang's -disable-free).
    Engine& engine = *new Engine(a.engine);
    const double setup_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    int status = 0;
    for (const auto& in : a.inputs) {
      std::string err;
      auto xml = read_input(in, kMaxInput, err);
      if (!xml) {
        std::cerr << in << ": error: cannot read input: " << err << "\n";
        status = 1;
        continue;
      }
      RenderOptions ro = a.render;
      // For comparisons (scripts/bench.sh): the same render without the
      // helper that sets paragraphs ahead (layout::Limits::lookahead).
      if (const char* e = std::getenv("EMNPUB_NO_LOOKAHEAD"); e && *e) ro.limits.lookahead = false;
      ro.source_name = in;
      // Relative <img src> paths resolve against the document's own folder
      // (never above it) unless the engine has an assets folder configured.
      if (in != "-" && a.engine.assets_dir.empty())
        ro.assets_dir = std::filesystem::absolute(std::filesystem::path(in)).parent_path().string();
      try {
        if (!render) {
          print(engine.validate(*xml, ro));
          continue;
        }
        RenderResult r = engine.render(*xml, ro);
        print(r.warnings);
        if (a.timings) {
          const auto& t = r.timings;
          std::fprintf(stderr,
                       "%s: timings: engine %.1f ms, parse %.1f, layout file %.1f, images %.1f, "
                       "layout %.1f, pdf %.1f ms; %d pages, %zu glyphs, full layout passes %d\n",
                       in.c_str(), setup_ms, t.parse_ms, t.layout_load_ms, t.images_ms, t.layout_ms, t.pdf_ms,
                       r.pages, r.glyphs, r.layout_passes);
        }
        if (!write_atomically(a.output, r.pdf, Sync::No, err)) {
          std::cerr << a.output << ": error: cannot write output: " << err << "\n";
          status = 1;
        }
      } catch (const DocumentRefused& e) {
        print(e.diagnostics());
        status = 1;
      }
    }
    return status;
  } catch (const DocumentRefused& e) {
    print(e.diagnostics());  // configuration (fonts, layouts) problems
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "emnpub: error: " << e.what() << "\n";
    return 1;
  }
}

const Registration render_cmd{{
    "render",
    "       emnpub render IN.xml -o OUT.pdf [--layouts DIR] [--fonts DIR] [--layout NAME] [--assets DIR] [--strict] [--timings]\n",
    "typeset a publication to PDF ('-' reads stdin / writes stdout)",
    [](const std::vector<std::string>& args) { return run(args, true); }}};

const Registration validate_cmd{{
    "validate",
    "       emnpub validate IN.xml... [--layouts DIR] [--fonts DIR]\n",
    "check documents against the format; problems as FILE:LINE:COL: error: MESSAGE",
    [](const std::vector<std::string>& args) { return run(args, false); }}};

}  // namespace

}  // namespace emnpub::cli
