// Tables: widths from <colgroup> or from the content, a grid honouring
// colspan and rowspan, rows grouped so no rowspan is cut by a page break,
// header rows repeated at the top of every continuation page.
#include <algorithm>
#include <numeric>

#include "layout/block_builder.hpp"
#include "layout/inline_collector.hpp"
#include "style/strings.hpp"

namespace emnpub::layout {

using model::Block;
using model::BlockKind;
using model::RowGroup;

namespace {

struct GridCell {
  const model::TableCell* cell = nullptr;
  size_t row = 0, col = 0;
  int colspan = 1, rowspan = 1;
  RowGroup group = RowGroup::Body;
  std::vector<VItem> items;
  Fixed height = 0;
};

text::Align cell_align(model::CellAlign a, text::Align dflt) {
  switch (a) {
    case model::CellAlign::Left: return text::Align::Left;
    case model::CellAlign::Right:
    case model::CellAlign::Decimal: return text::Align::Right;
    case model::CellAlign::Center: return text::Align::Center;
    case model::CellAlign::Start: return text::Align::Start;
    case model::CellAlign::End: return text::Align::End;
    case model::CellAlign::Default: return dflt;
  }
  return dflt;
}

}  // namespace

void BlockBuilder::table(const Block& b) {
  const model::Table& t = b.table;
  const auto ts = ctx_.L.block({"table", b.cls, {}, b.lang, 0});
  const auto th = ctx_.L.block({"th", b.cls, {}, b.lang, 0});
  const auto td = ctx_.L.block({"td", b.cls, {}, b.lang, 0});
  const auto tf = ctx_.L.block({"tfoot", b.cls, {}, b.lang, 0});
  const auto cs = ctx_.L.block({"caption", b.cls, "table", b.lang, 0});
  // A table styled to span the columns of a multi-column page is set at the
  // full measure, all its items marked wide.
  if (ts.span_all && !spanning_ && ctx_.full_measure > width_) {
    spanning([&](BlockBuilder& wb) { wb.table(b); });
    return;
  }
  space(ts.space_before);

  // Caption above the table, numbered, kept with it.
  if (!t.caption.empty() || !b.id.empty()) {
    std::string number;
    if (auto it = ctx_.targets.find(b.id); !b.id.empty() && it != ctx_.targets.end()) number = it->second.number;
    auto base = span_style_for(cs, b.lang);
    std::vector<text::TextSpan> spans;
    spans.push_back({style::localized(style::Text::Table, b.lang) + (number.empty() ? "" : "\u00A0" + number) +
                         (t.caption.empty() ? "" : ". "),
                     apply_inline(ctx_.L, base, "caption-label"), -1, b.pos});
    collect_inlines(ctx_, t.caption, base, spans);
    const int first = text(std::move(spans), cs, "Caption", b.dir);
    if (first >= 0 && !b.id.empty()) out_[static_cast<size_t>(first)].ids.push_back(b.id);
    forbid_break();
    space(cs.space_after);
    forbid_break();
  }

  // Grid placement.
  std::vector<GridCell> cells;
  std::vector<std::vector<bool>> taken;
  size_t ncols = 0;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (taken.size() <= r) taken.resize(r + 1);
    size_t c = 0;
    for (const auto& cell : t.rows[r].cells) {
      while (c < taken[r].size() && taken[r][c]) ++c;
      GridCell g;
      g.cell = &cell;
      g.row = r;
      g.col = c;
      g.colspan = std::max(1, cell.colspan);
      g.rowspan = std::max(1, std::min<int>(cell.rowspan, static_cast<int>(t.rows.size() - r)));
      g.group = t.rows[r].group;
      for (size_t rr = r; rr < r + static_cast<size_t>(g.rowspan); ++rr) {
        if (taken.size() <= rr) taken.resize(rr + 1);
        if (taken[rr].size() < c + static_cast<size_t>(g.colspan)) taken[rr].resize(c + static_cast<size_t>(g.colspan), false);
        for (size_t cc = c; cc < c + static_cast<size_t>(g.colspan); ++cc) taken[rr][cc] = true;
      }
      c += static_cast<size_t>(g.colspan);
      ncols = std::max(ncols, c);
      cells.push_back(std::move(g));
    }
  }
  if (ncols == 0) return;
  ncols = std::max(ncols, t.columns.size());

