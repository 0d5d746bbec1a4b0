#include "text/paragraph_setter.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "text/balanced_breaks.hpp"
#include "text/bidi_reorder.hpp"
#include "text/break_opportunities.hpp"
#include "text/font_registry.hpp"
#include "text/hyphenation_rules.hpp"
#include "text/hyphenator.hpp"
#include "text/knuth_plass.hpp"
#include "text/paragraph_prefetch.hpp"
#include "text/shaper.hpp"

namespace emnpub::text {

namespace {

// Breaks inside a word too long for the measure: allowed, but discouraged.
constexpr int kEmergencyPenalty = 5000;

bool is_space(uint32_t cp) { return cp == 0x20 || cp == 0x09 || cp == 0x0A || cp == 0x0D; }

// What each break item stands for, so lines can be rebuilt from breaks.
struct Atom {
  enum Kind { Fragment, Space, Hyphen, Empty } kind = Empty;
  size_t run = 0;                 // ItemRun index
  const ShapedText* shaped = nullptr;
  size_t piece_begin = 0;         // paragraph byte offset of the shaped text
  size_t piece_end = 0;
  uint32_t g0 = 0, g1 = 0;        // glyph range in `shaped`
  Fixed width = 0;                // natural width: the scaled advances of [g0, g1)
};

struct Builder {
  const ParagraphSpec& spec;
  const std::string& text;
  const Itemized& items;
  Shaper& shaper;
  const HyphenatorCache& hyph;
  std::unordered_map<std::string, std::vector<size_t>>& hyph_cache;
  std::vector<BreakItem> list;
  std::vector<Atom> atoms;
  bool hyphenate = true;  // false for the first, hyphen-free attempt

  const SpanStyle& style_of(size_t run) const { return spec.spans[items.runs[run].span].style; }

  Fixed scaled(int64_t units, size_t run) const {
    return scale_units(units, style_of(run).size, items.runs[run].face->upem());
  }

  size_t push(BreakItem it, Atom a) {
    it.source = static_cast<uint32_t>(atoms.size());
    atoms.push_back(std::move(a));
    list.push_back(it);
    return list.size() - 1;
  }

  void push_box(Atom a) {
    BreakItem b{};
    b.type = ItemType::Box;
    b.width = a.width;
    push(b, std::move(a));
  }

  void push_penalty(Fixed width, int penalty, bool flagged, Atom a = {}) {
    BreakItem p{};
    p.type = ItemType::Penalty;
    p.width = width;
    p.penalty = penalty;
    p.flagged = flagged;
    push(p, std::move(a));
  }

  void push_glue(Fixed w, Fixed stretch, Fixed shrink, Atom a = {}) {
    BreakItem g{};
    g.type = ItemType::Glue;
    g.width = w;
    g.stretch = stretch;
    g.shrink = shrink;
    push(g, std::move(a));
  }

  bool justified() const { return spec.align == Align::Justify; }

  // Natural width of the items that set the first span, at most `cap`:
  // the hang of ParagraphSpec::hang_first_span.
  Fixed first_span_width(Fixed cap) const {
    Fixed w = 0;
    for (const BreakItem& it : list) {
      const Atom& a = atoms[it.source];
      if (a.kind != Atom::Empty && items.runs[a.run].span != 0) break;
      if (it.type != ItemType::Penalty) w += it.width;
    }
    return std::min(w, cap);
  }

  // A break opportunity between words: justified text breaks at the
  // stretchable space; ragged text uses Knuth and Plass's encoding, so the
  // raggedness is in the line-end glue and interior spaces keep their width.
  void push_space(Atom space, size_t run) {
    const Fixed w = space.width;
    if (justified()) {
      push_glue(w, w / 2, w / 3, std::move(space));
    } else {
      const Fixed r = 2 * style_of(run).size;
      push_penalty(0, kInfPenalty, false);  // the +r glue itself is no break
      push_glue(0, r, 0);
      push_penalty(0, 0, false);
      push_glue(w, -r, 0, std::move(space));
    }
  }

