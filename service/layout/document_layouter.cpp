#include "layout/document_layouter.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <system_error>
#include <thread>

#include "common/helper_thread.hpp"
#include "layout/block_builder.hpp"
#include "layout/brand_marks.hpp"
#include "layout/inline_collector.hpp"
#include "layout/page_builder.hpp"
#include "layout/toc_builder.hpp"
#include "style/strings.hpp"
#include "text/font_registry.hpp"
#include "text/paragraph_prefetch.hpp"
#include "text/shaper.hpp"

namespace emnpub::layout {

namespace {

using model::DocType;

// Sets one line of text (furniture, cover) and returns its drawing with the
// baseline at `baseline` (y down).
Drawing line_of_text(LayoutContext& ctx, const std::string& text, const style::BlockStyle& st,
                     Fixed x, Fixed width, Fixed top, text::Align align, const std::string& lang) {
  std::vector<VItem> tmp;
  BlockBuilder b(ctx, tmp, x, width);
  style::BlockStyle s = st;
  s.align = align;
  s.indent_start = s.indent_end = s.first_indent = 0;
  auto span = span_style_for(s, lang);
  span.hyphenate = false;
  b.text({{text, span, -1, {}}}, s, "Artifact");
  Drawing d;
  Fixed y = top;
  for (auto& it : tmp) {
    if (it.kind == VItem::Kind::Box) {
      for (auto& r : it.drawing.runs) r.tag = {};
      d.append(std::move(it.drawing), 0, y);
      y += it.height;
    }
  }
  return d;
}

std::string expand(const std::string& tpl, const std::map<std::string, std::string>& vars) {
  std::string out;
  for (size_t i = 0; i < tpl.size();) {
    if (tpl[i] == '{') {
      const size_t e = tpl.find('}', i);
      if (e != std::string::npos) {
        auto it = vars.find(tpl.substr(i + 1, e - i - 1));
        if (it != vars.end()) { out += it->second; i = e + 1; continue; }
      }
    }
    out += tpl[i++];
  }
  return out;
}

struct Geometry {
  const style::PageSpec& p;
  const std::map<std::string, style::PageVariant>& variants;
  int first_body = 0;  // physical index of the first body page

  // The variant in force on a physical page (0-based; even = recto when
  // facing): "first" on the first body page, else "left"/"right" on facing
  // layouts. Blank pages hold no text; furniture() asks for "blank" itself.
  const style::PageVariant* variant(int page) const {
    auto find = [&](const char* name) -> const style::PageVariant* {
      auto it = variants.find(name);
      return it == variants.end() ? nullptr : &it->second;
    };
    if (page == first_body)
      if (const auto* v = find("first")) return v;
    if (p.facing) return find(page % 2 == 0 ? "right" : "left");
    return nullptr;
  }
  Fixed margin_top(int page) const {
    const auto* v = variant(page);
    return v && v->margin_top ? *v->margin_top : p.margin_top;
  }
  Fixed margin_bottom(int page) const {
    const auto* v = variant(page);
    return v && v->margin_bottom ? *v->margin_bottom : p.margin_bottom;
  }
  Fixed left(int page) const {
    const auto* v = variant(page);
    const Fixed inner = v && v->margin_inner ? *v->margin_inner : p.margin_inner;
    const Fixed outer = v && v->margin_outer ? *v->margin_outer : p.margin_outer;
    return (p.facing && page % 2 == 1) ? outer : inner;
  }
  // Variants keep the text width (the layout loader checks it).
  Fixed body_width() const { return p.width - p.margin_inner - p.margin_outer; }
  Fixed body_height() const { return p.height - p.margin_top - p.margin_bottom; }
  Fixed body_height(int page) const { return p.height - margin_top(page) - margin_bottom(page); }
  Fixed column_width() const {
    return (body_width() - (p.columns - 1) * p.column_gap) / p.columns;
  }
  std::vector<Frame> frames(int page, Fixed top_reserved) const {
    std::vector<Frame> f;
    for (int c = 0; c < p.columns; ++c)
      f.push_back({left(page) + c * (column_width() + p.column_gap), margin_top(page) + top_reserved,
                   column_width(), body_height(page) - top_reserved});
    return f;
  }
};

class DocumentLayouter {
 public:
  static constexpr int kMaxPasses = 4;

