#pragma once
#include <string>

namespace emnpub {

// Structure role of a piece of content, for tagged PDF (P, H1, LI, TD, ...).
// Items of one logical element share a struct_id (0 = artifact: page furniture).
struct Tag {
  std::string role;      // PDF standard structure type name, e.g. "P", "H2"
  int struct_id = 0;     // identifies the element; 0 for artifacts
  std::string lang;      // BCP 47, empty = inherit document language
};

}  // namespace emnpub
