#pragma once
// Subcommands of the emnpub binary. Each lives in its own file and
// registers itself with a static Registration, so adding a command touches
// no other file.
#include <functional>
#include <string>
#include <vector>

namespace emnpub::cli {

struct Command {
  std::string name;
  std::string usage;     // one or more usage lines, shown by --help
  std::string summary;   // one line
  // Receives the arguments after the command name; returns the exit status
  // (0 ok, 1 refused/failed, 2 usage).
  std::function<int(const std::vector<std::string>& args)> run;
};

std::vector<Command>& commands();

struct Registration {
  explicit Registration(Command c) { commands().push_back(std::move(c)); }
};

// Prints "emnpub: MSG" and the usage to stderr; returns 2.
int usage_error(const std::string& msg);

}  // namespace emnpub::cli