  DocumentLayouter(const model::Document& doc, const style::Layout& L, const text::FontRegistry& fonts,
                   const text::HyphenatorCache& hyph, Diagnostics& warnings, const Limits& limits,
                   const ImageStore* images)
      : doc_(doc), L_(L), fonts_(fonts), hyph_(hyph), warnings_(warnings), limits_(limits), images_(images),
        geo_{L.page, L.variants}, setter_(fonts, hyph, shaper_) {}

  PagedDocument run(const PageSink* sink) {
    // The first pass only measures: it finds where every target lands and
    // keeps no glyphs. Full passes follow, writing page numbers into
    // references and "page X of Y" with what the previous pass found, and
    // streaming their pages out as they are built; a number can move what
    // it refers to (a longer number rewraps a line), so they repeat until
    // the pages the text names are the pages things land on, at most four
    // passes in all.
    Known known;
    {
      Lookahead ahead(*this);
      pass(known, true, nullptr);
    }
    // Paragraphs set by the measuring pass are handed to the full pass
    // rather than copied, so no line is held twice; a further pass (rare)
    // sets them again.
    setter_.hand_over_cached(true);
    PagedDocument out;
    for (int n = 1; n < kMaxPasses; ++n) {
      if (n > 1 && settled(known)) break;
      known = learnt_;
      if (n > 1 && sink && sink->restart) sink->restart();
      out = PagedDocument{};  // free the previous pass's pages before building the next
      out = pass(known, false, sink);
    }
    warnings_.append(pass_warnings_);  // only the last pass's warnings count
    // Links go where the last pass put their targets (the PDF writer
    // places them at the end), so a target that only moved up or down its
    // page needs no further pass.
    out.destinations = std::move(learnt_.marks);
    return out;
  }

 private:
  // Sets the measuring pass's paragraphs from the last on a second thread
  // while this one sets them from the first (text/paragraph_prefetch.hpp).
  // The helper first records which paragraphs the pass will ask for, by
  // running it with a setter that sets nothing. Any error there or while
  // setting only ends the help: the layout thread sets what is left, and
  // meets the error itself.
  class Lookahead {
   public:
    explicit Lookahead(DocumentLayouter& d) : d_(d) {
      // One core: the helper would only take turns with this thread.
      if (!d.limits_.lookahead || std::thread::hardware_concurrency() < 2) return;
      try {
        helper_ = HelperThread([this] {
          try {  // nothing may leave a thread's function: that would end the process
            text::Shaper shaper;
            text::ParagraphSetter setter(d_.fonts_, d_.hyph_, shaper);
            d_.record_paragraphs([&](const text::ParagraphSpec& spec) {
              if (!store_.add(spec, setter)) throw Ended{};
            });
            store_.finish(setter);
          } catch (...) {
          }
        });
      } catch (const std::system_error&) {
        return;  // no thread to spare: this one sets them all
      }
      d_.setter_.share(&store_);
    }
    ~Lookahead() {
      if (!helper_.joinable()) return;
      store_.stop();
      helper_.join();
      d_.setter_.share(nullptr);
    }
    Lookahead(const Lookahead&) = delete;
    Lookahead& operator=(const Lookahead&) = delete;

   private:
    struct Ended {};  // ends the recording pass once the helper is told to stop
    DocumentLayouter& d_;
    text::ParagraphPrefetch store_;
    HelperThread helper_;
  };

  // Hands `recorder` the paragraphs a measuring pass asks for, in its order.
  void record_paragraphs(std::function<void(const text::ParagraphSpec&)> recorder) const {
    Diagnostics local;
    DocumentLayouter recording(doc_, L_, fonts_, hyph_, local, limits_, images_);
    recording.setter_.record_into(std::move(recorder));
    recording.pass(Known{}, true, nullptr);
  }

