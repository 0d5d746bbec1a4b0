#include "layout/toc_builder.hpp"

#include <algorithm>

#include "layout/block_builder.hpp"
#include "layout/inline_collector.hpp"
#include "style/strings.hpp"

namespace emnpub::layout {

namespace {

// Right edge of the text on a line box (for the start of the leader).
Fixed text_end(const VItem& line) {
  Fixed end = 0;
  for (const auto& r : line.drawing.runs)
    for (const auto& g : r.glyphs) end = std::max(end, r.x + g.x + g.advance);
  return end;
}

}  // namespace

std::vector<VItem> build_toc(LayoutContext& ctx, const std::map<std::string, std::pair<int, std::string>>& pages,
                             Fixed measure) {
  std::vector<VItem> out;
  const style::Layout& L = ctx.L;
  const std::string& lang = ctx.doc.lang;
  BlockBuilder bb(ctx, out, 0, measure);
  const auto ts = L.block({"toc-title", {}, {}, lang, 0});
  bb.space(ts.space_before);
  const std::string contents = style::localized(style::Text::Contents, lang);
  const int t = bb.text({{contents, span_style_for(ts, lang), -1, {}}}, ts, "H1");
  if (t >= 0) {
    out[static_cast<size_t>(t)].outline.push_back({contents, 1});
    out[static_cast<size_t>(t)].running_title = contents;
  }
  bb.forbid_break();
  bb.space(ts.space_after);
  bb.forbid_break();

  for (const auto& e : ctx.toc) {
    if (e.level > L.toc_levels) continue;
    const auto es = L.block({"toc-entry", {}, {}, lang, e.level});
    const Fixed number_col = std::max<Fixed>(es.marker_width, 24 * kPt);
    const Fixed indent = es.indent_start;
    bb.space(es.space_before);
    // Title (with its number) wraps inside the space left of the page column.
    std::vector<VItem> lines;
    BlockBuilder tb(ctx, lines, indent, measure - indent - number_col - 6 * kPt);
    style::BlockStyle ls = es;
    ls.indent_start = ls.indent_end = ls.first_indent = 0;
    ls.align = text::Align::Start;
    auto base = span_style_for(ls, e.lang);
    std::vector<text::TextSpan> spans;
    if (!e.number.empty()) spans.push_back({e.number + "\u2002", apply_inline(L, base, "heading-number"), -1, {}});
    spans.push_back({e.title, base, -1, {}});
    tb.text(std::move(spans), ls, "TOCI");
    std::vector<VItem*> boxes;
    for (auto& l : lines)
      if (l.kind == VItem::Kind::Box) boxes.push_back(&l);
    if (boxes.empty()) continue;
    VItem& last = *boxes.back();
    const Fixed title_end = text_end(last);  // before the page number joins the line
    // Page label, right-aligned in the number column, on the last line.
    std::string label = "00";
    if (auto it = pages.find(e.id); it != pages.end()) label = it->second.second;
    std::vector<VItem> num;
    BlockBuilder nb(ctx, num, measure - number_col, number_col);
    style::BlockStyle ns = ls;
    ns.align = text::Align::Right;
    ns.hyphenate = false;
    nb.text({{label, span_style_for(ns, e.lang), -1, {}}}, ns, "Reference");
    for (auto& n : num)
      if (n.kind == VItem::Kind::Box) {
        for (auto& r : n.drawing.runs) last.drawing.runs.push_back(std::move(r));
        break;
      }
    // Dotted leader from the end of the title to the page number.
    const Fixed from = title_end + 4 * kPt;
    const Fixed to = measure - number_col + number_col / 2;
    if (to > from) {
      Line leader;
      leader.x1 = from;
      leader.x2 = to;
      leader.y1 = leader.y2 = baseline_in_box(ctx, ls) - kPt / 2;
      leader.color = es.rule_color;
      leader.width = kPt * 3 / 4;
      leader.dotted = true;
      last.drawing.lines.push_back(leader);
    }
    // The whole entry links to its section.
    Fixed h = 0;
    for (auto* b : boxes) h += b->height;
    boxes.front()->drawing.internal.push_back({indent, 0, measure - indent, h, e.id});
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i > 0 && lines[i].kind == VItem::Kind::Box && lines[i - 1].kind == VItem::Kind::Box) bb.forbid_break();
      if (lines[i].kind == VItem::Kind::Box) out.push_back(std::move(lines[i]));
    }
  }
  return out;
}

}  // namespace emnpub::layout
