#pragma once
// Model blocks → vertical list items at a given indent and measure.
#include <vector>

#include "layout/layout_context.hpp"
#include "style/computed_style.hpp"

namespace emnpub::layout {

class BlockBuilder {
 public:
  BlockBuilder(LayoutContext& ctx, std::vector<VItem>& out, Fixed indent, Fixed width)
      : ctx_(ctx), out_(out), indent_(indent), width_(width) {}

  void blocks(const std::vector<model::Block>& bs, int section_level, bool annex,
              std::vector<int>& counters);
  void block(const model::Block& b, int section_level, bool annex, std::vector<int>& counters);

  // Sets text as lines (boxes with widow/orphan penalties). Returns the index
  // in `out` of the first line box, or -1 when nothing was set. The text's
  // structure element gets `struct_id`, one taken earlier with
  // LayoutContext::next_struct(), or by default the next one. With
  // `hang_label`, the first span is a label (a heading's number) and wrapped
  // lines start after it (text::ParagraphSpec::hang_first_span).
  int text(std::vector<text::TextSpan> spans, const style::BlockStyle& st, const std::string& role,
           model::Dir dir = model::Dir::Auto, Fixed extra_indent = 0, Fixed extra_end = 0, int struct_id = 0,
           bool hang_label = false);

  void space(Fixed h);
  void forbid_break();

 private:
  void section(const model::Block& b, int level, bool annex, std::vector<int>& counters);
  void list(const model::Block& b, int level, bool annex, std::vector<int>& counters);
  void boxed(const model::Block& b, int level, bool annex, std::vector<int>& counters);
  void quote(const model::Block& b, int level, bool annex, std::vector<int>& counters);
  void item(const model::Block& b, int level, bool annex, std::vector<int>& counters);
  void pre(const model::Block& b);
  void deflist(const model::Block& b, int level, bool annex, std::vector<int>& counters);
  void table(const model::Block& b);
  void figure(const model::Block& b);

  // Sets a block across every column into out_, items marked wide.
  template <class F>
  void spanning(F&& build);

  LayoutContext& ctx_;
  std::vector<VItem>& out_;
  Fixed indent_, width_;
  bool spanning_ = false;  // already set across every column
};

template <class F>
void BlockBuilder::spanning(F&& build) {
  std::vector<VItem> wide;
  BlockBuilder wb(ctx_, wide, 0, ctx_.full_measure);
  wb.spanning_ = true;
  build(wb);
  for (auto& it : wide) it.wide = true;
  for (auto& it : wide) out_.push_back(std::move(it));
}

// Stacks a vertical list into one unbreakable box (glue kept as space).
VItem stack_box(std::vector<VItem>&& items);

// Baseline of the first line in a line box of this style (half-leading model).
Fixed baseline_in_box(const LayoutContext& ctx, const style::BlockStyle& st);

// The list marker for item n (1-based) in a list style.
std::string list_marker(model::ListStyle s, int n);

}  // namespace emnpub::layout
