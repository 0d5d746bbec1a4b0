#include "layout/column_filler.hpp"

#include <algorithm>

namespace emnpub::layout {

namespace {

using K = VItem::Kind;

// A split note keeps at least two lines on each side: one line alone under
// the rule, or alone under "(continued)", looks lost.
constexpr size_t kMinLinesBefore = 2;
constexpr size_t kMinLinesAfter = 2;

// A continued note may take at most this share of a column, so the body
// text of the page it continues on is not crowded out.
constexpr int kCarryShareNum = 3, kCarryShareDen = 4;

bool legal_break(const std::vector<VItem>& items, size_t k, size_t first) {
  if (k <= first) return false;
  const VItem& it = items[k];
  if (it.kind == K::Penalty) return it.penalty < kInf;
  if (it.kind == K::Glue) return items[k - 1].kind == K::Box;
  return false;
}

size_t skip_non_boxes(const Footnote& f, size_t k) {
  while (k < f.lines.size() && f.lines[k].kind != K::Box) ++k;
  return k;
}

// Item indices just after each box of the note: the places it may split.
std::vector<size_t> split_points(const Footnote& f) {
  std::vector<size_t> out;
  for (size_t k = 0; k < f.lines.size(); ++k)
    if (f.lines[k].kind == K::Box) out.push_back(k + 1);
  return out;
}

// Whether the note's own paragraph allows a break after its line ending
// at item s (BlockBuilder forbids one after a hyphenated line, and where it
// would leave an orphan or a widow). A split there is preferred, so a
// continued note seldom starts with the second half of a word; where no
// such point fits, the note still splits (at least two lines on each side)
// rather than leave its reference's column short by the whole note.
bool clean_split(const Footnote& f, size_t s) {
  return s >= f.lines.size() || f.lines[s].kind != K::Penalty || f.lines[s].penalty < kInf;
}

Fixed tail_space(const Footnote& f) { return f.height - note_lines_height(f, 0, f.lines.size()); }

const Footnote& note(const PageBuilderConfig& cfg, int id) { return (*cfg.footnotes)[static_cast<size_t>(id)]; }

// Appends to `out` the notes `it` references that the column does not set
// yet (neither whole nor as its split note) and `out` does not hold.
void add_new_notes(const VItem& it, const ColumnFill& f, std::vector<int>& out) {
  for (int id : it.footnotes)
    if (id != f.split_note && std::find(f.notes.begin(), f.notes.end(), id) == f.notes.end() &&
        std::find(out.begin(), out.end(), id) == out.end())
      out.push_back(id);
}

Fixed label_height(const PageBuilderConfig& cfg) {
  const VItem* label = cfg.continued_label ? cfg.continued_label() : nullptr;
  return label ? label->height : 0;
}

// A chapter's (or the document's) last lines alone on a page of their own
// look abandoned: when the lines left before the next forced break are
// few, they join this column and the space between its blocks gives way
// for them, by at most a share of each space.
constexpr size_t kMaxTailLines = 3;
constexpr int kShrinkNum = 1, kShrinkDen = 2;

// Runs on a finished column (f.used and f.notes_h final).
void squeeze_in_tail(const std::vector<VItem>& items, Fixed content_h, ColumnFill& f) {
  if (f.placed.empty() || f.notes_h > 0 || f.header >= 0) return;
  const size_t n = items.size();
  const size_t start = f.placed.back() + 1;
  size_t k = start, lines = 0;
  Fixed rest = 0, glue = 0;
  for (; k < n; ++k) {
    const VItem& it = items[k];
    if (it.kind == K::Penalty) {
      if (it.penalty <= -kInf) break;
      continue;
    }
    if (it.kind == K::Box) {
      if (++lines > kMaxTailLines || !it.footnotes.empty() || it.repeat_header >= 0 || it.wide) return;
    } else {
      glue += it.height;
    }
    rest += it.height;
  }
  if (lines == 0) return;
  for (size_t p : f.placed)
    if (items[p].kind == K::Glue) glue += items[p].height;
  const Fixed need = f.used + rest - content_h;
  if (need <= 0 || need > glue * kShrinkNum / kShrinkDen) return;
  for (size_t p = start; p < k; ++p) f.placed.push_back(p);
  f.squeeze = need;
  f.used = content_h;
  if (k < n) {
    f.forced = true;
    f.recto = items[k].recto;
    f.next = k + 1;
  } else {
    f.at_end = true;
    f.next = n;
  }
}

}  // namespace

Fixed note_lines_height(const Footnote& f, size_t from, size_t to) {
  Fixed h = 0;
  for (size_t k = from; k < to && k < f.lines.size(); ++k)
    if (f.lines[k].kind != K::Penalty) h += f.lines[k].height;
  return h;
}

ColumnFill fill_column(const std::vector<VItem>& items, size_t i, Fixed content_h, Fixed total_h,
                       NoteCarry carry, FillMode mode, bool must_place, const PageBuilderConfig& cfg) {
  ColumnFill f;
  const size_t n = items.size();
  // Discardable items at the top of a column go.
  while (i < n && items[i].kind != K::Box) ++i;
  f.first = i;

  // The continued part of a note split in the previous column comes first.
  Fixed carried_h = 0;
  if (carry.active() && cfg.footnotes) {
    const Footnote& fn = note(cfg, carry.note);
    const size_t from = skip_non_boxes(fn, carry.line);
    const Fixed cap = total_h * kCarryShareNum / kCarryShareDen;
    const Fixed whole = label_height(cfg) + note_lines_height(fn, from, fn.lines.size()) + tail_space(fn);
    f.carried_in = {carry.note, from};
    f.carried_end = fn.lines.size();
    carried_h = whole;
    if (whole > cap) {
      // Continue it once more: as many lines as fit, at least one.
      size_t end = 0, clean = 0;
      for (size_t s : split_points(fn)) {
        if (s <= from) continue;
        const bool fits = label_height(cfg) + note_lines_height(fn, from, s) <= cap;
        if (fits || end == 0) end = s;
        if (fits && clean_split(fn, s)) clean = s;
      }
      if (clean > 0) end = clean;
      if (end > from && skip_non_boxes(fn, end) < fn.lines.size()) {
        f.carried_end = end;
        carried_h = label_height(cfg) + note_lines_height(fn, from, end);
        f.carry_out = {carry.note, end};
      }
    }
  }
  auto area = [&](Fixed notes_total) {
    return (carried_h > 0 || notes_total > 0) ? cfg.footnote_gap + carried_h + notes_total : 0;
  };

  if (i < n && items[i].kind == K::Box) {
    const int rh = items[i].repeat_header;
    if (rh >= 0 && cfg.table_headers && static_cast<size_t>(rh) < cfg.table_headers->size()) {
      f.header = rh;
      f.used = (*cfg.table_headers)[static_cast<size_t>(rh)].height;
    }
  }
  Fixed notes_total = 0;  // whole notes and a split-off part
  f.notes_h = area(0);
  bool any_box = false;
  size_t split_box = 0;
  // Ends the column at the last legal breakpoint placed, which is dropped
  // (the next column starts after it); with none, right before item i.
  auto back_up = [&] {
    size_t b = f.placed.size();
    while (b > 0 && !legal_break(items, f.placed[b - 1], f.first)) --b;
    if (b > 0) {
      const size_t brk = f.placed[b - 1];
      f.placed.resize(b - 1);
      i = brk + 1;
    }
  };
  while (i < n) {
    const VItem& it = items[i];
    if (it.kind == K::Box) {
      if (mode == FillMode::Columns && it.wide) { f.at_wide = true; break; }
      if (mode == FillMode::Wide && !it.wide) { f.at_narrow = true; break; }
    }
    if (it.kind == K::Penalty) {
      if (it.penalty <= -kInf && any_box) {
        f.forced = true;
        f.recto = it.recto;
        ++i;
        break;
      }
      f.placed.push_back(i++);
      continue;
    }
    if (it.kind == K::Glue) {
      const bool fits = f.used + it.height <= content_h && f.used + it.height + f.notes_h <= total_h;
      if (fits) {
        f.placed.push_back(i++);
        f.used += it.height;
        continue;
      }
      // The column ends at a glue only where a break is legal: a glue
      // after a penalty belongs to what the penalty holds together (the
      // space under a heading that keeps with its text), so back up to
      // the last legal break instead, as for a box that does not fit.
      if (legal_break(items, i, f.first) || f.placed.empty()) {
        ++i;
        break;
      }
    }
    if (it.kind == K::Glue) {
      back_up();
      break;
    }
    // A box: does it fit with its footnotes?
    const bool split_done = f.split_note >= 0 || f.carry_out.active();
    std::vector<int> fresh;
    add_new_notes(it, f, fresh);
    Fixed fresh_h = 0;
    for (int id : fresh) fresh_h += note(cfg, id).height;
    const bool fits_content = f.used + it.height <= content_h;
    const bool fits = fits_content && f.used + it.height + area(notes_total + fresh_h) <= total_h &&
                      !(split_done && !fresh.empty());
    if (fits || (!any_box && must_place)) {
      f.placed.push_back(i++);
      f.used += it.height;
      for (int id : fresh) f.notes.push_back(id);
      notes_total += fresh_h;
      f.notes_h = area(notes_total);
      any_box = true;
      continue;
    }
    // The box fits but its notes do not: take the box and the lines that
    // cannot be parted from it (up to the next legal break), set their
    // notes, the last one only in part, and continue that one in the next
    // column.
    if (fits_content && !fresh.empty() && !split_done && cfg.footnotes) {
      size_t end = i + 1;
      Fixed group_h = it.height;
      std::vector<int> group_notes = fresh;
      while (end < n && !legal_break(items, end, f.first) &&
             !(items[end].kind == K::Penalty && items[end].penalty <= -kInf)) {
        const VItem& g = items[end];
        if (g.kind == K::Box && mode != FillMode::Single && g.wide != it.wide) break;
        if (g.kind != K::Penalty) group_h += g.height;
        add_new_notes(g, f, group_notes);
        ++end;
      }
      const int last = group_notes.back();
      const Footnote& fn = note(cfg, last);
      Fixed before = notes_total;
      for (int id : group_notes) before += note(cfg, id).height;
      before -= fn.height;
      const std::vector<size_t> pts = split_points(fn);
      size_t best = 0, clean = 0;
      if (f.used + group_h <= content_h)
        for (size_t k = kMinLinesBefore; k + kMinLinesAfter <= pts.size(); ++k) {
          const size_t s = pts[k - 1];
          if (f.used + group_h + area(before + note_lines_height(fn, 0, s)) > total_h) continue;
          best = s;
          if (clean_split(fn, s)) clean = s;
        }
      if (clean > 0) best = clean;
      if (best > 0) {
        for (; i < end; ++i) {
          f.placed.push_back(i);
          if (items[i].kind != K::Penalty) f.used += items[i].height;
        }
        group_notes.pop_back();
        for (int id : group_notes) f.notes.push_back(id);
        f.split_note = last;
        f.split_end = best;
        f.carry_out = {last, best};
        notes_total = before + note_lines_height(fn, 0, best);
        f.notes_h = area(notes_total);
        split_box = f.placed.back();
        any_box = true;
        continue;
      }
    }
    // Does not fit: back up to the last legal breakpoint in this column
    // (none: break right before this box).
    back_up();
    break;
  }
  if (i >= n) f.at_end = true;
  f.next = i;
  // Trailing discardables don't count.
  while (!f.placed.empty() && items[f.placed.back()].kind != K::Box) f.placed.pop_back();

  // After backing up, only the notes of the boxes still here remain.
  if (f.split_note >= 0 && std::find(f.placed.begin(), f.placed.end(), split_box) == f.placed.end()) {
    f.split_note = -1;
    f.split_end = 0;
    f.carry_out = {};
  }
  f.used = f.header >= 0 ? (*cfg.table_headers)[static_cast<size_t>(f.header)].height : 0;
  f.notes.clear();
  notes_total = 0;
  for (size_t k : f.placed) {
    const VItem& it = items[k];
    f.used += it.kind == K::Penalty ? 0 : it.height;
    const size_t had = f.notes.size();
    add_new_notes(it, f, f.notes);
    for (size_t k = had; k < f.notes.size(); ++k) notes_total += note(cfg, f.notes[k]).height;
  }
  if (f.split_note >= 0) notes_total += note_lines_height(note(cfg, f.split_note), 0, f.split_end);
  f.notes_h = area(notes_total);
  if (mode == FillMode::Single && !f.stopped() && f.split_note < 0 && !f.carry_out.active())
    squeeze_in_tail(items, content_h, f);
  return f;
}

}  // namespace emnpub::layout