  // A word space of run `run` at paragraph offset `at`: drawn as the run's
  // face's space glyph, as wide as that glyph.
  Atom space_atom(size_t run, size_t at) const {
    const auto& face = items.runs[run].face;
    Atom a;
    a.kind = Atom::Space;
    a.run = run;
    a.piece_begin = at;
    a.width = scaled(face->advance(face->glyph_for(' ')), run);
    return a;
  }

  // A no-break space (U+00A0) inside a word: the same space as between
  // words, but never a break (TeX's tie "~"). Justified, it stretches and
  // shrinks with the others, as CSS counts it among the word separators;
  // kept rigid, "section 1 on page 1" left two real spaces on its line to
  // take all the slack.
  void push_tie(Atom space) {
    const Fixed w = space.width;
    push_penalty(0, kInfPenalty, false);
    if (justified()) push_glue(w, w / 2, w / 3, std::move(space));
    else push_glue(w, 0, 0, std::move(space));
  }

  void push_break_point(size_t run) {
    if (justified()) {
      push_penalty(0, 0, false);
    } else {
      const Fixed r = 2 * style_of(run).size;
      push_penalty(0, kInfPenalty, false);
      push_glue(0, r, 0);
      push_penalty(0, 0, false);
      push_glue(0, -r, 0);
    }
  }

  void push_fil() {
    BreakItem g = BreakItem::make_glue(0, kPt, 0, 0, 1);
    push(g, {});
  }

  // Shapes [b, e) of run `ri` and returns an atom covering all of it.
  Atom shape_piece(size_t ri, size_t b, size_t e) {
    const ItemRun& r = items.runs[ri];
    const SpanStyle& st = style_of(ri);
    ShapeRequest req;
    req.face = r.face.get();
    req.text = std::string_view(text).substr(b, e - b);
    req.lang = st.lang;
    req.script = r.script;
    req.rtl = (r.level & 1) != 0;
    req.features = st.features;
    const ShapedText& s = shaper.shape(req);
    Atom a;
    a.kind = Atom::Fragment;
    a.run = ri;
    a.shaped = &s;
    a.piece_begin = b;
    a.piece_end = e;
    a.g0 = 0;
    a.g1 = static_cast<uint32_t>(s.glyphs.size());
    for (const auto& g : s.glyphs) a.width += scaled(g.x_advance, ri);
    return a;
  }

  Atom slice(const Atom& a, uint32_t g0, uint32_t g1) const {
    Atom s = a;
    s.g0 = g0;
    s.g1 = g1;
    s.width = 0;
    for (uint32_t k = g0; k < g1; ++k) s.width += scaled(a.shaped->glyphs[k].x_advance, a.run);
    return s;
  }

  // Glyph indices (in an LTR atom) where a new cluster starts at byte offset
  // `at` (paragraph offset): valid split points.
  static int split_index(const Atom& a, size_t at) {
    for (uint32_t i = a.g0; i < a.g1; ++i)
      if (a.piece_begin + a.shaped->glyphs[i].cluster == at) return static_cast<int>(i);
    return -1;
  }

  Fixed hyphen_width(size_t run) const {
    const auto& face = items.runs[run].face;
    return scaled(face->advance(face->glyph_for('-')), run);
  }

  // Emits the boxes of one word [wb, we), made of runs, with hyphenation
  // points and emergency break points as penalties between fragments.
  // Per-word scratch, reused so setting a word allocates nothing of its own.
  std::vector<Atom> scratch_pieces;
  std::vector<size_t> scratch_points;
  std::vector<std::pair<uint32_t, bool>> scratch_cuts;
  std::string scratch_key;

