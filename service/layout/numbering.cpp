#include "layout/layout_context.hpp"

namespace emnpub::layout {

std::string section_number(const std::vector<int>& counters, bool annex) {
  std::string s;
  for (size_t i = 0; i < counters.size(); ++i) {
    if (i) s += '.';
    if (i == 0 && annex) s += static_cast<char>('A' + (counters[0] - 1) % 26);
    else s += std::to_string(counters[i]);
  }
  return s;
}

namespace {

struct Numberer {
  LayoutContext& ctx;
  int tables = 0, figures = 0;

  void blocks(const std::vector<model::Block>& bs, std::vector<int>& counters, bool annex) {
    for (const auto& b : bs) block(b, counters, annex);
  }

  void block(const model::Block& b, std::vector<int>& counters, bool annex) {
    using K = model::BlockKind;
    if (b.kind == K::Section) {
      std::vector<int> mine = counters;
      std::string number;
      if (b.numbered) {
        mine.push_back(0);
        // The counter at this level counts numbered siblings only.
        mine.back() = ++sibling_counts[key(counters)];
        number = section_number(mine, annex);
      }
      if (!b.id.empty())
        ctx.targets[b.id] = {annex ? TargetInfo::Kind::Annex : TargetInfo::Kind::Section, number,
                             model::plain_text(b.title), -1, {}};
      std::vector<int> child = b.numbered ? mine : counters;
      blocks(b.blocks, child, annex);
      return;
    }
    if (b.kind == K::Table) {
      ++tables;
      if (!b.id.empty())
        ctx.targets[b.id] = {TargetInfo::Kind::Table, std::to_string(tables),
                             model::plain_text(b.table.caption), -1, {}};
    } else if (b.kind == K::Figure) {
      ++figures;
      if (!b.id.empty())
        ctx.targets[b.id] = {TargetInfo::Kind::Figure, std::to_string(figures),
                             model::plain_text(b.caption), -1, {}};
    } else if (!b.id.empty()) {
      ctx.targets[b.id] = {TargetInfo::Kind::Other, {}, model::plain_text(b.title), -1, {}};
    }
    blocks(b.blocks, counters, annex);
  }

  std::map<std::string, int> sibling_counts;
  static std::string key(const std::vector<int>& c) {
    std::string k = "k";
    for (int v : c) k += "." + std::to_string(v);
    return k;
  }
};

}  // namespace

void number_targets(LayoutContext& ctx) {
  Numberer n{ctx, 0, 0, {}};
  std::vector<int> body, annex;
  n.blocks(ctx.doc.body, body, false);
  n.sibling_counts.clear();
  n.blocks(ctx.doc.annexes, annex, true);
}

}  // namespace emnpub::layout