  // What a pass found, for the next one to print.
  struct Known {
    std::map<std::string, std::pair<int, std::string>> targets;  // id -> physical page, its label
    std::map<std::string, Destination> marks;                    // id -> physical page, y from the top
    std::vector<TocEntry> toc;
    int total = 0;                                               // pages
  };

  // Whether the last pass printed what it found: page numbers and labels
  // of targets, the contents and the page count. (Where on its page a
  // target lies is not printed: links take it from the last pass, see
  // run(). inform-de used to take a second full pass, 8 ms, because one
  // reference's page number, set, made a paragraph a line shorter.)
  bool settled(const Known& printed) const {
    if (learnt_.total != printed.total) return false;
    return !has_internal_refs_ || (learnt_.targets == printed.targets && learnt_.toc == printed.toc);
  }

  // Sets the footnote bodies referenced since the last call, at the column
  // measure (before the page builder sees the references).
  void set_new_notes(LayoutContext& ctx, const style::BlockStyle& fs) {
    for (size_t k = ctx.footnotes.size(); k < ctx.pending_notes.size(); ++k) {
      Footnote fn;
      BlockBuilder nb(ctx, fn.lines, 0, ctx.measure);
      nb.text(std::move(ctx.pending_notes[k]), fs, "Note");
      for (const auto& l : fn.lines) fn.height += l.kind == VItem::Kind::Penalty ? 0 : l.height;
      fn.height += fs.space_after;
      ctx.footnotes.push_back(std::move(fn));
    }
  }

