#pragma once
// Where each element of the parsed tree starts in the input (line and column
// of its '<'), and its element path. libxml2 keeps only a line per node (and
// for validation errors no column), so the safe reader records start tags as
// they are parsed and every later stage asks this map.
#include <libxml/tree.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "common/shared_text.hpp"
#include "common/source_pos.hpp"

namespace emnpub::xml {

struct LineCol {
  int line = 0;
  int column = 0;
};

class SourceMap {
 public:
  void record(const xmlNode* element, LineCol at) { starts_[element] = at; }

  // Line/column of the element (or of the nearest element around a text or
  // attribute node) plus its path. Unknown nodes fall back to libxml2's line.
  SourcePos pos(const xmlNode* n) const;
  LineCol start_of(const xmlNode* n) const;

  // element_path(n), but sibling indexes are computed once per parent and
  // cached, so reporting thousands of problems stays linear. (A SourceMap
  // belongs to one parse on one thread; the cache is not shared.)
  std::string path(const xmlNode* n) const;

 private:
  const std::string& sibling_suffix(const xmlNode* element) const;

  std::unordered_map<const xmlNode*, LineCol> starts_;
  mutable std::unordered_map<const xmlNode*, std::string> suffixes_;
};

// XPath-like element path, /publication/body/section[2]/p[4]: an [n] index
// only where the name repeats among siblings (as xmlGetNodePath does).
std::string element_path(const xmlNode* n);

// Paths of the element children of `parent`, computed in one pass over the
// siblings (the model builder needs a path for every node).
struct ChildPath {
  const xmlNode* node;
  SharedText path;  // shared by the SourcePos of everything built from the node
};
std::vector<ChildPath> child_paths(const xmlNode* parent, const std::string& parent_path);

}  // namespace emnpub::xml
