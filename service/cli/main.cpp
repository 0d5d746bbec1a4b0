// emnpub command line: dispatches to the registered subcommands.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"

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

int usage_error(const std::string& msg) {
  std::cerr << "emnpub: " << msg << "\n" << usage_text();
  return 2;
}

}  // namespace emnpub::cli

int main(int argc, char** argv) {
  using namespace emnpub::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
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
        std::cout << usage_text();
        return 0;
      }
    return c.run(rest);
  }
  if (args[0].size() > 1 && args[0][0] == '-') return usage_error("unknown option " + args[0]);
  return usage_error("unknown command '" + args[0] + "'");
}