  // Column widths: declared ones first, the rest in proportion to content.
  const Fixed avail = width_;
  std::vector<Fixed> width(ncols, 0);
  std::vector<bool> fixed(ncols, false);
  Fixed used = 0;
  for (size_t c = 0; c < t.columns.size() && c < ncols; ++c) {
    if (t.columns[c].percent) { width[c] = from_pt(to_pt(avail) * *t.columns[c].percent / 100.0); fixed[c] = true; }
    else if (t.columns[c].points) { width[c] = from_pt(*t.columns[c].points); fixed[c] = true; }
    used += width[c];
  }
  std::vector<int64_t> want(ncols, 1);
  for (const auto& g : cells) {
    if (g.colspan != 1) continue;
    int64_t len = static_cast<int64_t>(model::plain_text(g.cell->inlines).size());
    for (const auto& blk : g.cell->blocks) len += static_cast<int64_t>(model::plain_text(blk.inlines).size());
    // Long texts wrap; a square root keeps one long cell from taking over.
    int64_t w = 4;
    while (w * w < len * 16) ++w;
    want[g.col] = std::max(want[g.col], w);
  }
  int64_t want_sum = 0;
  for (size_t c = 0; c < ncols; ++c) if (!fixed[c]) want_sum += want[c];
  const Fixed rest = std::max<Fixed>(avail - used, 0);
  Fixed given = 0;
  for (size_t c = 0; c < ncols; ++c)
    if (!fixed[c]) { width[c] = want_sum ? mul_div(rest, want[c], want_sum) : 0; given += width[c]; }
  // Scale to the measure exactly.
  Fixed total = std::accumulate(width.begin(), width.end(), Fixed(0));
  if (total != avail && total > 0)
    for (auto& w : width) w = mul_div(w, avail, total);
  total = std::accumulate(width.begin(), width.end(), Fixed(0));
  width.back() += avail - total;
  std::vector<Fixed> xs(ncols + 1, indent_);
  for (size_t c = 0; c < ncols; ++c) xs[c + 1] = xs[c] + width[c];

  // Set each cell's content.
  const Fixed pad = td.padding;
  for (auto& g : cells) {
    const bool head = g.cell->header || g.group == RowGroup::Head;
    style::BlockStyle st = g.group == RowGroup::Foot ? tf : head ? th : td;
    st.align = cell_align(g.cell->align, st.align);
    st.space_before = st.space_after = 0;
    const Fixed x0 = xs[g.col] + pad;
    const Fixed w = xs[g.col + static_cast<size_t>(g.colspan)] - xs[g.col] - 2 * pad;
    BlockBuilder inner(ctx_, g.items, x0, w);
    auto paragraph = [&](const std::vector<model::Inline>& content, const std::string& lang, model::Dir dir) {
      std::vector<text::TextSpan> spans;
      collect_inlines(ctx_, content, span_style_for(st, lang), spans);
      style::BlockStyle ps = st;
      ps.indent_start = ps.indent_end = 0;
      ps.first_indent = 0;
      inner.text(std::move(spans), ps, head ? "TH" : "TD", dir);
    };
    if (!g.cell->inlines.empty()) paragraph(g.cell->inlines, g.cell->lang, g.cell->dir);
    for (size_t k = 0; k < g.cell->blocks.size(); ++k) {
      const Block& blk = g.cell->blocks[k];
      if (blk.kind == BlockKind::Paragraph) {
        if (k) inner.space(st.leading / 3);
        paragraph(blk.inlines, blk.lang, blk.dir);
      } else {
        std::vector<int> no_counters;
        inner.block(blk, 0, false, no_counters);
      }
    }
    while (!g.items.empty() && g.items.back().kind != VItem::Kind::Box) g.items.pop_back();
    VItem stacked = stack_box(std::move(g.items));
    g.height = stacked.height + 2 * pad;
    g.items.clear();
    g.items.push_back(std::move(stacked));
  }

  // Row heights.
  const size_t nrows = t.rows.size();
  std::vector<Fixed> rh(nrows, 0);
  for (const auto& g : cells)
    if (g.rowspan == 1) rh[g.row] = std::max(rh[g.row], g.height);
  for (const auto& g : cells) {
    if (g.rowspan == 1) continue;
    Fixed sum = 0;
    for (size_t r = g.row; r < g.row + static_cast<size_t>(g.rowspan); ++r) sum += rh[r];
    if (sum < g.height) rh[g.row + static_cast<size_t>(g.rowspan) - 1] += g.height - sum;
  }
  for (size_t r = 0; r < nrows; ++r) rh[r] = std::max(rh[r], td.leading + 2 * pad);