  PagedDocument pass(const Known& known, bool measure_only, const PageSink* sink) {
    Diagnostics local;
    LayoutContext ctx(doc_, L_, fonts_, setter_, local);
    ctx.limits = limits_;
    ctx.measure_only = measure_only;
    number_targets(ctx);
    for (auto& [id, t] : ctx.targets)
      if (auto it = known.targets.find(id); it != known.targets.end()) {
        t.page = it->second.first;
        t.page_label = it->second.second;
      }
    ctx.measure = geo_.column_width();
    ctx.full_measure = geo_.body_width();
    ctx.max_figure_height = geo_.body_height() * 3 / 5;
    ctx.images = images_;
    const std::string& lang = doc_.lang;

    PagedDocument out;
    // Pages leave as they are finished: to the caller's sink, or into `out`.
    auto emit = [&](BuiltPage&& bp, int physical, int front_pages) {
      furniture(ctx, bp, physical, front_pages, known.total);
      Page page;
      page.width = L_.page.width;
      page.height = L_.page.height;
      page.label = label_for(physical, front_pages);
      page.bleed = L_.page.bleed;
      to_page(std::move(bp.drawing), page);
      if (sink)
        sink->page(std::move(page));
      else
        out.pages.push_back(std::move(page));
    };

    // Front matter: a title page of its own (reports) or a title block on
    // the first page above the body (informs, bulletins).
    const bool own_title_page = L_.cover.own_page;
    Drawing cover;
    Fixed cover_h = 0;
    build_cover(ctx, cover, cover_h, own_title_page);
    std::vector<BuiltPage> front;
    if (own_title_page) {
      front.emplace_back();
      front.back().drawing = std::move(cover);
      if (L_.page.facing) {
        front.emplace_back();
        build_imprint(ctx, front.back().drawing);
      }
    }

    // Table of contents (reports): front matter after the imprint, set with
    // the page numbers of the previous pass; the body starts on a recto. A
    // full pass sets it first, from the entries the previous pass found,
    // so its pages can leave before the body's; the measuring pass sets it
    // after the body, from its own entries.
    const bool toc_wanted = L_.toc_levels > 0 && own_title_page;
    std::vector<PlacedOutline> toc_outline;
    auto add_toc = [&] {
      if (!toc_wanted || ctx.toc.empty()) return;
      has_internal_refs_ = true;  // the page numbers need a second pass
      std::vector<VItem> toc_items = build_toc(ctx, known.targets, ctx.measure);
      const int toc_start = static_cast<int>(front.size());
      PageBuilderConfig tc;
      tc.frames = [&](int page) { return geo_.frames(page + toc_start, 0); };
      tc.max_pages = limits_.max_pages;
      PageBuildResult toc = build_pages(std::move(toc_items), tc, doc_.source_name);
      for (auto& o : toc.outline) {
        o.page += toc_start;
        toc_outline.push_back(std::move(o));
      }
      for (auto& p : toc.pages) front.push_back(std::move(p));
      if (L_.page.facing && front.size() % 2 == 1) front.emplace_back();
    };
    if (!measure_only) {
      ctx.toc = known.toc;
      add_toc();
      ctx.toc.clear();  // the body collects them again
    }
    // The body's pages do not depend on how many front pages precede them
    // (facing layouts keep that number even), so the measuring pass places
    // the body before it knows the contents' length.
    const int front_pages = static_cast<int>(front.size());
    geo_.first_body = front_pages;
    if (!measure_only)
      for (int p = 0; p < front_pages; ++p) emit(std::move(front[static_cast<size_t>(p)]), p, front_pages);

    // Footnotes: their style, and the label set above the part of a note
    // continued from the previous page. The label is set only when a note
    // does continue: most documents never need it, and setting it would
    // read its (italic) face for nothing. Its structure id is taken here,
    // where it always was, so the ids that follow do not depend on it.
    const auto fs = L_.block({"footnote", {}, {}, lang, 0});
    std::optional<VItem> continued;
    const int continued_sid = ctx.next_struct();
    auto continued_label = [&]() -> const VItem* {
      if (!continued) {
        std::vector<VItem> lines;
        BlockBuilder lb(ctx, lines, 0, ctx.measure);
        const auto base = span_style_for(fs, lang);
        std::vector<text::TextSpan> spans{
            {"(" + style::localized(style::Text::Continued, lang) + ")", apply_inline(L_, base, "em"), -1, {}}};
        lb.text(std::move(spans), fs, "Note", model::Dir::Auto, 0, 0, continued_sid);
        continued = stack_box(std::move(lines));
      }
      return &*continued;
    };

    PageBuilderConfig cfg;
    cfg.frames = [&](int page) {
      const int physical = page + front_pages;
      return geo_.frames(physical, (!own_title_page && page == 0) ? cover_h : 0);
    };
    if (L_.page.facing)
      cfg.is_recto = [&](int page) { return (page + front_pages) % 2 == 0; };
    cfg.footnotes = &ctx.footnotes;
    cfg.table_headers = &ctx.table_headers;
    cfg.footnote_gap = fs.space_before > 0 ? fs.space_before : 8 * kPt;
    cfg.footnote_sep_width = geo_.column_width() / 3;
    cfg.footnote_sep_color = fs.rule_color;
    cfg.continued_label = continued_label;
    cfg.band_gap = L_.block({"table", {}, {}, lang, 0}).space_before + 4 * kPt;
    cfg.max_pages = limits_.max_pages;
    PageBuilder::Sink body_sink = [&](BuiltPage&& bp, int page) {
      if (measure_only) return;  // only where things land counts
      if (page == 0 && !own_title_page) bp.drawing.append(std::move(cover), 0, 0);
      emit(std::move(bp), page + front_pages, front_pages);
    };
    PageBuilder pages(cfg, doc_.source_name, body_sink);

    // Body vertical list, handed to the page builder block by block so only
    // the lines of the pages not yet finished are held.
    std::vector<VItem> items;
    BlockBuilder bb(ctx, items, 0, ctx.measure);
    auto hand_over = [&](bool all) {
      set_new_notes(ctx, fs);
      // Items after the last box stay: a following space collapses into a
      // trailing one, and a heading's keep penalties stay with it.
      size_t keep = items.size();
      while (!all && keep > 0 && items[keep - 1].kind != VItem::Kind::Box) --keep;
      if (keep == 0) return;
      std::vector<VItem> ready(std::make_move_iterator(items.begin()),
                               std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(keep)));
      items.erase(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(keep));
      pages.feed(std::move(ready));
    };
    std::vector<int> counters;
    if (!doc_.summary.empty()) {
      if (doc_.type == DocType::Report) {
        const auto hs = L_.block({"heading", {}, "summary", lang, 1});
        bb.space(hs.space_before);
        std::vector<text::TextSpan> spans{{style::localized(style::Text::Summary, lang), span_style_for(hs, lang), -1, {}}};
        const int f = bb.text(std::move(spans), hs, "H1");
        if (f >= 0) {
          const std::string title = style::localized(style::Text::Summary, lang);
          items[static_cast<size_t>(f)].outline.push_back({title, 1});
          items[static_cast<size_t>(f)].running_title = title;
          items[static_cast<size_t>(f)].ids.push_back("\x01summary");
          ctx.toc.push_back({1, {}, title, "\x01summary", lang});
        }
        bb.forbid_break();
        bb.space(hs.space_after);
        bb.forbid_break();
      }
      for (const auto& b : doc_.summary) {
        bb.block(b, 0, false, counters);
        hand_over(false);
      }
    }
    for (const auto& b : doc_.body) {
      bb.block(b, 0, false, counters);
      hand_over(false);
    }
    if (!doc_.annexes.empty()) {
      std::vector<int> ac;
      for (const auto& b : doc_.annexes) {
        bb.block(b, 0, true, ac);
        hand_over(false);
      }
    }
    // Back matter (disclaimer, contact, back blocks) closes the document on
    // a page of its own.
    if (!doc_.meta.disclaimer.empty() || !doc_.meta.contact.empty() || !doc_.back.empty()) {
      VItem brk;
      brk.kind = VItem::Kind::Penalty;
      brk.penalty = -kInf;
      items.push_back(std::move(brk));
      back_matter(ctx, bb);
    }
    hand_over(true);
    for (const auto& a : ctx.anchors)
      if (a.kind == AnchorDef::Kind::Internal) has_internal_refs_ = true;
    PageBuildResult built = pages.finish();

