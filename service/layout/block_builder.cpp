#include "layout/block_builder.hpp"

#include "layout/inline_collector.hpp"
#include "layout/uppercase.hpp"
#include "style/strings.hpp"
#include "text/font_registry.hpp"

namespace emnpub::layout {

using model::Block;
using model::BlockKind;

namespace {

text::BaseDir base_dir(model::Dir d) {
  return d == model::Dir::Rtl ? text::BaseDir::Rtl : d == model::Dir::Ltr ? text::BaseDir::Ltr : text::BaseDir::Auto;
}

std::string roman(int n, bool upper) {
  static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
      {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
  std::string s;
  for (const auto& [v, t] : table)
    while (n >= v) { s += t; n -= v; }
  if (upper) for (auto& c : s) c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string alpha(int n, bool upper) {
  std::string s;
  while (n > 0) {
    --n;
    s.insert(s.begin(), static_cast<char>((upper ? 'A' : 'a') + n % 26));
    n /= 26;
  }
  return s;
}

}  // namespace

std::string list_marker(model::ListStyle s, int n) {
  using model::ListStyle;
  switch (s) {
    case ListStyle::Decimal: return std::to_string(n) + ".";
    case ListStyle::LowerAlpha: return alpha(n, false) + ".";
    case ListStyle::UpperAlpha: return alpha(n, true) + ".";
    case ListStyle::LowerRoman: return roman(n, false) + ".";
    case ListStyle::UpperRoman: return roman(n, true) + ".";
    case ListStyle::Bullet: return "\u2022";
  }
  return "";
}

Fixed baseline_in_box(const LayoutContext& ctx, const style::BlockStyle& st) {
  const auto face = ctx.fonts.face({st.font.family, st.font.weight, st.font.italic});
  const auto& m = face->metrics();
  const Fixed asc = scale_units(m.ascender, st.font.size, m.upem);
  const Fixed desc = scale_units(-m.descender, st.font.size, m.upem);
  return (st.leading - asc - desc) / 2 + asc;
}

VItem stack_box(std::vector<VItem>&& items) {
  VItem box;
  Fixed y = 0;
  for (auto& it : items) {
    if (it.kind == VItem::Kind::Penalty) continue;
    if (it.kind == VItem::Kind::Glue) { y += it.height; continue; }
    box.drawing.append(std::move(it.drawing), 0, y);
    for (int f : it.footnotes) box.footnotes.push_back(f);
    for (auto& id : it.ids) box.ids.push_back(std::move(id));
    for (auto& o : it.outline) box.outline.push_back(std::move(o));
    y += it.height;
  }
  box.height = y;
  return box;
}

void BlockBuilder::space(Fixed h) {
  if (h <= 0) return;
  // Adjacent spaces collapse to the larger one (as CSS margins do).
  if (!out_.empty() && out_.back().kind == VItem::Kind::Glue) {
    out_.back().height = std::max(out_.back().height, h);
    return;
  }
  VItem g;
  g.kind = VItem::Kind::Glue;
  g.height = h;
  out_.push_back(std::move(g));
}

void BlockBuilder::forbid_break() {
  VItem p;
  p.kind = VItem::Kind::Penalty;
  p.penalty = kInf;
  out_.push_back(std::move(p));
}

int BlockBuilder::text(std::vector<text::TextSpan> spans, const style::BlockStyle& st,
                       const std::string& role, model::Dir dir, Fixed extra_indent, Fixed extra_end,
                       int struct_id, bool hang_label) {
  if (spans.empty()) return -1;
  check_deadline(ctx_.limits, ctx_.doc.source_name);
  if (st.uppercase) {
    std::string preceding;
    for (auto& s : spans) {
      std::string own = std::move(s.text);
      s.text = to_upper(own, s.style.lang, preceding);
      preceding = std::move(own);
    }
  }
  text::ParagraphSpec spec;
  spec.spans = std::move(spans);
  spec.align = st.align;
  spec.dir = base_dir(dir);
  const Fixed x0 = indent_ + st.indent_start + extra_indent;
  spec.width = std::max<Fixed>(width_ - st.indent_start - st.indent_end - extra_indent - extra_end, 20 * kPt);
  spec.first_indent = st.first_indent;
  spec.balance = st.balance;
  spec.hang_first_span = hang_label;
  spec.tunables = ctx_.L.breaking;
  if (!st.hyphenate)
    for (auto& s : spec.spans) s.style.hyphenate = false;
  text::SetParagraph para = ctx_.setter.set(
      spec, ctx_.measure_only ? text::ParagraphSetter::Want::Metrics : text::ParagraphSetter::Want::Glyphs);
  for (const auto& m : para.missing) {
    char cp[16];
    std::snprintf(cp, sizeof cp, "U+%04X", m.codepoint);
    std::string chain;
    for (const auto& f : m.tried) chain += (chain.empty() ? "" : ", ") + f;
    ctx_.diags.warning(DiagKind::Font, ctx_.doc.source_name, spec.spans[m.span].pos,
                       std::string("no font has the character ") + cp + " (tried " + chain +
                           "); drawn as a placeholder box");
  }
  const Fixed baseline = baseline_in_box(ctx_, st);
  const int sid = struct_id > 0 ? struct_id : ctx_.next_struct();
  const int first = static_cast<int>(out_.size());
  const size_t n = para.lines.size();
  const int orphans = 2, widows = 2;
  for (size_t i = 0; i < n; ++i) {
    auto& line = para.lines[i];
    if (i > 0) {
      // Break between lines unless it leaves an orphan or a widow.
      VItem p;
      p.kind = VItem::Kind::Penalty;
      // No break after a hyphenated line either (TeX's \brokenpenalty): a
      // word split across pages reads badly and cannot be rejoined by text
      // extraction.
      p.penalty = (static_cast<int>(i) < orphans || static_cast<int>(n - i) < widows || st.keep_together ||
                   para.lines[i - 1].hyphenated)
                      ? kInf
                      : 0;
      out_.push_back(std::move(p));
    }
    VItem box;
    box.height = st.leading;
    ctx_.glyphs += line.glyph_count;
    for (auto& r : line.runs) {
      r.x += x0;
      r.y = baseline - r.y;  // y down; a raised run has a smaller y
      r.tag = {role, sid, {}};
      box.drawing.runs.push_back(std::move(r));
    }
    for (const auto& a : line.anchors) {
      const AnchorDef& def = ctx_.anchors[static_cast<size_t>(a.anchor)];
      const Fixed top = baseline - line.ascent;
      const Fixed h = line.ascent + line.descent;
      if (def.kind == AnchorDef::Kind::Note) {
        box.footnotes.push_back(def.note);
      } else if (def.kind == AnchorDef::Kind::Uri) {
        Link l;
        l.x = x0 + a.x0; l.y = top; l.w = a.x1 - a.x0; l.h = h;
        l.uri = def.uri;
        box.drawing.links.push_back(std::move(l));
      } else {
        box.drawing.internal.push_back({x0 + a.x0, top, a.x1 - a.x0, h, def.target});
      }
    }
    out_.push_back(std::move(box));
  }
  if (ctx_.glyphs > ctx_.limits.max_glyphs) {
    Diagnostics d;
    d.error(DiagKind::Limit, ctx_.doc.source_name, {}, "the document needs more than " +
            std::to_string(ctx_.limits.max_glyphs) + " glyphs, the limit for one request");
    throw DocumentRefused(std::move(d));
  }
  return n ? first : -1;
}

void BlockBuilder::blocks(const std::vector<Block>& bs, int level, bool annex, std::vector<int>& counters) {
  for (const auto& b : bs) block(b, level, annex, counters);
}

void BlockBuilder::block(const Block& b, int level, bool annex, std::vector<int>& counters) {
  switch (b.kind) {
    case BlockKind::Section: section(b, level, annex, counters); return;
    case BlockKind::Paragraph: {
      const auto st = ctx_.L.block({"p", b.cls, {}, b.lang, 0});
      space(st.space_before);
      std::vector<text::TextSpan> spans;
      collect_inlines(ctx_, b.inlines, span_style_for(st, b.lang), spans);
      const int first = text(std::move(spans), st, "P", b.dir);
      if (first >= 0 && !b.id.empty()) out_[static_cast<size_t>(first)].ids.push_back(b.id);
      if (st.keep_with_next) forbid_break();
      space(st.space_after);
      if (st.keep_with_next) forbid_break();
      return;
    }
    case BlockKind::List: list(b, level, annex, counters); return;
    case BlockKind::ListItem: blocks(b.blocks, level, annex, counters); return;
    case BlockKind::Box: boxed(b, level, annex, counters); return;
    case BlockKind::Quote: quote(b, level, annex, counters); return;
    case BlockKind::Pre: pre(b); return;
    case BlockKind::DefList: deflist(b, level, annex, counters); return;
    case BlockKind::DefTerm:
    case BlockKind::DefDesc: return;  // handled by deflist
    case BlockKind::Item: item(b, level, annex, counters); return;
    case BlockKind::Table: table(b); return;
    case BlockKind::Figure: figure(b); return;
    case BlockKind::Chart: figure(b); return;
    case BlockKind::PageBreak: {
      VItem p;
      p.kind = VItem::Kind::Penalty;
      p.penalty = -kInf;
      out_.push_back(std::move(p));
      return;
    }
  }
}

void BlockBuilder::section(const Block& b, int level, bool annex, std::vector<int>& counters) {
  const int my_level = level + 1;
  const auto hs = ctx_.L.block({"heading", b.cls, annex ? "annex" : "", b.lang, std::min(my_level, 4)});
  std::string number;
  if (auto it = ctx_.targets.find(b.id); !b.id.empty() && it != ctx_.targets.end()) number = it->second.number;
  std::vector<int> mine = counters;
  if (b.numbered) {
    mine.push_back(0);
    std::vector<int> key = counters;
    key.insert(key.begin(), annex ? -1 : 0);
    mine.back() = ++ctx_.section_counts[key];
    if (number.empty()) number = section_number(mine, annex);
  }
  const bool show_number = b.numbered && !hs.numbering.empty();
  if (hs.page_break_before) {
    VItem p;
    p.kind = VItem::Kind::Penalty;
    p.penalty = -kInf;
    p.recto = hs.recto;
    out_.push_back(std::move(p));
  }
  space(hs.space_before);
  std::vector<text::TextSpan> spans;
  text::SpanStyle base = span_style_for(hs, b.lang);
  // numbering="1.1": the full number; "1": this level's own counter; "A":
  // that counter as a letter.
  std::string label = number;
  if (hs.numbering == "1" || hs.numbering == "A") {
    const size_t dot = number.rfind('.');
    label = dot == std::string::npos ? number : number.substr(dot + 1);
    if (hs.numbering == "A" && !label.empty() && std::isdigit(static_cast<unsigned char>(label[0])))
      label = std::string(1, static_cast<char>('A' + (std::stoi(label) - 1) % 26));
  }
  if (annex && my_level == 1 && show_number) label = style::localized(style::Text::Annex, b.lang) + "\u00A0" + number;
  if (show_number) {
    spans.push_back({label + (annex && my_level == 1 ? "\u2003" : "\u2002"), apply_inline(ctx_.L, base, "heading-number"), -1, b.pos});
  }
  collect_inlines(ctx_, b.title, base, spans);
  const std::string role = "H" + std::to_string(std::min(my_level, 6));
  const int first = text(std::move(spans), hs, role, b.dir, 0, 0, 0, hs.hang_number && show_number);
  // Every section gets a mark, so the table of contents can find its page.
  const std::string mark = b.id.empty() ? "\x01sec" + std::to_string(++ctx_.section_serial) : b.id;
  if (first >= 0) {
    VItem& fb = out_[static_cast<size_t>(first)];
    fb.ids.push_back(mark);
    const std::string title = model::plain_text(b.title);
    ctx_.toc.push_back({my_level, show_number ? label : std::string(), title, mark, b.lang});
    fb.outline.push_back({show_number ? label + " " + title : title, my_level});
    if (my_level == 1) fb.running_title = title;
    if (hs.rule_below) {
      VItem& last = out_.back();
      Line l;
      l.x1 = indent_;
      l.x2 = indent_ + width_;
      l.y1 = l.y2 = last.height + hs.rule_width;
      l.color = hs.rule_color;
      l.width = hs.rule_width;
      last.drawing.lines.push_back(l);
    }
  }
  // keep-with-next (on for headings in the brand): no break after it.
  if (hs.keep_with_next) forbid_break();
  space(hs.space_after);
  if (hs.keep_with_next) forbid_break();
  blocks(b.blocks, my_level, annex, b.numbered ? mine : counters);
}

void BlockBuilder::list(const Block& b, int level, bool annex, std::vector<int>& counters) {
  const auto ls = ctx_.L.block({b.ordered ? "ol" : "ul", b.cls, {}, b.lang, 0});
  const auto li = ctx_.L.block({"li", b.cls, {}, b.lang, 0});
  space(ls.space_before);
  int n = b.start;
  for (const auto& item : b.blocks) {
    const size_t before = out_.size();
    BlockBuilder inner(ctx_, out_, indent_ + ls.indent_start + ls.marker_width, width_ - ls.indent_start - ls.marker_width);
    for (size_t k = 0; k < item.blocks.size(); ++k) {
      const Block& c = item.blocks[k];
      if (c.kind == BlockKind::Paragraph) {
        if (k > 0) inner.space(li.space_before);
        std::vector<text::TextSpan> spans;
        collect_inlines(ctx_, c.inlines, span_style_for(li, c.lang), spans);
        style::BlockStyle st = li;
        st.indent_start = st.indent_end = 0;
        inner.text(std::move(spans), st, "LBody", c.dir);
      } else {
        inner.block(c, level, annex, counters);
      }
    }
    // Marker on the first line box of the item.
    for (size_t k = before; k < out_.size(); ++k) {
      if (out_[k].kind != VItem::Kind::Box) continue;
      style::BlockStyle ms = li;
      ms.color = ls.marker_color == Color{0, 0, 0} ? li.color : ls.marker_color;
      ms.align = text::Align::Start;
      ms.indent_start = ms.indent_end = 0;
      std::vector<VItem> tmp;
      BlockBuilder mb(ctx_, tmp, indent_ + ls.indent_start, ls.marker_width);
      const std::string marker = b.ordered ? list_marker(b.list_style, n) : ls.marker;
      auto mstyle = span_style_for(ms, item.lang);
      mstyle.hyphenate = false;
      mb.text({{marker, mstyle, -1, item.pos}}, ms, "Lbl");
      // The marker goes first in the content stream, so text extraction
      // and reading order give "1. item text", not the number mid-line.
      for (auto& t : tmp)
        if (t.kind == VItem::Kind::Box) {
          auto& runs = out_[k].drawing.runs;
          runs.insert(runs.begin(), std::make_move_iterator(t.drawing.runs.begin()),
                      std::make_move_iterator(t.drawing.runs.end()));
          break;
        }
      break;
    }
    ++n;
    space(li.space_after);
  }
  space(ls.space_after);
}

void BlockBuilder::boxed(const Block& b, int level, bool annex, std::vector<int>& counters) {
  const auto bs = ctx_.L.block({"box", b.cls, b.box_type, b.lang, 0});
  space(bs.space_before);
  std::vector<VItem> inner_items;
  const Fixed pad = bs.padding;
  const Fixed rule = bs.rule_start ? 3 * kPt : 0;
  BlockBuilder inner(ctx_, inner_items, indent_ + pad + rule, width_ - 2 * pad - rule);
  inner.space(pad);
  // Drop the first block's space before: the padding is the space.
  if (!b.title.empty()) {
    const auto ts = ctx_.L.block({"box-title", b.cls, b.box_type, b.lang, 0});
    std::vector<text::TextSpan> spans;
    collect_inlines(ctx_, b.title, span_style_for(ts, b.lang), spans);
    inner.text(std::move(spans), ts, "Caption", b.dir);
    inner.space(ts.space_after);
  } else if (b.box_type == "keypoints") {
    const auto ts = ctx_.L.block({"box-title", b.cls, b.box_type, b.lang, 0});
    inner.text({{style::localized(style::Text::KeyPoints, b.lang), span_style_for(ts, b.lang), -1, b.pos}}, ts, "Caption");
    inner.space(ts.space_after);
  }
  inner.blocks(b.blocks, level, annex, counters);
  // Trailing space inside the box becomes the bottom padding.
  while (!inner_items.empty() && inner_items.back().kind != VItem::Kind::Box) inner_items.pop_back();
  VItem box = stack_box(std::move(inner_items));
  box.height += pad;
  Rect bg;
  bg.x = indent_;
  bg.y = 0;
  bg.w = width_;
  bg.h = box.height;
  bg.fill = bs.has_background;
  bg.fill_color = bs.background;
  bg.stroke = bs.has_border;
  bg.stroke_color = bs.border_color;
  bg.line_width = bs.border_width;
  if (bs.has_background || bs.has_border) box.drawing.rects.insert(box.drawing.rects.begin(), bg);
  if (bs.rule_start) {
    Rect r;
    r.x = indent_;
    r.w = rule;
    r.h = box.height;
    r.fill_color = bs.rule_color;
    box.drawing.rects.push_back(r);
  }
  if (!b.id.empty()) box.ids.push_back(b.id);
  out_.push_back(std::move(box));
  space(bs.space_after);
}

void BlockBuilder::quote(const Block& b, int level, bool annex, std::vector<int>& counters) {
  const auto qs = ctx_.L.block({"quote", b.cls, {}, b.lang, 0});
  space(qs.space_before);
  BlockBuilder inner(ctx_, out_, indent_ + qs.indent_start, width_ - qs.indent_start - qs.indent_end);
  for (const auto& c : b.blocks) {
    if (c.kind == BlockKind::Paragraph) {
      std::vector<text::TextSpan> spans;
      collect_inlines(ctx_, c.inlines, span_style_for(qs, c.lang), spans);
      style::BlockStyle st = qs;
      st.indent_start = st.indent_end = 0;
      inner.text(std::move(spans), st, "BlockQuote", c.dir == model::Dir::Auto ? b.dir : c.dir);
      inner.space(qs.padding);
    } else {
      inner.block(c, level, annex, counters);
    }
  }
  if (!b.source.empty()) {
    const auto ss = ctx_.L.block({"quote-source", b.cls, {}, b.lang, 0});
    std::vector<text::TextSpan> spans;
    spans.push_back({"\u2014\u00A0", span_style_for(ss, b.lang), -1, b.pos});
    collect_inlines(ctx_, b.source, span_style_for(ss, b.lang), spans);
    inner.forbid_break();
    inner.text(std::move(spans), ss, "P", b.dir);
  }
  space(qs.space_after);
}

void BlockBuilder::item(const Block& b, int level, bool annex, std::vector<int>& counters) {
  const auto ms = ctx_.L.block({"item-meta", b.cls, {}, b.lang, 0});
  const auto ts = ctx_.L.block({"item-title", b.cls, {}, b.lang, 0});
  space(ms.space_before);
  std::string meta = b.country;
  if (!b.date.empty()) meta += (meta.empty() ? "" : "  \u00B7  ") + style::format_date(b.date, b.lang);
  const int first = text({{meta, span_style_for(ms, b.lang), -1, b.pos}}, ms, "P");
  if (first >= 0 && !b.id.empty()) out_[static_cast<size_t>(first)].ids.push_back(b.id);
  forbid_break();
  std::vector<text::TextSpan> spans;
  collect_inlines(ctx_, b.title, span_style_for(ts, b.lang), spans);
  const int t = text(std::move(spans), ts, "H4", b.dir);
  if (t >= 0) out_[static_cast<size_t>(t)].outline.push_back({model::plain_text(b.title), level + 1});
  forbid_break();
  space(ts.space_after);
  forbid_break();
  blocks(b.blocks, level, annex, counters);
}

void BlockBuilder::pre(const Block& b) {
  const auto ps = ctx_.L.block({"pre", b.cls, {}, b.lang, 0});
  space(ps.space_before);
  size_t start = 0;
  const std::string& t = b.text;
  while (start <= t.size()) {
    size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    std::string line = t.substr(start, end - start);
    auto st = span_style_for(ps, b.lang);
    st.hyphenate = false;
    style::BlockStyle ls = ps;
    ls.align = text::Align::Left;
    if (line.empty()) line = "\u00A0";
    // Preserve runs of spaces: they would otherwise be break points.
    for (size_t i = 0; (i = line.find("  ", i)) != std::string::npos;) line.replace(i, 1, "\u00A0");
    text({{line, st, -1, b.pos}}, ls, "Code");
    if (end == t.size()) break;
    start = end + 1;
  }
  space(ps.space_after);
}

void BlockBuilder::deflist(const Block& b, int level, bool annex, std::vector<int>& counters) {
  const auto ts = ctx_.L.block({"term", b.cls, {}, b.lang, 0});
  const auto ds = ctx_.L.block({"definition", b.cls, {}, b.lang, 0});
  for (const auto& c : b.blocks) {
    if (c.kind == BlockKind::DefTerm) {
      space(ts.space_before);
      std::vector<text::TextSpan> spans;
      collect_inlines(ctx_, c.inlines, span_style_for(ts, c.lang), spans);
      text(std::move(spans), ts, "Lbl", c.dir);
      forbid_break();
    } else if (c.kind == BlockKind::DefDesc) {
      BlockBuilder inner(ctx_, out_, indent_ + ds.indent_start, width_ - ds.indent_start);
      for (const auto& d : c.blocks) {
        if (d.kind == BlockKind::Paragraph) {
          std::vector<text::TextSpan> spans;
          collect_inlines(ctx_, d.inlines, span_style_for(ds, d.lang), spans);
          style::BlockStyle st = ds;
          st.indent_start = 0;
          inner.text(std::move(spans), st, "LBody", d.dir);
          inner.space(ds.space_after);
        } else {
          inner.block(d, level, annex, counters);
        }
      }
    }
  }
}

void BlockBuilder::figure(const Block& b) {
  const auto fs = ctx_.L.block({"figure", b.cls, {}, b.lang, 0});
  const auto cs = ctx_.L.block({"caption", b.cls, "figure", b.lang, 0});
  if (fs.span_all && !spanning_ && ctx_.full_measure > width_) {
    spanning([&](BlockBuilder& wb) { wb.figure(b); });
    return;
  }
  space(fs.space_before);
  int first = -1;
  const ImageData* img = nullptr;
  if (ctx_.images && b.kind == BlockKind::Figure)
    if (auto it = ctx_.images->find(b.image.src); it != ctx_.images->end()) img = &it->second;
  if (img) {
    // Width: as asked (percent of the column or a length), else the image's
    // own size at 96 dpi, never wider than the column; height keeps the
    // aspect ratio and is capped so a figure leaves room on its page.
    Fixed w = b.image.width_percent ? mul_div(width_, static_cast<int64_t>(*b.image.width_percent * 100), 10000)
              : b.image.width_points ? from_pt(*b.image.width_points)
                                     : from_pt(img->width_px * 0.75);
    w = std::min(w, width_);
    Fixed h = mul_div(w, img->height_px, img->width_px);
    if (ctx_.max_figure_height > 0 && h > ctx_.max_figure_height) {
      w = mul_div(w, ctx_.max_figure_height, h);
      h = ctx_.max_figure_height;
    }
    VItem box;
    box.height = h;
    Image im;
    im.data = img->bytes;
    im.jpeg = img->jpeg;
    im.x = indent_ + (width_ - w) / 2;
    im.y = 0;
    im.w = w;
    im.h = h;
    im.alt = b.image.alt;
    im.tag = {"Figure", ctx_.next_struct(), b.lang};
    box.drawing.images.push_back(std::move(im));
    if (!b.id.empty()) box.ids.push_back(b.id);
    out_.push_back(std::move(box));
    first = static_cast<int>(out_.size()) - 1;
  } else {
    ctx_.diags.warning(DiagKind::Layout, ctx_.doc.source_name, b.pos,
                       b.kind == BlockKind::Chart ? "charts are not drawn yet; only the caption is set"
                                                  : "the image could not be placed; only the caption is set");
  }
  if (!b.caption.empty() || !b.id.empty()) {
    if (first >= 0) forbid_break();
    space(cs.space_before);
    if (first >= 0) forbid_break();
    std::vector<text::TextSpan> spans;
    std::string number;
    if (auto it = ctx_.targets.find(b.id); !b.id.empty() && it != ctx_.targets.end()) number = it->second.number;
    auto base = span_style_for(cs, b.lang);
    spans.push_back({style::localized(style::Text::Figure, b.lang) + (number.empty() ? "" : "\u00A0" + number) +
                         (b.caption.empty() ? "" : ". "),
                     apply_inline(ctx_.L, base, "caption-label"), -1, b.pos});
    collect_inlines(ctx_, b.caption, base, spans);
    const int c = text(std::move(spans), cs, "Caption", b.dir);
    if (first < 0 && c >= 0 && !b.id.empty()) out_[static_cast<size_t>(c)].ids.push_back(b.id);
  }
  space(std::max(fs.space_after, cs.space_after));
}

}  // namespace emnpub::layout
