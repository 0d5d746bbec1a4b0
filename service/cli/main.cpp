// emnpub command line: dispatches to the registered subcommands.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/heap_tuning.hpp"

namespace emnpub::cli {

namespace {

std::string usage_text() {
  auto cmds = commands();
  std::sort(cmds.begin(), cmds.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  std::string u = "usage:\n";
  for (const auto& c : cmds) u += c.usage;
  u += "       emnpub --version | --help\n\n";
  for (const auto& c : cmds) {
    u += "  " + c.name + std::string(c.name.size() < 10 ? 10 - c.name.size() : 1, ' ') + c.summary + "\n";
  }
  u += "\nexit status: 0 success, 1 document refused or failed, 2 usage error\n";
  return u;
}

}  // namespace

#ifdef EMNPUB_FULL_BINARY
// Built with EMNPUB_FULL_BINARY=<file name>, this binary holds only the
// commands that need no Poco (render, validate): Poco's libraries are
// linked -z now, and binding their ~10,000 symbols cost more at every start
// than a whole page of layout. Every other command, --help and every usage
// error is handled by exec'ing the full binary (all commands) from this
// binary's own folder with the same arguments, so behaviour, exit status and
// process id stay those of the full binary.
namespace {
char** g_argv = nullptr;  // set once in main() before any command runs; read-only after
}

[[noreturn]] void exec_full_binary() {
  std::string self(4096, '\0');
  const ssize_t n = readlink("/proc/self/exe", self.data(), self.size() - 1);
  std::string path = EMNPUB_FULL_BINARY;
  if (n > 0) {
    self.resize(static_cast<size_t>(n));
    path = self.substr(0, self.rfind('/') + 1) + EMNPUB_FULL_BINARY;
  }
  std::cout.flush();
  std::cerr.flush();
  execv(path.c_str(), g_argv);
  std::fprintf(stderr, "emnpub: cannot run %s: ", path.c_str());
  std::perror(nullptr);
  std::_Exit(2);
}

int usage_error(const std::string&) { exec_full_binary(); }
#else
int usage_error(const std::string& msg) {
  std::cerr << "emnpub: " << msg << "\n" << usage_text();
  return 2;
}
#endif

}  // namespace emnpub::cli

int main(int argc, char** argv) {
  using namespace emnpub::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
#ifdef EMNPUB_FULL_BINARY
  g_argv = argv;
  // --help lists every command: the full binary knows them all.
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") exec_full_binary();
#endif
  if (args.empty()) return usage_error("no command given");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << usage_text();
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "emnpub " << EMNPUB_VERSION << "\n";
    return 0;
  }
  for (const auto& c : commands()) {
    if (c.name != args[0]) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& a : rest)
      if (a == "--help" || a == "-h") {
#ifdef EMNPUB_FULL_BINARY
        exec_full_binary();
#endif
        std::cout << usage_text();
        return 0;
      }
#ifdef EMNPUB_FULL_BINARY
    // Before the command starts any thread. Not for --version or --help:
    // preparing the heap costs a few huge-page faults that only a render
    // pays back.
    use_huge_page_heap();
    // One command per process: skip static destructors and library
    // clean-up hooks; everything is flushed and the output renamed already.
    const int rc = c.run(rest);
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(rc);
#else
    return c.run(rest);
#endif
  }
#ifdef EMNPUB_FULL_BINARY
  exec_full_binary();  // a command this binary does not hold, or a bad one
#endif
  if (args[0].size() > 1 && args[0][0] == '-') return usage_error("unknown option " + args[0]);
  return usage_error("unknown command '" + args[0] + "'");
}
