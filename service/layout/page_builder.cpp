#include "layout/page_builder.hpp"

#include <algorithm>

#include "common/diagnostics.hpp"
#include "layout/column_filler.hpp"

namespace emnpub::layout {

namespace {

using K = VItem::Kind;

// Balanced columns are searched to this precision.
constexpr Fixed kBalanceStep = kPt / 4;

struct Placement {
  PageBuildResult& res;
  std::vector<VItem>& items;
  const PageBuilderConfig& cfg;
  std::string running;  // chapter title in force
  int page = 0;

  // Each footnote line is placed once, so its drawing moves to the page.
  void footnote_lines(Drawing& d, Footnote& fn, size_t from, size_t to, Fixed x, Fixed& y) {
    for (size_t k = from; k < to && k < fn.lines.size(); ++k) {
      VItem& l = fn.lines[k];
      if (l.kind == K::Box) d.append(std::move(l.drawing), x, y);
      if (l.kind != K::Penalty) y += l.height;
    }
  }

  // Draws a column's content from `top` and its footnotes ending at
  // `notes_bottom`; the content's drawings are moved out of the list.
  void column(const ColumnFill& f, Fixed x, Fixed width, Fixed top, Fixed notes_bottom) {
    BuiltPage& pg = res.pages.back();
    Fixed y = top;
    if (f.header >= 0) {
      VItem copy = (*cfg.table_headers)[static_cast<size_t>(f.header)];
      pg.drawing.append(std::move(copy.drawing), x, y);
      y += copy.height;
    }
    // A squeezed column's spaces give up `f.squeeze` between them, each in
    // proportion to its height (the remainder of the division to the last).
    Fixed glue_total = 0;
    if (f.squeeze > 0)
      for (size_t k : f.placed)
        if (items[k].kind == K::Glue) glue_total += items[k].height;
    Fixed glue_seen = 0, squeezed = 0;
    for (size_t k : f.placed) {
      VItem& it = items[k];
      if (it.kind != K::Box) {
        if (it.kind == K::Glue) {
          y += it.height;
          if (glue_total > 0) {
            glue_seen += it.height;
            const Fixed upto = f.squeeze * glue_seen / glue_total;  // well within 64 bits: a page of heights
            y -= upto - squeezed;
            squeezed = upto;
          }
        }
        continue;
      }
      for (auto& id : it.ids) res.marks.push_back({std::move(id), page, y});
      for (auto& o : it.outline) res.outline.push_back({std::move(o), page, y});
      if (!it.running_title.empty()) {
        running = it.running_title;
        if (!pg.chapter_starts) pg.running_title = running;
        pg.chapter_starts = true;
      }
      pg.drawing.append(std::move(it.drawing), x, y);
      y += it.height;
      it.drawing = Drawing{};  // release as soon as placed
    }
    if (!pg.chapter_starts) pg.running_title = running;
    if (f.notes_h <= 0 || !cfg.footnotes) return;

    Fixed ny = notes_bottom - f.notes_h;
    // A continued note gets a rule across the column (as in book
    // typography), a note that starts here the short one.
    Line sep;
    sep.x1 = x;
    sep.x2 = x + (f.carried_in.active() ? width : std::min(cfg.footnote_sep_width, width));
    sep.y1 = sep.y2 = ny + cfg.footnote_gap / 2;
    sep.color = cfg.footnote_sep_color;
    sep.width = kPt / 2;
    pg.drawing.lines.push_back(sep);
    ny += cfg.footnote_gap;
    auto& notes = *cfg.footnotes;
    if (f.carried_in.active()) {
      Footnote& fn = notes[static_cast<size_t>(f.carried_in.note)];
      if (const VItem* label_item = cfg.continued_label ? cfg.continued_label() : nullptr) {
        Drawing label = label_item->drawing;
        pg.drawing.append(std::move(label), x, ny);
        ny += label_item->height;
      }
      footnote_lines(pg.drawing, fn, f.carried_in.line, f.carried_end, x, ny);
      if (f.carried_end >= fn.lines.size()) ny += fn.height - note_lines_height(fn, 0, fn.lines.size());
    }
    for (int id : f.notes) {
      Footnote& fn = notes[static_cast<size_t>(id)];
      footnote_lines(pg.drawing, fn, 0, fn.lines.size(), x, ny);
      ny += fn.height - note_lines_height(fn, 0, fn.lines.size());
    }
    if (f.split_note >= 0)
      footnote_lines(pg.drawing, notes[static_cast<size_t>(f.split_note)], 0, f.split_end, x, ny);
  }
};

// Up to `columns` columns of one band, each filled from where the previous
// one stopped, until the content stops (end, forced break, spanning item).
std::vector<ColumnFill> fill_band(const std::vector<VItem>& items, size_t i, size_t columns, Fixed content_h,
                                  Fixed total_h, NoteCarry carry, FillMode mode, bool must_place,
                                  const PageBuilderConfig& cfg) {
  std::vector<ColumnFill> out;
  for (size_t c = 0; c < columns; ++c) {
    ColumnFill f = fill_column(items, i, content_h, total_h, carry, mode, must_place, cfg);
    const bool empty = f.placed.empty() && !f.carried_in.active();
    i = f.next;
    carry = f.carry_out;
    const bool stop = f.stopped() || empty;
    out.push_back(std::move(f));
    if (stop || i >= items.size()) break;
  }
  return out;
}

bool same_stop(const ColumnFill& a, const ColumnFill& b) {
  return a.next == b.next && a.forced == b.forced && a.at_wide == b.at_wide && a.at_end == b.at_end &&
         a.carry_out.note == b.carry_out.note && a.carry_out.line == b.carry_out.line;
}

}  // namespace

struct PageBuilder::State {
  const PageBuilderConfig cfg;  // a copy: the builder outlives the caller's temporaries
  std::string source_name;
  Sink sink;
  PageBuildResult res;
  std::vector<VItem> items;  // the part of the list not yet placed (and the item before it)
  Placement out;
  size_t i = 0;              // next item to place
  NoteCarry carry;
  bool want_recto = false;
  bool page_filled = false;  // the current page is done; a next one opens when content follows