    if (measure_only) add_toc();
    const int front_total = static_cast<int>(front.size());  // the measuring pass's TOC counts now
    geo_.first_body = front_total;  // the next pass's contents pages are not "first" pages

    learnt_ = Known{};
    for (const auto& m : built.marks) {
      const int physical = m.page + front_total;
      learnt_.marks[m.id] = Destination{physical, m.y};
      learnt_.targets[m.id] = {physical, label_for(physical, front_total)};
    }
    learnt_.toc = ctx.toc;
    learnt_.total = front_total + built.page_count;
    pass_warnings_ = local;
    if (measure_only) return {};

    out.info.title = doc_.meta.title_text;
    for (const auto& a : doc_.meta.authors) out.info.author += (out.info.author.empty() ? "" : ", ") + a;
    if (out.info.author.empty()) out.info.author = doc_.meta.publisher;
    out.info.subject = model::plain_text(doc_.meta.subtitle);
    if (out.info.subject.empty()) out.info.subject = doc_.meta.series;
    for (const auto& k : doc_.meta.keywords) out.info.keywords += (out.info.keywords.empty() ? "" : ", ") + k;
    out.info.date = doc_.meta.date;
    out.info.lang = lang;
    if (front_pages > 0) {
      out.labels.push_back({0, PageLabelRange::Style::LowerRoman, 1, {}});
      out.labels.push_back({front_pages, PageLabelRange::Style::Decimal, 1, {}});
    }
    for (const auto& o : toc_outline)
      out.outline.push_back({o.mark.title, o.mark.level, o.page, L_.page.height - o.y});
    for (const auto& o : built.outline)
      out.outline.push_back({o.mark.title, o.mark.level, o.page + front_pages, L_.page.height - o.y});
    return out;
  }

  std::string label_for(int physical, int front_pages) const {
    if (physical < front_pages) {
      static const char* r[] = {"i", "ii", "iii", "iv", "v", "vi"};
      return physical < 6 ? r[physical] : std::to_string(physical + 1);
    }
    return std::to_string(physical - front_pages + 1);
  }

