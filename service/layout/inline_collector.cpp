#include "layout/inline_collector.hpp"

#include "style/strings.hpp"

namespace emnpub::layout {

using model::Inline;
using model::InlineKind;

text::SpanStyle span_style_for(const style::BlockStyle& b, const std::string& lang) {
  text::SpanStyle s;
  s.family = b.font.family;
  s.weight = b.font.weight;
  s.italic = b.font.italic;
  s.size = b.font.size;
  s.features = b.font.features;
  s.color = b.color;
  s.lang = lang;
  s.hyphenate = b.hyphenate;
  return s;
}

text::SpanStyle apply_inline(const style::Layout& L, const text::SpanStyle& base,
                             const std::string& element, const std::string& cls) {
  const style::InlineStyle is = L.inline_style({element, cls, {}, base.lang, 0});
  text::SpanStyle s = base;
  if (!is.family.empty()) s.family = is.family;
  if (is.weight) s.weight = is.weight;
  if (is.italic >= 0) {
    // Emphasis inside italic text turns upright, as typographers expect.
    if (element == "em" && base.italic && is.italic == 1) s.italic = false;
    else s.italic = is.italic == 1;
  }
  if (is.shift_percent) s.baseline_shift = base.baseline_shift + mul_div(base.size, is.shift_percent, 100);
  if (is.size_percent != 100) s.size = mul_div(base.size, is.size_percent, 100);
  if (is.has_color) s.color = is.color;
  if (!is.features.empty()) s.features = s.features.empty() ? is.features : s.features + "," + is.features;
  return s;
}

namespace {

std::string ref_wording(LayoutContext& ctx, const std::string& target, const std::string& lang) {
  auto it = ctx.targets.find(target);
  if (it == ctx.targets.end()) return "?";
  const TargetInfo& t = it->second;
  using style::Text;
  std::string s;
  if (t.kind == TargetInfo::Kind::Other) {
    s = t.title.empty() ? "?" : t.title;
  } else if (t.number.empty()) {
    s = "\u201C" + t.title + "\u201D";
  } else {
    const Text label = t.kind == TargetInfo::Kind::Section ? Text::Section
                       : t.kind == TargetInfo::Kind::Annex ? Text::Annex
                       : t.kind == TargetInfo::Kind::Table ? Text::Table
                                                           : Text::Figure;
    s = style::reference_label(label, lang) + "\u00A0" + t.number;
  }
  // Page numbers from the previous layout pass ("on page 14").
  return style::on_page(s, t.page >= 0 ? t.page_label : "00", lang);
}

}  // namespace

void collect_inlines(LayoutContext& ctx, const std::vector<Inline>& inlines,
                     const text::SpanStyle& base, std::vector<text::TextSpan>& out, int anchor) {
  for (const auto& in : inlines) {
    text::SpanStyle st = base;
    if (!in.lang.empty()) st.lang = in.lang;
    switch (in.kind) {
      case InlineKind::Text:
        out.push_back({in.text, st, anchor, in.pos});
        break;
      case InlineKind::Emph: collect_inlines(ctx, in.children, apply_inline(ctx.L, st, "em", in.cls), out, anchor); break;
      case InlineKind::Strong: collect_inlines(ctx, in.children, apply_inline(ctx.L, st, "strong", in.cls), out, anchor); break;
      case InlineKind::Sup: collect_inlines(ctx, in.children, apply_inline(ctx.L, st, "sup", in.cls), out, anchor); break;
      case InlineKind::Sub: collect_inlines(ctx, in.children, apply_inline(ctx.L, st, "sub", in.cls), out, anchor); break;
      case InlineKind::Code: {
        auto cs = apply_inline(ctx.L, st, "code", in.cls);
        cs.hyphenate = false;
        collect_inlines(ctx, in.children, cs, out, anchor);
        break;
      }
      case InlineKind::Span: collect_inlines(ctx, in.children, apply_inline(ctx.L, st, "span", in.cls), out, anchor); break;
      case InlineKind::Abbr: collect_inlines(ctx, in.children, apply_inline(ctx.L, st, "abbr", in.cls), out, anchor); break;
      case InlineKind::Link: {
        const int id = static_cast<int>(ctx.anchors.size());
        ctx.anchors.push_back({AnchorDef::Kind::Uri, in.href, {}, -1});
        collect_inlines(ctx, in.children, apply_inline(ctx.L, st, "a", in.cls), out, id);
        break;
      }
      case InlineKind::Ref: {
        const int id = static_cast<int>(ctx.anchors.size());
        ctx.anchors.push_back({AnchorDef::Kind::Internal, {}, in.target, -1});
        out.push_back({ref_wording(ctx, in.target, st.lang), apply_inline(ctx.L, st, "ref", in.cls), id, in.pos});
        break;
      }
      case InlineKind::Note: {
        const int number = static_cast<int>(ctx.pending_notes.size()) + 1;
        const int id = static_cast<int>(ctx.anchors.size());
        ctx.anchors.push_back({AnchorDef::Kind::Note, {}, {}, number - 1});
        out.push_back({std::to_string(number), apply_inline(ctx.L, st, "note-ref", {}), id, in.pos});
        // The body is set later at the footnote measure, in footnote style.
        const style::BlockStyle fs = ctx.L.block({"footnote", {}, {}, st.lang, 0});
        text::SpanStyle nb = span_style_for(fs, st.lang);
        std::vector<text::TextSpan> body;
        body.push_back({std::to_string(number) + "\u2002", apply_inline(ctx.L, nb, "note-number", {}), -1, in.pos});
        collect_inlines(ctx, in.children, nb, body, -1);
        ctx.pending_notes.push_back(std::move(body));
        break;
      }
      case InlineKind::Break:
        out.push_back({"\u2028", st, anchor, in.pos});
        break;
    }
  }
}

}  // namespace emnpub::layout