  State(const PageBuilderConfig& c, std::string name, Sink s)
      : cfg(c), source_name(std::move(name)), sink(std::move(s)), out{res, items, cfg, {}, 0} {
    res.pages.emplace_back();
  }

  bool more() const {
    size_t k = i;
    while (k < items.size() && items[k].kind != K::Box) ++k;
    return k < items.size() || carry.active();
  }

  // Whether the list fed so far decides the next page: three pages of
  // content follow, then a place where a column may break (so no column
  // filled from here can reach the end of what has been fed).
  bool decided() const {
    Fixed capacity = 0;
    for (const Frame& f : cfg.frames(out.page)) capacity += f.height;
    Fixed h = 0;
    for (size_t k = i; k < items.size(); ++k) {
      const VItem& it = items[k];
      if (it.kind != K::Penalty) h += it.height;
      if (h <= 3 * capacity || k == 0) continue;
      if (it.kind == K::Penalty ? it.penalty < kInf : it.kind == K::Glue && items[k - 1].kind == K::Box)
        return true;
    }
    return false;
  }

  void emit_current() {
    if (!sink) return;
    sink(std::move(res.pages.back()), out.page);
    res.pages.clear();
  }

  void new_page() {
    emit_current();
    ++out.page;
    if (out.page >= cfg.max_pages) {
      Diagnostics d;
      d.error(DiagKind::Limit, source_name, {}, "the document would need more than " +
              std::to_string(cfg.max_pages) + " pages, the limit for one request");
      throw DocumentRefused(std::move(d));
    }
    res.pages.emplace_back();
    res.pages.back().running_title = out.running;
  }

  // Drops placed items, keeping the one before `i` (a glue's legal break
  // looks back at it).
  void forget_placed() {
    if (i < 2 || i < items.size() / 2) return;
    const size_t drop = i - 1;
    items.erase(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(drop));
    i -= drop;
  }