  void to_page(Drawing&& in, Page& page) {
    // Taken over whole, so the built page's buffers go when this returns.
    Drawing d = std::move(in);
    const Fixed H = page.height;
    page.runs.reserve(page.runs.size() + d.runs.size());
    for (auto& r : d.rects) { r.y = H - r.y - r.h; page.rects.push_back(std::move(r)); }
    for (auto& pg : d.polygons) {
      for (auto& pt : pg.points) pt.second = H - pt.second;
      page.polygons.push_back(std::move(pg));
    }
    for (auto& i : d.images) { i.y = H - i.y - i.h; page.images.push_back(std::move(i)); }
    for (auto& l : d.lines) { l.y1 = H - l.y1; l.y2 = H - l.y2; page.lines.push_back(std::move(l)); }
    for (auto& r : d.runs) {
      r.y = H - r.y;
      // Pixel-level ordering of glyph positions stays relative to r.x.
      page.runs.push_back(std::move(r));
    }
    for (auto& l : d.links) { l.y = H - l.y - l.h; page.links.push_back(std::move(l)); }
    for (auto& il : d.internal) {
      Link l;
      l.x = il.x; l.w = il.w; l.h = il.h;
      l.y = H - il.y - il.h;
      l.dest_id = il.target;  // placed by the PDF writer (PagedDocument::destinations)
      page.links.push_back(std::move(l));
    }
  }

  void furniture(LayoutContext& ctx, BuiltPage& bp, int page, int front_pages, int total) {
    if (page < front_pages) return;
    // Page variants decide header and footer where they say so; blank
    // pages have none unless their variant asks.
    const style::PageVariant* variant = geo_.variant(page);
    if (bp.blank) {
      auto it = L_.variants.find("blank");
      variant = it == L_.variants.end() ? nullptr : &it->second;
      if (!variant) return;
    }
    const int body_page = page - front_pages;
    std::map<std::string, std::string> vars{
        {"page", std::to_string(body_page + 1)},
        {"pages", std::to_string(total - front_pages)},
        {"title", doc_.meta.title_text},
        {"section", bp.running_title},
        {"date", style::format_date(doc_.meta.date, doc_.lang)},
        {"series", doc_.meta.series + (doc_.meta.series_number.empty() ? "" : " " + doc_.meta.series_number)},
        {"page-word", style::localized(style::Text::Page, doc_.lang)},
        {"of", style::localized(style::Text::PageOf, doc_.lang)},
    };
    const Fixed x = geo_.left(page);
    const Fixed w = geo_.body_width();
    const bool recto = !L_.page.facing || page % 2 == 0;
    auto place = [&](const style::Furniture& f, Fixed baseline_y, bool is_header) {
      if (!f.enabled) return;
      const std::optional<bool> wanted = variant ? (is_header ? variant->header : variant->footer) : std::nullopt;
      if (wanted) {
        if (!*wanted) return;
      } else {
        if (bp.blank) return;
        if (f.skip_first && body_page == 0) return;
        if (is_header && bp.chapter_starts && L_.page.facing) return;  // chapter openings stay clean
      }
      const auto st = L_.block({f.style_name, {}, {}, doc_.lang, 0});
      const Fixed top = baseline_y - baseline_in_box(ctx, st);
      // On facing pages, left and right slots mirror so page numbers sit outside.
      const std::string& left = recto ? f.left : f.right;
      const std::string& right = recto ? f.right : f.left;
      if (!left.empty()) bp.drawing.append(line_of_text(ctx, expand(left, vars), st, x, w, top, text::Align::Left, doc_.lang), 0, 0);
      if (!f.center.empty()) bp.drawing.append(line_of_text(ctx, expand(f.center, vars), st, x, w, top, text::Align::Center, doc_.lang), 0, 0);
      if (!right.empty()) bp.drawing.append(line_of_text(ctx, expand(right, vars), st, x, w, top, text::Align::Right, doc_.lang), 0, 0);
      if (f.rule) {
        Line l;
        l.x1 = x;
        l.x2 = x + w;
        const Fixed gap = 4 * kPt;
        l.y1 = l.y2 = is_header ? baseline_y + gap : baseline_y - st.font.size - gap;
        l.color = st.rule_color;
        l.width = kPt / 4;
        bp.drawing.lines.push_back(l);
      }
    };
    place(L_.header, geo_.margin_top(page) - L_.header.offset, true);
    place(L_.footer, L_.page.height - geo_.margin_bottom(page) + L_.footer.offset, false);
  }