  void push_word(size_t wb, size_t we, size_t first_run, Fixed min_width) {
    std::vector<Atom>& pieces = scratch_pieces;
    pieces.clear();
    for (size_t ri = first_run; ri < items.runs.size() && items.runs[ri].begin < we; ++ri) {
      const size_t b = std::max(wb, items.runs[ri].begin);
      const size_t e = std::min(we, items.runs[ri].end);
      if (b < e) pieces.push_back(shape_piece(ri, b, e));
    }
    Fixed total = 0;
    for (const auto& p : pieces) total += p.width;

    // Hyphenation points (paragraph byte offsets) for a single-run LTR word.
    std::vector<size_t>& points = scratch_points;
    points.clear();
    if (pieces.size() == 1 && (items.runs[pieces[0].run].level & 1) == 0) {
      const SpanStyle& st = style_of(pieces[0].run);
      const std::string_view word = std::string_view(text).substr(wb, we - wb);
      if (!(st.hyphenate && hyphenate) && word.find("\xC2\xAD") != std::string_view::npos) {
        // The author's soft hyphens are break points in every pass, and
        // also where automatic hyphenation is off (as CSS hyphens: manual).
        for (size_t off : plan_word(word, HyphenationRules{}, HyphenMins{}).soft_hyphens)
          points.push_back(wb + off);
      } else if (st.hyphenate && hyphenate) {
        std::string& key = scratch_key;
        key.assign(st.lang);
        key.append(1, '\0').append(word);
        auto it = hyph_cache.find(key);
        if (it == hyph_cache.end())
          it = hyph_cache.emplace(key, hyphenation_points(hyph, st.lang, word, spec.tunables.min_word)).first;
        for (size_t off : it->second) points.push_back(wb + off);
      }
    }
    const bool emergency = total > min_width;
    for (size_t pi = 0; pi < pieces.size(); ++pi) {
      Atom& p = pieces[pi];
      const bool rtl = (items.runs[p.run].level & 1) != 0;
      std::vector<std::pair<uint32_t, bool>>& cuts = scratch_cuts;  // glyph index, is hyphen point
      cuts.clear();
      if (!rtl) {
        for (size_t at : points) {
          const int gi = split_index(p, at);
          if (gi > 0) cuts.push_back({static_cast<uint32_t>(gi), true});
        }
        if (emergency) {
          for (uint32_t i = p.g0 + 1; i < p.g1; ++i)
            if (p.shaped->glyphs[i].cluster != p.shaped->glyphs[i - 1].cluster)
              cuts.push_back({i, false});
        }
      } else if (emergency) {
        for (uint32_t i = p.g0 + 1; i < p.g1; ++i)
          if (p.shaped->glyphs[i].cluster != p.shaped->glyphs[i - 1].cluster)
            cuts.push_back({i, false});
      }
      // At one glyph index a hyphenation point wins over an emergency cut
      // (unique keeps the first): the line gets its hyphen.
      std::sort(cuts.begin(), cuts.end(),
                [](const auto& x, const auto& y) { return x.first != y.first ? x.first < y.first : x.second > y.second; });
      cuts.erase(std::unique(cuts.begin(), cuts.end(),
                             [](auto& x, auto& y) { return x.first == y.first; }),
                 cuts.end());
      uint32_t start = p.g0;
      for (const auto& [gi, hyphen] : cuts) {
        push_box(slice(p, start, gi));
        if (hyphen) {
          Atom h;
          h.kind = Atom::Hyphen;
          h.run = p.run;
          h.width = hyphen_width(p.run);
          push_penalty(h.width, spec.tunables.hyphen_penalty, true, std::move(h));
        } else {
          push_penalty(0, kEmergencyPenalty, false);
        }
        start = gi;
      }
      push_box(slice(p, start, p.g1));
    }
  }
};

size_t run_at(const Itemized& items, size_t offset, size_t hint) {
  size_t r = hint;
  while (r + 1 < items.runs.size() && items.runs[r].end <= offset) ++r;
  return r;
}

}  // namespace

namespace {

void key_append(std::string& k, const void* p, size_t n) { k.append(static_cast<const char*>(p), n); }
template <typename T>
void key_pod(std::string& k, const T& v) { key_append(k, &v, sizeof v); }
void key_str(std::string& k, const std::string& s) {
  key_pod(k, s.size());
  k += s;
}

}  // namespace

std::string ParagraphSetter::key_of(const ParagraphSpec& spec) {
  std::string k;
  k.reserve(256);
  key_pod(k, spec.align);
  key_pod(k, spec.dir);
  key_pod(k, spec.width);
  key_pod(k, spec.first_indent);
  key_pod(k, spec.balance);
  key_pod(k, spec.hang_first_span);
  const BreakTunables& t = spec.tunables;
  for (int v : {t.tolerance, t.pretolerance, t.line_penalty, t.hyphen_penalty, t.double_hyphen_demerits,
                t.final_hyphen_demerits, t.adj_demerits, t.looseness, t.min_word, t.min_last_line,
                t.short_last_line_demerits})
    key_pod(k, v);
  key_pod(k, t.emergency_stretch);
  for (const auto& sp : spec.spans) {
    key_str(k, sp.text);
    const SpanStyle& st = sp.style;
    key_str(k, st.family);
    key_pod(k, st.weight);
    key_pod(k, st.italic);
    key_pod(k, st.size);
    key_pod(k, st.color);
    key_str(k, st.lang);
    key_str(k, st.features);
    key_pod(k, st.hyphenate);
    key_pod(k, st.baseline_shift);
    key_pod(k, sp.anchor);
  }
  return k;
}

namespace {

// A paragraph's lines without their glyph runs.
SetParagraph metrics_of(const SetParagraph& p) {
  SetParagraph m;
  m.missing = p.missing;
  m.rtl = p.rtl;
  m.overfull = p.overfull;
  m.demerits = p.demerits;
  m.lines.reserve(p.lines.size());
  for (const SetLine& l : p.lines) {
    SetLine x;
    x.width = l.width;
    x.ascent = l.ascent;
    x.descent = l.descent;
    x.anchors = l.anchors;
    x.hyphenated = l.hyphenated;
    x.glyph_count = l.glyph_count;
    m.lines.push_back(std::move(x));
  }
  return m;
}

}  // namespace

size_t set_paragraph_bytes(const SetParagraph& p) {
  size_t n = sizeof(SetParagraph) + p.lines.capacity() * sizeof(SetLine);
  for (const SetLine& l : p.lines) {
    n += l.runs.capacity() * sizeof(GlyphRun) + l.anchors.capacity() * sizeof(AnchorExtent);
    for (const GlyphRun& r : l.runs)
      n += r.glyphs.capacity() * sizeof(PlacedGlyph) + r.clusters.capacity() * sizeof(GlyphCluster) +
           r.text.capacity() + r.tag.role.capacity() + r.tag.lang.capacity();
  }
  return n;
}

SetParagraph ParagraphSetter::set(const ParagraphSpec& spec, Want want) {
  if (record_) {
    record_(spec);
    SetParagraph placeholder;
    placeholder.lines.emplace_back().width = spec.width;
    return placeholder;
  }
  if (prefetch_) prefetch_->asked();
  std::string key = key_of(spec);
  auto it = para_cache_.find(key);
  if (it != para_cache_.end()) {
    ++para_hits_;
    if (!hand_over_) ++it->second.uses;
  } else {
    std::optional<SetParagraph> ahead;
    if (prefetch_) ahead = prefetch_->take(key);
    SetParagraph fresh = ahead ? std::move(*ahead) : set_uncached(spec);
    // A pass that hands lines over keeps no new paragraph, except one of a
    // single line: page furniture and list markers recur on every page,
    // and their lines are small.
    const bool handing_over = hand_over_ && want == Want::Glyphs;
    if (handing_over && fresh.lines.size() > 1) return fresh;
    const size_t bytes = set_paragraph_bytes(fresh) + key.capacity();
    if (cache_bytes_ + bytes > cache_budget_) return want == Want::Metrics ? metrics_of(fresh) : fresh;
    cache_bytes_ += bytes;
    it = para_cache_.emplace(std::move(key), Cached{std::move(fresh), bytes, handing_over ? kKept : 1}).first;
  }
  SetParagraph out;
  if (want == Want::Metrics) {
    out = metrics_of(it->second.paragraph);
  } else if (hand_over_ && --it->second.uses == 0) {
    // The last of the uses the measuring pass counted: no copy.
    out = std::move(it->second.paragraph);
    cache_bytes_ -= it->second.bytes;
    para_cache_.erase(it);
  } else {
    out = it->second.paragraph;
  }
  // Source positions are not part of the key: take the caller's.
  for (auto& m : out.missing) m.span = std::min(m.span, spec.spans.size() - 1);
  return out;
}

SetParagraph ParagraphSetter::set_uncached(const ParagraphSpec& spec) {
  SetParagraph out;
  // Logical text and span ranges.
  std::string text;
  std::vector<SpanRange> ranges;
  for (const auto& s : spec.spans) {
    ranges.push_back({text.size(), text.size() + s.text.size()});
    text += s.text;
  }
  if (text.empty()) return out;
  const Itemized items = itemize(text, ranges, spec.spans, spec.dir, fonts_);
  out.missing = items.missing;
  out.rtl = (items.paragraph_level & 1) != 0;

  // Items for the paragraph, with or without hyphenation points.
  auto fill = [&](Builder& bld) {
    const Fixed min_width = std::max<Fixed>(spec.width - std::max<Fixed>(spec.first_indent, 0), kPt);
    if (spec.first_indent > 0) {
      BreakItem b{};
      b.type = ItemType::Box;
      b.width = spec.first_indent;
      bld.push(b, {});
    }
    const std::string& lang = spec.spans.front().style.lang;
    const auto opportunities = line_break_opportunities(text, lang, &break_iterators_);
    size_t seg_begin = 0, run_hint = 0;
    for (const auto& op : opportunities) {
      const size_t seg_end = op.offset;
      if (seg_end <= seg_begin) continue;
      // A soft hyphen stays inside its word, where it is a hyphenation
      // point (a hyphen is drawn when a line ends there) and stops
      // dictionary hyphenation of that word (hyphenation_rules.hpp).
      if (op.after_soft_hyphen && !op.mandatory) continue;
      // Split off trailing spaces and hard-break characters.
      size_t word_end = seg_begin;
      size_t space_begin = seg_end;
      for (size_t i = seg_begin; i < seg_end;) {
        const size_t at = i;
        const uint32_t cp = next_codepoint(text, i);
        if (is_space(cp) || cp == 0x2028) {
          if (space_begin == seg_end) space_begin = at;
        } else {
          space_begin = seg_end;
          word_end = i;
        }
      }
      run_hint = run_at(items, seg_begin, run_hint);
      // No-break spaces between two parts of the word are ties; one at
      // either end stays part of the word.
      size_t part = seg_begin;
      for (size_t at = seg_begin; at < word_end;) {
        const size_t here = at;
        if (next_codepoint(text, at) != 0xA0 || here == part || at >= word_end) continue;
        run_hint = run_at(items, part, run_hint);
        bld.push_word(part, here, run_hint, min_width);
        bld.push_tie(bld.space_atom(run_at(items, here, run_hint), here));
        part = at;
      }
      run_hint = run_at(items, part, run_hint);
      if (word_end > part) bld.push_word(part, word_end, run_hint, min_width);
      const bool last = seg_end >= text.size();
      if (op.mandatory && !last) {
        bld.push_penalty(0, kInfPenalty, false);
        bld.push_fil();
        bld.push_penalty(0, -kInfPenalty, false);
      } else if (!last) {
        bool has_space = false;
        for (size_t i = space_begin; i < seg_end; ++i) has_space = has_space || text[i] == ' ';
        const size_t sr = run_at(items, space_begin < seg_end ? space_begin : word_end - 1, run_hint);
        if (has_space) {
          bld.push_space(bld.space_atom(sr, space_begin), sr);
        } else {
          bld.push_break_point(sr);
        }
      }
      seg_begin = seg_end;
    }
    // Paragraph end: \parfillskip then a forced break.
    bld.push_penalty(0, kInfPenalty, false);
    bld.push_fil();
    bld.push_penalty(0, -kInfPenalty, false);

  };
  std::optional<Builder> storage;
  auto build = [&](bool hyphenate) {
    storage.emplace(spec, text, items, shaper_, hyph_, hyphen_cache_);
    storage->hyphenate = hyphenate;
    // About two items (a word and a space) per five bytes of text.
    storage->list.reserve(text.size() / 2 + 8);
    storage->atoms.reserve(text.size() / 2 + 8);
    fill(*storage);
  };

  BreakParams params;
  params.tolerance = spec.tunables.tolerance;
  params.pretolerance = spec.tunables.pretolerance;
  params.line_penalty = spec.tunables.line_penalty;
  params.double_hyphen_demerits = spec.tunables.double_hyphen_demerits;
  params.final_hyphen_demerits = spec.tunables.final_hyphen_demerits;
  params.adj_demerits = spec.tunables.adj_demerits;
  params.looseness = spec.tunables.looseness;
  // Balanced lines (below) are even by construction: no runt control there,
  // nor in the setting that decides how many lines they get.
  const bool balanced = spec.balance && spec.align != Align::Justify && spec.first_indent == 0;
  if (!balanced) {
    params.min_last_line = spec.width / 100 * spec.tunables.min_last_line;
    params.short_last_line_demerits = spec.tunables.short_last_line_demerits;
  }
  params.emergency_stretch = spec.tunables.emergency_stretch > 0
                                 ? spec.tunables.emergency_stretch
                                 : spec.spans.front().style.size * 3 / 2;
  // As TeX: first try without hyphenation at the pretolerance; only a
  // paragraph that cannot be set well that way is hyphenated (fewer
  // hyphens, and no dictionary work for paragraphs that need none). The
  // first-line indent is a box, so every line has the full measure.
  BreakResult br;
  bool hyphen_free = false;
  BreakParams first = params;
  Fixed hang = 0;  // indent of the lines after the first (hang_first_span)
  auto measure = [&] {
    hang = spec.hang_first_span ? storage->first_span_width(spec.width / 2) : 0;
    return LineMeasure::hanging(spec.width, hang);
  };
  if (spec.tunables.pretolerance >= 0) {
    build(false);
    first.pretolerance = -1;
    first.tolerance = spec.tunables.pretolerance;
    first.emergency_stretch = 0;
    first.looseness = 0;
    br = knuth_plass(storage->list, measure(), first);
    hyphen_free = br.pass == 2 && !br.overfull && params.looseness == 0;
  }
  if (!hyphen_free) {
    build(true);
    params.pretolerance = -1;  // the hyphen-free pass was just tried
    br = knuth_plass(storage->list, measure(), params);
  }
  Builder& bld = *storage;
  if (balanced)
    br = balance_breaks(bld.list, br, spec.width, hang, hyphen_free ? first : params);
  out.overfull = br.overfull;
  out.demerits = br.total_demerits;

  // Build lines.
  std::vector<uint32_t> starts;  // per word: its clusters' text offsets (reused)
  std::string shy_free;          // a cluster's text without soft hyphens (reused)
  size_t start = 0;
  for (size_t li = 0; li < br.breaks.size(); ++li) {
    const size_t brk = br.breaks[li].position;
    // Discard glue and penalties at the start of a line (as TeX does).
    while (start < brk && bld.list[start].type != ItemType::Box) ++start;
    SetLine line;
    line.width = spec.width;
    struct Placed { const Atom* atom; Fixed width; uint8_t level; };
    std::vector<Placed> placed;
    Fixed natural = 0, stretch = 0, shrink = 0;
    bool fill = false;
    for (size_t k = start; k < brk; ++k) {
      const BreakItem& it = bld.list[k];
      if (it.type == ItemType::Penalty) continue;
      natural += it.width;
      if (it.type == ItemType::Glue) {
        if (it.stretch_order > 0) fill = true;
        if (bld.justified()) {
          stretch += it.stretch;
          shrink += it.shrink;
        }
      }
    }
    const BreakItem& bi = bld.list[brk];
    const Atom* hyphen = nullptr;
    if (bi.type == ItemType::Penalty && bi.flagged) {
      hyphen = &bld.atoms[bi.source];
      natural += bi.width;
      line.hyphenated = true;
    }
    // Lines after the first are narrower by the hang, on the start side.
    const Fixed indent = li > 0 ? hang : 0;
    const Fixed target = spec.width - indent;
    Fixed diff = target - natural;
    // Justified lines take their stretch or shrink; any line wider than the
    // measure (a last line the breaker accepted by shrinking its spaces)
    // shrinks, whatever the alignment.
    const bool justify = diff < 0 || (bld.justified() && !fill && br.breaks[li].position != bld.list.size() - 1);
    // Distribute the difference over the glue, exactly (integer remainders).
    Fixed total_weight = diff > 0 ? stretch : shrink;
    if (diff < 0 && -diff > shrink) diff = -shrink;
    Fixed given = 0, weight_seen = 0;
    for (size_t k = start; k < brk; ++k) {
      const BreakItem& it = bld.list[k];
      const Atom& a = bld.atoms[it.source];
      Fixed w = it.width;
      if (it.type == ItemType::Glue && justify && total_weight > 0) {
        weight_seen += diff > 0 ? it.stretch : it.shrink;
        const Fixed upto = mul_div(diff, weight_seen, total_weight);
        w += upto - given;
        given = upto;
      }
      if (it.type == ItemType::Penalty) continue;
      if (a.kind == Atom::Empty) {
        if (w != 0) placed.push_back({&a, w, items.paragraph_level});
        continue;
      }
      placed.push_back({&a, w, items.runs[a.run].level});
    }
    if (hyphen) placed.push_back({hyphen, hyphen->width, items.runs[hyphen->run].level});

    // Bidi rule L2 over the line's pieces (nothing to reorder when every
    // piece is at level 0, as in most lines).
    if (std::any_of(placed.begin(), placed.end(), [](const Placed& p) { return p.level != 0; })) {
      std::vector<uint8_t> levels;
      levels.reserve(placed.size());
      for (const auto& p : placed) levels.push_back(p.level);
      std::vector<Placed> visual;
      visual.reserve(placed.size());
      for (size_t idx : visual_order(levels)) visual.push_back(placed[idx]);
      placed = std::move(visual);
    }
    Fixed line_natural = 0;
    for (const auto& p : placed) line_natural += p.width;
    Fixed x = out.rtl ? 0 : indent;
    const Fixed slack = target - line_natural;
    Align al = spec.align;
    if (al == Align::Start) al = out.rtl ? Align::Right : Align::Left;
    if (al == Align::End) al = out.rtl ? Align::Left : Align::Right;
    if (al == Align::Justify && !justify && out.rtl) al = Align::Right;
    if (al == Align::Right) x += slack;
    if (al == Align::Center) x += slack / 2;

    // Emit glyph runs, merging neighbours with the same face and style.
    std::map<int, AnchorExtent> anchors;
    for (const auto& p : placed) {
      const Atom& a = *p.atom;
      if (a.kind == Atom::Empty) {
        x += p.width;
        continue;
      }
      const ItemRun& r = items.runs[a.run];
      const TextSpan& span = spec.spans[r.span];
      const SpanStyle& st = span.style;
      const bool rtl = (r.level & 1) != 0;
      if (line.runs.empty() || line.runs.back().font != r.face || line.runs.back().size != st.size ||
          !(line.runs.back().color == st.color) || line.runs.back().rtl != rtl ||
          line.runs.back().y != st.baseline_shift) {
        GlyphRun gr;
        gr.font = r.face;
        gr.size = st.size;
        gr.color = st.color;
        gr.x = x;
        gr.y = st.baseline_shift;
        gr.rtl = rtl;
        line.runs.push_back(std::move(gr));
      }
      GlyphRun& gr = line.runs.back();
      const int upem = r.face->upem();
      line.ascent = std::max(line.ascent, scale_units(r.face->metrics().ascender, st.size, upem) + st.baseline_shift);
      line.descent = std::max(line.descent, scale_units(-r.face->metrics().descender, st.size, upem) - st.baseline_shift);
      if (span.anchor >= 0) {
        auto [it, fresh] = anchors.try_emplace(span.anchor, AnchorExtent{span.anchor, x, x + p.width});
        if (!fresh) {
          it->second.x0 = std::min(it->second.x0, x);
          it->second.x1 = std::max(it->second.x1, x + p.width);
        }
      }
      if (a.kind == Atom::Space || a.kind == Atom::Hyphen) {
        const uint32_t cp = a.kind == Atom::Space ? ' ' : '-';
        const uint32_t first = static_cast<uint32_t>(gr.glyphs.size());
        gr.glyphs.push_back({r.face->glyph_for(cp), static_cast<int32_t>(x - gr.x), 0, static_cast<int32_t>(p.width)});
        gr.append_cluster(first, 1, a.kind == Atom::Space ? " " : "-");
        x += p.width;
        continue;
      }
      // Cluster text ranges: from a cluster's start to the next larger start.
      const auto& gl = a.shaped->glyphs;
      starts.clear();
      for (const auto& g : gl) starts.push_back(g.cluster);
      std::sort(starts.begin(), starts.end());
      starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
      const uint32_t piece_len = static_cast<uint32_t>(a.piece_end - a.piece_begin);
      for (uint32_t i = a.g0; i < a.g1;) {
        uint32_t j = i + 1;
        while (j < a.g1 && gl[j].cluster == gl[i].cluster) ++j;
        auto nx = std::upper_bound(starts.begin(), starts.end(), gl[i].cluster);
        const uint32_t cend = nx == starts.end() ? piece_len : *nx;
        const uint32_t first = static_cast<uint32_t>(gr.glyphs.size());
        for (uint32_t k = i; k < j; ++k) {
          const Fixed adv = scale_units(gl[k].x_advance, st.size, upem);
          gr.glyphs.push_back({gl[k].gid, static_cast<int32_t>(x - gr.x + scale_units(gl[k].x_offset, st.size, upem)),
                               static_cast<int32_t>(scale_units(gl[k].y_offset, st.size, upem)),
                               static_cast<int32_t>(adv)});
          x += adv;
        }
        std::string_view ct = std::string_view(text).substr(a.piece_begin + gl[i].cluster, cend - gl[i].cluster);
        // Soft hyphens are break hints, not text: keep them out of copy/paste.
        if (ct.find("\xC2\xAD") != std::string_view::npos) {
          shy_free.assign(ct);
          for (size_t q; (q = shy_free.find("\xC2\xAD")) != std::string::npos;) shy_free.erase(q, 2);
          ct = shy_free;
        }
        if (ct.empty()) {
          gr.glyphs.resize(first);  // an invisible soft hyphen: nothing to draw
        } else {
          gr.append_cluster(first, j - i, ct);
        }
        i = j;
      }
    }
    for (auto& [id, ext] : anchors) line.anchors.push_back(ext);
    // Text extraction joins a line ending in U+002D with the next line and
    // drops the hyphen: right for the hyphens we insert, wrong for an
    // author's hyphen ("civil-|society" would paste as "civilsociety"). A
    // line-final author hyphen is therefore given the text U+2010 HYPHEN:
    // same glyph, same meaning, and extraction keeps it.
    if (!line.hyphenated && li + 1 < br.breaks.size() && !line.runs.empty() && !out.rtl) {
      GlyphRun& last = line.runs.back();
      if (last.clusters.empty() && !last.glyphs.empty() && !last.text.empty() && last.text.back() == '-') {
        last.text.back() = '\xE2';  // implied clusters: the last code point is the last cluster
        last.text += "\x80\x90";
      } else if (!last.clusters.empty() && last.cluster_text(last.clusters.back()) == "-") {
        // The last cluster's text ends the run's text.
        last.text.resize(last.clusters.back().text_begin);
        last.text += "\u2010";
        last.clusters.back().text_size = static_cast<uint32_t>(last.text.size()) - last.clusters.back().text_begin;
      }
    }
    for (auto& r : line.runs) {
      r.compact();
      line.glyph_count += r.glyphs.size();
    }
    out.lines.push_back(std::move(line));
    start = brk + 1;
  }
  return out;
}

}  // namespace emnpub::text
