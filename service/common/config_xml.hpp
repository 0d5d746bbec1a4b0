#pragma once
// A tiny read-only tree for the project's own configuration files (layouts,
// brand, font manifest). Every element and attribute keeps its line and
// column so a designer's mistake is reported as file:line:col.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"

namespace emnpub {

struct ConfigAttr {
  std::string name;
  std::string value;
  int line = 0;
  int column = 0;
};

struct ConfigNode {
  std::string name;
  int line = 0;
  int column = 0;
  std::vector<ConfigAttr> attrs;
  std::vector<ConfigNode> children;
  std::string text;  // concatenated character data, trimmed

  const ConfigAttr* attr(std::string_view n) const;
  std::optional<std::string> get(std::string_view n) const;
  SourcePos pos() const { return {line, column, {}}; }
  SourcePos pos_of(std::string_view attr_name) const;
};

// Parses a configuration file with no network, no DTD, no entities. Throws
// DocumentRefused (DiagKind::Layout) with a located message on any error.
ConfigNode read_config_xml(const std::string& path);
ConfigNode read_config_xml_string(std::string_view data, const std::string& name);

}  // namespace emnpub
