// emnpub command line: render and validate publication XML.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/file_io.hpp"
#include "common/diagnostics.hpp"
#include "pipeline/engine.hpp"

namespace {

constexpr size_t kMaxInput = 64u << 20;

const char* kUsage =
    "usage: emnpub render IN.xml -o OUT.pdf [--layouts DIR] [--fonts DIR] [--layout NAME] [--strict]\n"
    "       emnpub validate IN.xml...\n"
    "       emnpub --version | --help\n"
    "\n"
    "  render     typeset a publication to PDF ('-' reads stdin / writes stdout)\n"
    "  validate   check documents against the format; prints problems as FILE:LINE:COL\n"
    "\n"
    "  --layouts DIR   layout files (default: the repository's layouts/)\n"
    "  --fonts DIR     font manifest folder with fonts.xml (default: the repository's fonts/)\n"
    "  --layout NAME   use layouts/NAME.xml instead of the one named by the document type\n"
    "  --strict        characters no font can draw are errors, not warnings\n"
    "\n"
    "exit status: 0 success, 1 document refused, 2 usage error\n";

int usage_error(const std::string& msg) {
  std::cerr << "emnpub: " << msg << "\n" << kUsage;
  return 2;
}

void print(const emnpub::Diagnostics& d) {
  for (const auto& x : d.list()) std::cerr << emnpub::format_diagnostic(x) << "\n";
}

struct Args {
  std::string command;
  std::vector<std::string> inputs;
  std::string output;
  emnpub::EngineConfig engine;
  emnpub::RenderOptions render;
};

}  // namespace

int main(int argc, char** argv) {
  Args a;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    auto value = [&](const char* flag) -> std::string {
      if (i + 1 >= args.size()) throw std::invalid_argument(std::string(flag) + " needs a value");
      return args[++i];
    };
    try {
      if (s == "--help" || s == "-h") { std::cout << kUsage; return 0; }
      if (s == "--version") { std::cout << "emnpub " << EMNPUB_VERSION << "\n"; return 0; }
      if (s == "-o" || s == "--output") a.output = value("-o");
      else if (s == "--layouts") a.engine.layouts_dir = value("--layouts");
      else if (s == "--fonts") a.engine.fonts_dir = value("--fonts");
      else if (s == "--layout") a.render.layout = value("--layout");
      else if (s == "--strict") a.render.strict = true;
      else if (s.size() > 1 && s[0] == '-' && s != "-") return usage_error("unknown option " + s);
      else if (a.command.empty()) a.command = s;
      else a.inputs.push_back(s);
    } catch (const std::invalid_argument& e) {
      return usage_error(e.what());
    }
  }
  if (a.command != "render" && a.command != "validate") return usage_error("unknown command '" + a.command + "'");
  if (a.inputs.empty()) return usage_error("no input file given");
  if (a.command == "render" && (a.inputs.size() != 1 || a.output.empty()))
    return usage_error("render takes one input and -o OUTPUT");

  try {
    emnpub::Engine engine(a.engine);
    int status = 0;
    for (const auto& in : a.inputs) {
      std::string err;
      auto xml = emnpub::cli::read_input(in, kMaxInput, err);
      if (!xml) {
        std::cerr << in << ": error: cannot read input: " << err << "\n";
        status = 1;
        continue;
      }
      emnpub::RenderOptions ro = a.render;
      ro.source_name = in;
      try {
        if (a.command == "validate") {
          print(engine.validate(*xml, ro));
          continue;
        }
        emnpub::RenderResult r = engine.render(*xml, ro);
        print(r.warnings);
        if (!emnpub::cli::write_atomically(a.output, r.pdf, err)) {
          std::cerr << a.output << ": error: cannot write output: " << err << "\n";
          status = 1;
        }
      } catch (const emnpub::DocumentRefused& e) {
        print(e.diagnostics());
        status = 1;
      }
    }
    return status;
  } catch (const emnpub::DocumentRefused& e) {
    print(e.diagnostics());  // configuration (fonts, layouts) problems
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "emnpub: error: " << e.what() << "\n";
    return 1;
  }
}