  // Row groups: cut only where no rowspan crosses.
  std::vector<size_t> group_end(nrows, 0);
  for (size_t r = 0; r < nrows; ++r) group_end[r] = r;
  for (const auto& g : cells)
    for (size_t r = g.row; r < g.row + static_cast<size_t>(g.rowspan); ++r)
      group_end[g.row] = std::max(group_end[g.row], g.row + static_cast<size_t>(g.rowspan) - 1);
  const Color rule = ts.has_border ? ts.border_color : Color{0xB8, 0xC2, 0xD6};
  int header_index = -1;
  bool first_body = true;
  std::vector<size_t> body_breaks;  // out_ indices of the penalties between body row groups
  size_t body_row = 0;
  for (size_t r = 0; r < nrows;) {
    size_t e = r;
    for (size_t k = r; k <= e; ++k) e = std::max(e, group_end[k]);
    VItem box;
    Fixed y = 0;
    std::vector<Fixed> row_top(nrows, 0);
    for (size_t k = r; k <= e; ++k) { row_top[k] = y; y += rh[k]; }
    box.height = y;
    const RowGroup grp = t.rows[r].group;
    // Backgrounds: header band, zebra stripes for body rows.
    for (size_t k = r; k <= e; ++k) {
      Rect bg;
      bg.x = indent_;
      bg.y = row_top[k];
      bg.w = avail;
      bg.h = rh[k];
      if (t.rows[k].group == RowGroup::Head && th.has_background) { bg.fill_color = th.background; box.drawing.rects.push_back(bg); }
      else if (t.rows[k].group == RowGroup::Foot && tf.has_background) { bg.fill_color = tf.background; box.drawing.rects.push_back(bg); }
      else if (t.rows[k].group == RowGroup::Body && ts.zebra && (body_row++ % 2 == 1)) { bg.fill_color = ts.zebra_color; box.drawing.rects.push_back(bg); }
    }
    for (auto& g : cells) {
      if (g.row < r || g.row > e) continue;
      Fixed span_h = 0;
      for (size_t k = g.row; k < g.row + static_cast<size_t>(g.rowspan); ++k) span_h += rh[k];
      if (g.cell->header && grp != RowGroup::Head && th.has_background) {
        Rect bg;
        bg.x = xs[g.col];
        bg.y = row_top[g.row];
        bg.w = xs[g.col + static_cast<size_t>(g.colspan)] - xs[g.col];
        bg.h = span_h;
        bg.fill_color = ts.zebra_color;
        box.drawing.rects.push_back(bg);
      }
      // Centre cell content vertically in spanned rows; top otherwise.
      const Fixed dy = g.rowspan > 1 ? (span_h - g.height) / 2 : 0;
      box.drawing.append(std::move(g.items[0].drawing), 0, row_top[g.row] + pad + dy);
      for (int f : g.items[0].footnotes) box.footnotes.push_back(f);
    }
    // Horizontal rules: a strong one under the header, hairlines elsewhere,
    // interrupted where a cell spans down across the row boundary.
    for (size_t k = r; k <= e; ++k) {
      std::vector<bool> crossed(ncols, false);
      for (const auto& g : cells)
        if (g.row <= k && k + 1 < g.row + static_cast<size_t>(g.rowspan))
          for (size_t c = g.col; c < g.col + static_cast<size_t>(g.colspan) && c < ncols; ++c) crossed[c] = true;
      const bool head_end = t.rows[k].group == RowGroup::Head && (k + 1 == nrows || t.rows[k + 1].group != RowGroup::Head);
      for (size_t c = 0; c < ncols;) {
        if (crossed[c]) { ++c; continue; }
        size_t end = c;
        while (end < ncols && !crossed[end]) ++end;
        Line l;
        l.x1 = c == 0 ? indent_ : xs[c];
        l.x2 = end == ncols ? indent_ + avail : xs[end];
        l.y1 = l.y2 = row_top[k] + rh[k];
        l.color = head_end ? ts.rule_color : rule;
        l.width = head_end ? ts.rule_width : kPt / 4;
        box.drawing.lines.push_back(l);
        c = end;
      }
    }
    if (grp == RowGroup::Head) {
      // The first header group is placed normally and remembered for repeats.
      header_index = static_cast<int>(ctx_.table_headers.size());
      ctx_.table_headers.push_back(box);
      out_.push_back(std::move(box));
      forbid_break();
    } else {
      if (!first_body) {
        VItem p;
        p.kind = VItem::Kind::Penalty;
        p.penalty = 0;
        body_breaks.push_back(out_.size());
        out_.push_back(std::move(p));
      }
      first_body = false;
      box.repeat_header = header_index;
      out_.push_back(std::move(box));
    }
    r = e + 1;
  }
  // No page break leaves fewer than two body rows on either side (as
  // widows and orphans); a short table moves whole.
  constexpr size_t kShortTableRows = 6;
  if (body_breaks.size() + 1 <= kShortTableRows) {
    for (size_t k : body_breaks) out_[k].penalty = kInf;
  } else {
    out_[body_breaks.front()].penalty = kInf;
    out_[body_breaks.back()].penalty = kInf;
  }
  space(ts.space_after);
}

}  // namespace emnpub::layout
