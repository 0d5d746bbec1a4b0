#pragma once
// The property table of <style> rules: each property's name, the kind of
// value it takes, and how it sets a block or inline style. One table serves
// validation, error messages and docs/layouts.md.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "style/computed_style.hpp"

namespace emnpub::style {

struct PropertyContext {
  const std::map<std::string, Color>& colors;
  const std::map<std::string, std::string>& font_roles;
};

struct CompiledProperty {
  std::function<void(BlockStyle&)> block;    // null if not a block property
  std::function<void(InlineStyle&)> inl;     // null if not an inline property
};

// Compiles `name=value`; on error returns nullopt and sets `error` to a
// sentence naming the property and the allowed values.
std::optional<CompiledProperty> compile_property(const std::string& name, const std::string& value,
                                                 const PropertyContext& ctx, std::string& error);

// All property names, for "unknown property" messages.
const std::vector<std::string>& property_names();

}  // namespace emnpub::style