  void build_cover(LayoutContext& ctx, Drawing& d, Fixed& height, bool own_page) {
    const std::string& lang = doc_.lang;
    const Fixed W = L_.page.width;
    const Fixed x = geo_.left(0);
    const Fixed w = geo_.body_width();
    Fixed y = 0;
    if (L_.cover.band) {
      const Fixed band_h = own_page ? L_.cover.band_height * 2 : L_.cover.band_height;
      Rect band;
      // Colour that reaches the trim edge runs on into the bleed.
      const Fixed b = L_.page.bleed;
      band.x = -b; band.y = -b; band.w = W + 2 * b; band.h = band_h + b;
      band.fill_color = L_.cover.band_color;
      d.rects.push_back(band);
      Rect accent;
      accent.x = -b; accent.y = band_h; accent.w = W + 2 * b; accent.h = 3 * kPt;
      accent.fill_color = L_.cover.accent;
      d.rects.push_back(accent);
      const auto wm = L_.block({"wordmark", {}, {}, lang, 0});
      const auto tg = L_.block({"tagline", {}, {}, lang, 0});
      const Fixed flag_h = std::min<Fixed>(band_h - 16 * kPt, 40 * kPt);
      const Fixed wm_top = (band_h - wm.leading - 2 * tg.leading) / 2;
      const style::Cover::Wording words = L_.cover.wording(lang);
      d.append(line_of_text(ctx, words.wordmark, wm, x, w, wm_top, text::Align::Left, lang), 0, 0);
      d.append(line_of_text(ctx, words.tagline, tg, x, w, wm_top + wm.leading, text::Align::Left, lang), 0, 0);
      d.append(line_of_text(ctx, words.contact_point, tg, x, w, wm_top + wm.leading + tg.leading, text::Align::Left, lang), 0, 0);
      if (L_.cover.flag)
        draw_eu_flag(d, x + w - flag_h * 3 / 2, (band_h - flag_h) / 2, flag_h, Color{0x00, 0x33, 0x99},
                     L_.cover.accent);
      y = band_h + 3 * kPt;
    }
    // Series and date line, title, subtitle.
    std::vector<VItem> items;
    BlockBuilder b(ctx, items, x, w);
    const auto ms = L_.block({"doc-meta", {}, model::to_string(doc_.type), lang, 0});
    const auto ts = L_.block({"doc-title", {}, model::to_string(doc_.type), lang, 0});
    const auto ss = L_.block({"doc-subtitle", {}, model::to_string(doc_.type), lang, 0});
    b.space(own_page ? L_.page.margin_top * 2 : ms.space_before);
    std::string meta = doc_.meta.series;
    if (!doc_.meta.series_number.empty()) meta += (meta.empty() ? "" : " ") + std::string("n\u00BA\u00A0") + doc_.meta.series_number;
    std::string when = style::format_date(doc_.meta.date, lang);
    if (!doc_.meta.period_from.empty() && !doc_.meta.period_to.empty())
      when = style::format_date(doc_.meta.period_from, lang) + " \u2013 " + style::format_date(doc_.meta.period_to, lang);
    meta += (meta.empty() ? "" : "  \u00B7  ") + when;
    b.text({{meta, span_style_for(ms, lang), -1, {}}}, ms, "P");
    b.space(ts.space_before);
    std::vector<text::TextSpan> spans;
    collect_inlines(ctx, doc_.meta.title, span_style_for(ts, lang), spans);
    b.text(std::move(spans), ts, "Title");
    if (!doc_.meta.subtitle.empty()) {
      b.space(ss.space_before);
      std::vector<text::TextSpan> sub;
      collect_inlines(ctx, doc_.meta.subtitle, span_style_for(ss, lang), sub);
      b.text(std::move(sub), ss, "P");
    }
    if (own_page && !doc_.meta.authors.empty()) {
      const auto as = L_.block({"doc-authors", {}, model::to_string(doc_.type), lang, 0});
      b.space(as.space_before);
      std::string who;
      for (const auto& a : doc_.meta.authors) who += (who.empty() ? "" : ", ") + a;
      b.text({{who, span_style_for(as, lang), -1, {}}}, as, "P");
    }
    b.space(ts.space_after);
    VItem stacked = stack_box(std::move(items));
    for (auto& r : stacked.drawing.runs) r.tag = {"Title", 0, {}};
    d.append(std::move(stacked.drawing), 0, y);
    height = y + stacked.height - L_.page.margin_top;
    if (own_page) {
      // Publisher at the foot of the title page.
      const auto ps = L_.block({"doc-meta", {}, model::to_string(doc_.type), lang, 0});
      if (!doc_.meta.publisher.empty())
        d.append(line_of_text(ctx, doc_.meta.publisher, ps, x, w, L_.page.height - L_.page.margin_bottom - ps.leading,
                              text::Align::Left, lang), 0, 0);
    }
    if (height < 0) height = 0;
  }

