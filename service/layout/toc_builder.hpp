#pragma once
// The table of contents: one entry per heading down to the layout's level,
// number and title, a dotted leader and the page label, each a link.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "layout/layout_context.hpp"

namespace emnpub::layout {

// pages: mark id → (physical page, label) from the previous layout pass;
// entries not found there show "00", which has the width of most numbers,
// so the contents keep their length when the real numbers come in.
std::vector<VItem> build_toc(LayoutContext& ctx, const std::map<std::string, std::pair<int, std::string>>& pages,
                             Fixed measure);

}  // namespace emnpub::layout