  void fill_page() {
    const size_t n = items.size();
    const std::vector<Frame> frames = cfg.frames(out.page);
    const size_t ncol = frames.size();
    const Fixed page_top = frames.front().top;
    const Fixed bottom = frames.front().top + frames.front().height;
    const Fixed full_x = frames.front().x;
    const Fixed full_w = frames.back().x + frames.back().width - full_x;
    Fixed band_top = page_top;
    bool page_done = false;
    while (!page_done && more()) {
      const bool at_top = band_top == page_top;
      const Fixed h = bottom - band_top;
      size_t k = i;
      while (k < n && items[k].kind != K::Box) ++k;
      const bool wide_next = ncol > 1 && k < n && items[k].wide;
      if (wide_next) {
        // Items spanning every column, e.g. a statistics table.
        ColumnFill f = fill_column(items, i, h, h, carry, FillMode::Wide, at_top, cfg);
        if (f.placed.empty()) { page_done = true; break; }
        // Below it, more columns: its notes go right under it.
        const Fixed notes_bottom = f.at_narrow ? band_top + f.used + f.notes_h : bottom;
        out.column(f, full_x, full_w, band_top, notes_bottom);
        i = f.next;
        carry = f.carry_out;
        if (f.forced) { want_recto = f.recto; page_done = true; }
        else if (f.at_narrow) band_top = notes_bottom + cfg.band_gap;
        else page_done = true;
        if (band_top >= bottom) page_done = true;
        continue;
      }
      const FillMode mode = ncol > 1 ? FillMode::Columns : FillMode::Single;
      std::vector<ColumnFill> fills = fill_band(items, i, ncol, h, h, carry, mode, at_top, cfg);
      if (fills.empty() || (fills.front().placed.empty() && !fills.front().carried_in.active())) {
        page_done = true;
        break;
      }
      const ColumnFill& last = fills.back();
      const bool ends_here = last.forced || last.at_wide || last.at_end;
      Fixed content_h = h;
      // Where the columns' content ends on this page, balance them: the
      // least height at which they still hold the same content. Above a
      // spanning band their notes stay within that height.
      if (ncol > 1 && ends_here) {
        Fixed lo = 0, hi = h;
        std::vector<ColumnFill> best = fills;
        while (hi - lo > kBalanceStep) {
          const Fixed mid = lo + (hi - lo) / 2;
          std::vector<ColumnFill> trial =
              fill_band(items, i, ncol, mid, last.at_wide ? mid : h, carry, mode, at_top, cfg);
          if (!trial.empty() && same_stop(trial.back(), last)) {
            hi = mid;
            best = std::move(trial);
          } else {
            lo = mid;
          }
        }
        fills = std::move(best);
        content_h = hi;
      }
      const bool above_wide = fills.back().at_wide;
      if (above_wide) {
        // The band is as tall as its tallest column (an overfull box may
        // exceed the balanced height), notes included.
        content_h = 0;
        for (const auto& f : fills) content_h = std::max(content_h, f.used + f.notes_h);
      }
      for (size_t c = 0; c < fills.size(); ++c) {
        const Fixed notes_bottom = above_wide ? band_top + content_h : bottom;
        out.column(fills[c], frames[c].x, frames[c].width, band_top, notes_bottom);
      }
      i = fills.back().next;
      carry = fills.back().carry_out;
      if (fills.back().forced) {
        want_recto = fills.back().recto;
        page_done = true;
      } else if (above_wide) {
        band_top += content_h + cfg.band_gap;
        if (band_top >= bottom) page_done = true;
      } else {
        page_done = true;
      }
    }
  }
};

PageBuilder::PageBuilder(const PageBuilderConfig& cfg, std::string source_name, Sink sink)
    : st_(std::make_unique<State>(cfg, std::move(source_name), std::move(sink))) {}

PageBuilder::~PageBuilder() = default;

void PageBuilder::feed(std::vector<VItem>&& more) {
  State& s = *st_;
  if (s.items.empty()) {
    s.items = std::move(more);
  } else {
    const size_t need = s.items.size() + more.size();
    if (s.items.capacity() < need) s.items.reserve(std::max(need, 2 * s.items.capacity()));
    for (auto& it : more) s.items.push_back(std::move(it));
  }
  run(false);
}

void PageBuilder::run(bool final) {
  State& s = *st_;
  while (final || s.decided()) {
    if (!s.more()) break;
    if (s.page_filled) {
      s.new_page();
      // A chapter that must open on a right-hand page: leave a verso blank.
      if (s.want_recto && s.cfg.is_recto && !s.cfg.is_recto(s.out.page)) {
        s.res.pages.back().blank = true;
        s.new_page();
      }
      s.want_recto = false;
    }
    s.fill_page();
    s.page_filled = true;
    s.forget_placed();
  }
}

PageBuildResult PageBuilder::finish() {
  run(true);
  State& s = *st_;
  s.emit_current();
  s.res.page_count = s.out.page + 1;
  std::vector<VItem>().swap(s.items);
  return std::move(s.res);
}

PageBuildResult build_pages(std::vector<VItem>&& items, const PageBuilderConfig& cfg,
                            const std::string& source_name) {
  PageBuilder b(cfg, source_name);
  b.feed(std::move(items));
  return b.finish();
}

}  // namespace emnpub::layout