  void build_imprint(LayoutContext& ctx, Drawing& d) {
    const std::string& lang = doc_.lang;
    const auto st = L_.block({"imprint", {}, {}, lang, 0});
    std::vector<VItem> items;
    const Fixed x = geo_.left(1);
    BlockBuilder b(ctx, items, x, geo_.body_width());
    auto line = [&](const std::string& label, const std::string& value) {
      if (value.empty()) return;
      b.text({{label + value, span_style_for(st, lang), -1, {}}}, st, "P");
    };
    line("", doc_.meta.publisher);
    line("", style::format_date(doc_.meta.date, lang));
    line("ISBN ", doc_.meta.isbn);
    line("DOI ", doc_.meta.doi);
    line("D/", doc_.meta.legal_deposit);
    VItem stacked = stack_box(std::move(items));
    d.append(std::move(stacked.drawing), 0, L_.page.height - L_.page.margin_bottom - stacked.height);
  }

  void back_matter(LayoutContext& ctx, BlockBuilder& bb) {
    const std::string& lang = doc_.lang;
    std::vector<int> counters;
    auto titled = [&](style::Text what, const std::vector<model::Block>& blocks) {
      if (blocks.empty()) return;
      const auto hs = L_.block({"back-title", {}, {}, lang, 0});
      bb.space(hs.space_before);
      bb.text({{style::localized(what, lang), span_style_for(hs, lang), -1, {}}}, hs, "H2");
      bb.forbid_break();
      bb.space(hs.space_after);
      bb.forbid_break();
      bb.blocks(blocks, 1, false, counters);
    };
    bb.blocks(doc_.back, 1, false, counters);
    titled(style::Text::Disclaimer, doc_.meta.disclaimer);
    titled(style::Text::Contact, doc_.meta.contact);
    (void)ctx;
  }

  const model::Document& doc_;
  const style::Layout& L_;
  const text::FontRegistry& fonts_;
  const text::HyphenatorCache& hyph_;
  Diagnostics& warnings_;
  Limits limits_;
  const ImageStore* images_;
  Geometry geo_;
  bool has_internal_refs_ = false;
  Diagnostics pass_warnings_;
  text::Shaper shaper_;
  text::ParagraphSetter setter_;
  Known learnt_;  // what the last pass found
};

}  // namespace

PagedDocument layout_document(const model::Document& doc, const style::Layout& L,
                              const text::FontRegistry& fonts, const text::HyphenatorCache& hyph,
                              Diagnostics& warnings, const Limits& limits, const ImageStore* images,
                              const PageSink* sink) {
  DocumentLayouter d(doc, L, fonts, hyph, warnings, limits, images);
  return d.run(sink);
}

}  // namespace emnpub::layout
