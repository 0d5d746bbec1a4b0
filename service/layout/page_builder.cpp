#include "layout/page_builder.hpp"

#include <algorithm>

#include "common/diagnostics.hpp"

namespace emnpub::layout {

namespace {

using K = VItem::Kind;

struct FrameState {
  std::vector<size_t> placed;     // item indices in this frame
  Fixed used = 0;
  std::vector<int> notes;         // footnote ids, in order
  Fixed notes_h = 0;              // footnote block height incl. separator
};

Fixed notes_height(const std::vector<int>& notes, const PageBuilderConfig& cfg) {
  if (notes.empty()) return 0;
  Fixed h = cfg.footnote_gap;
  for (int n : notes) h += (*cfg.footnotes)[static_cast<size_t>(n)].height;
  return h;
}

bool legal_break(const std::vector<VItem>& items, size_t k, size_t first) {
  if (k <= first) return false;
  const VItem& it = items[k];
  if (it.kind == K::Penalty) return it.penalty < kInf;
  if (it.kind == K::Glue) return items[k - 1].kind == K::Box;
  return false;
}

}  // namespace

PageBuildResult build_pages(std::vector<VItem>&& items, const PageBuilderConfig& cfg,
                            const std::string& source_name) {
  PageBuildResult res;
  const size_t n = items.size();
  size_t i = 0;
  int page = 0;
  std::vector<Frame> frames = cfg.frames(0);
  size_t frame_idx = 0;
  std::string running;
  bool want_recto = false;
  res.pages.emplace_back();

  auto next_frame = [&] {
    if (++frame_idx >= frames.size()) {
      ++page;
      if (page >= cfg.max_pages) {
        Diagnostics d;
        d.error(DiagKind::Limit, source_name, {}, "the document would need more than " +
                std::to_string(cfg.max_pages) + " pages, the limit for one request");
        throw DocumentRefused(std::move(d));
      }
      frames = cfg.frames(page);
      frame_idx = 0;
      res.pages.emplace_back();
      res.pages.back().running_title = running;
    }
  };

  while (i < n) {
    const Frame fr = frames[frame_idx];
    FrameState st;
    // Discardable items at the top of a frame go.
    while (i < n && items[i].kind != K::Box) ++i;
    if (i >= n) break;
    bool repeat = false;
    Fixed header_h = 0;
    const int rh = items[i].repeat_header;
    if (rh >= 0 && cfg.table_headers && static_cast<size_t>(rh) < cfg.table_headers->size()) {
      repeat = true;
      header_h = (*cfg.table_headers)[static_cast<size_t>(rh)].height;
      st.used = header_h;
    }
    const size_t first = i;
    while (i < n) {
      VItem& it = items[i];
      if (it.kind == K::Penalty) {
        if (it.penalty <= -kInf && !st.placed.empty()) {
          want_recto = it.recto;
          ++i;
          break;
        }
        st.placed.push_back(i++);
        continue;
      }
      if (it.kind == K::Glue) {
        if (st.used + it.height + st.notes_h > fr.height) { ++i; break; }  // break at this glue
        st.placed.push_back(i);
        st.used += it.height;
        ++i;
        continue;
      }
      // A box: does it fit with its footnotes?
      std::vector<int> notes = st.notes;
      for (int f : it.footnotes)
        if (std::find(notes.begin(), notes.end(), f) == notes.end()) notes.push_back(f);
      const Fixed nh = notes_height(notes, cfg);
      const bool any_box = std::any_of(st.placed.begin(), st.placed.end(),
                                       [&](size_t k) { return items[k].kind == K::Box; });
      if (st.used + it.height + nh <= fr.height || !any_box) {
        st.placed.push_back(i);
        st.used += it.height;
        st.notes = std::move(notes);
        st.notes_h = nh;
        ++i;
        continue;
      }
      // Does not fit: back up to the last legal breakpoint in this frame.
      size_t b = st.placed.size();
      while (b > 0 && !legal_break(items, st.placed[b - 1], first)) --b;
      if (b > 0) {
        const size_t brk = st.placed[b - 1];
        st.placed.resize(b - 1);
        i = brk + 1;
      }
      // else: break right before this box.
      break;
    }
    // Emit the frame.
    BuiltPage& pg = res.pages.back();
    Fixed y = fr.top;
    if (repeat) {
      VItem copy = (*cfg.table_headers)[static_cast<size_t>(rh)];
      pg.drawing.append(std::move(copy.drawing), fr.x, y);
      y += header_h;
    }
    // Trailing discardables don't count.
    while (!st.placed.empty() && items[st.placed.back()].kind != K::Box) st.placed.pop_back();
    std::vector<int> notes;
    for (size_t k : st.placed) {
      VItem& it = items[k];
      if (it.kind != K::Box) {
        if (it.kind == K::Glue) y += it.height;
        continue;
      }
      for (auto& id : it.ids) res.marks.push_back({std::move(id), page, y});
      for (auto& o : it.outline) res.outline.push_back({std::move(o), page, y});
      if (!it.running_title.empty()) {
        running = it.running_title;
        if (!pg.chapter_starts) pg.running_title = running;
        pg.chapter_starts = true;
      }
      for (int f : it.footnotes)
        if (std::find(notes.begin(), notes.end(), f) == notes.end()) notes.push_back(f);
      pg.drawing.append(std::move(it.drawing), fr.x, y);
      y += it.height;
      it.drawing = Drawing{};  // release as soon as placed
    }
    if (!pg.chapter_starts) pg.running_title = running;
    if (!notes.empty()) {
      const Fixed nh = notes_height(notes, cfg);
      Fixed ny = fr.top + fr.height - nh;
      Line sep;
      sep.x1 = fr.x;
      sep.x2 = fr.x + std::min(cfg.footnote_sep_width, fr.width);
      sep.y1 = sep.y2 = ny + cfg.footnote_gap / 2;
      sep.color = cfg.footnote_sep_color;
      sep.width = kPt / 2;
      pg.drawing.lines.push_back(sep);
      ny += cfg.footnote_gap;
      for (int f : notes) {
        Footnote fn = (*cfg.footnotes)[static_cast<size_t>(f)];
        for (auto& l : fn.lines) {
          if (l.kind == K::Box) pg.drawing.append(std::move(l.drawing), fr.x, ny);
          ny += l.height;
        }
      }
    }
    if (i < n) {
      next_frame();
      // A chapter that must open on a right-hand page: leave a verso blank.
      if (want_recto && frame_idx == 0 && cfg.is_recto && !cfg.is_recto(page)) {
        res.pages.back().blank = true;
        frame_idx = frames.size() - 1;
        next_frame();
      }
    }
    want_recto = false;
  }
  return res;
}

}  // namespace emnpub::layout
