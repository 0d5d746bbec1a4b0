#include <iostream>

#include "cli/command.hpp"

namespace emnpub::cli {

std::vector<Command>& commands() {
  static std::vector<Command> list;
  return list;
}

}  // namespace emnpub::cli
