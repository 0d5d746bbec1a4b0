#include "xml/model_builder.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <optional>
#include <set>

#include "xml/dom.hpp"
#include "xml/image_source.hpp"
#include "xml/iso_codes.hpp"
#include "xml/lengths.hpp"
#include "xml/value_types.hpp"
#include "xml/whitespace.hpp"

namespace emnpub::xml {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

// Inherited from ancestors.
struct Ctx {
  std::string lang;
  model::Dir dir = model::Dir::Auto;
};

bool is_block_name(std::string_view n) {
  static const std::set<std::string_view> kBlocks = {"p",   "ul",    "ol",  "table", "figure",          "chart",
                                                     "box", "quote", "pre", "definition-list", "pagebreak"};
  return kBlocks.count(n) > 0;
}

int to_int(std::string_view text, int fallback) {
  const std::string v = collapse_token(text);
  std::string_view s = v;
  if (s.starts_with('+')) s.remove_prefix(1);
  int n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return ec == std::errc() && end == s.data() + s.size() ? n : fallback;
}

double to_double(std::string_view text) {
  const std::string v = collapse_token(text);
  std::string_view s = v;
  if (s.starts_with('+')) s.remove_prefix(1);
  double d = 0;
  std::from_chars(s.data(), s.data() + s.size(), d, std::chars_format::fixed);
  return d;
}

model::ListStyle list_style(std::string_view s) {
  if (s == "lower-alpha") return model::ListStyle::LowerAlpha;
  if (s == "upper-alpha") return model::ListStyle::UpperAlpha;
  if (s == "lower-roman") return model::ListStyle::LowerRoman;
  if (s == "upper-roman") return model::ListStyle::UpperRoman;
  return model::ListStyle::Decimal;
}

model::CellAlign cell_align(std::string_view s) {
  if (s == "left") return model::CellAlign::Left;
  if (s == "center") return model::CellAlign::Center;
  if (s == "right") return model::CellAlign::Right;
  if (s == "start") return model::CellAlign::Start;
  if (s == "end") return model::CellAlign::End;
  if (s == "decimal") return model::CellAlign::Decimal;
  return model::CellAlign::Default;
}

model::DocType doc_type(std::string_view s) { return model::doc_type_named(s).value_or(model::DocType::Inform); }

class Builder {
 public:
  explicit Builder(const SourceMap& map) : map_(map) {}

  model::Document document(const xmlNode* root, const std::string& source_name) {
    model::Document d;
    d.source_name = source_name;
    const SharedText path("/" + std::string(name_of(root)));
    const Ctx ctx = enter(root, Ctx{});
    d.type = doc_type(collapse_token(attribute(root, "type").value_or("")));
    d.id = collapse_token(attribute(root, "id").value_or(""));
    d.lang = ctx.lang;
    d.dir = ctx.dir;
    for (const auto& [c, cpath] : child_paths(root, path)) {
      const std::string_view n = name_of(c);
      const Ctx cctx = enter(c, ctx);
      if (n == "meta") d.meta = meta(c, cpath, cctx);
      else if (n == "summary") d.summary = blocks(c, cpath, cctx);
      else if (n == "back") d.back = blocks(c, cpath, cctx);
      else if (n == "annexes") d.annexes = sections(c, cpath, cctx);
      else if (n == "body") {
        if (d.type == model::DocType::Glossary) d.entries = entries(c, cpath, cctx);
        else d.body = sections(c, cpath, cctx);
      }
    }
    return d;
  }

 private:
  SourcePos pos(const xmlNode* n, const SharedText& path) const {
    const LineCol at = map_.start_of(n);
    return SourcePos{at.line, at.column, path};
  }

  static Ctx enter(const xmlNode* e, const Ctx& parent) {
    Ctx c = parent;
    if (auto lang = attribute(e, "xml:lang")) c.lang = canonical_language_tag(collapse_token(*lang));
    if (auto dir = attribute(e, "dir")) {
      const std::string d = collapse_token(*dir);
      c.dir = d == "rtl" ? model::Dir::Rtl : d == "ltr" ? model::Dir::Ltr : c.dir;
    }
    return c;
  }

  // ---- inline content ------------------------------------------------------

  std::vector<Inline> inlines(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    std::vector<Inline> out;
    collect_inlines(e, path, ctx, out);
    normalize_inlines(out);
    return out;
  }

  void collect_inlines(const xmlNode* e, const SharedText& path, const Ctx& ctx, std::vector<Inline>& out) {
    const auto paths = child_paths(e, path);
    std::size_t next_path = 0;
    out.reserve(out.size() + 2 * paths.size() + 1);  // text around each element
    for (const xmlNode* c = e->children; c; c = c->next) {
      if (is_text(c)) {
        Inline t;
        t.kind = InlineKind::Text;
        t.text = std::string(text_of(c));
        t.lang = ctx.lang;
        const long line = xmlGetLineNo(c);
        t.pos = SourcePos{line > 0 ? static_cast<int>(line) : 0, 0, path};
        // Adjacent text (e.g. around an entity) is one run for the layout.
        if (!out.empty() && out.back().kind == InlineKind::Text) out.back().text += t.text;
        else out.push_back(std::move(t));
      } else if (is_element(c)) {
        const SharedText& cpath = paths[next_path++].path;
        if (auto in = inline_element(c, cpath, ctx)) out.push_back(std::move(*in));
      }
    }
  }

  std::optional<Inline> inline_element(const xmlNode* e, const SharedText& path, const Ctx& parent) {
    static const std::pair<std::string_view, InlineKind> kKinds[] = {
        {"em", InlineKind::Emph}, {"strong", InlineKind::Strong}, {"sup", InlineKind::Sup},
        {"sub", InlineKind::Sub}, {"code", InlineKind::Code},     {"span", InlineKind::Span},
        {"a", InlineKind::Link},  {"ref", InlineKind::Ref},       {"note", InlineKind::Note},
        {"abbr", InlineKind::Abbr}, {"br", InlineKind::Break}};
    const std::string_view n = name_of(e);
    const auto* kind = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& k) { return k.first == n; });
    if (kind == std::end(kKinds) || e->ns) return std::nullopt;
    const Ctx ctx = enter(e, parent);
    Inline in;
    in.kind = kind->second;
    in.lang = ctx.lang;
    in.pos = pos(e, path);
    in.cls = collapse_token(attribute(e, "class").value_or(""));
    switch (in.kind) {
      case InlineKind::Link: in.href = collapse_token(attribute(e, "href").value_or("")); break;
      case InlineKind::Ref: in.target = collapse_token(attribute(e, "target").value_or("")); break;
      case InlineKind::Abbr: in.title = normalize_text(attribute(e, "title").value_or("")); break;
      default: break;
    }
    if (in.kind != InlineKind::Ref && in.kind != InlineKind::Break) collect_inlines(e, path, ctx, in.children);
    return in;
  }

  // ---- blocks ----------------------------------------------------------------

  std::vector<Block> blocks(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    std::vector<Block> out;
    const auto children = child_paths(e, path);
    out.reserve(children.size());  // blocks are large: no regrowth, no slack
    for (const auto& [c, cpath] : children)
      if (!c->ns && is_block_name(name_of(c))) out.push_back(block(c, cpath, ctx));
    return out;
  }

  static bool holds_blocks(const xmlNode* e) {
    for (const xmlNode* c = e->children; c; c = c->next)
      if (is_element(c) && !c->ns && is_block_name(name_of(c))) return true;
    return false;
  }

  // li, definition: blocks, or inline content wrapped in one Paragraph.
  std::vector<Block> flow(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    if (holds_blocks(e)) return blocks(e, path, ctx);
    std::vector<Inline> content = inlines(e, path, ctx);
    if (content.empty()) return {};
    Block p = base_block(BlockKind::Paragraph, e, path, ctx);
    p.id.clear();  // the id belongs to the li/td itself
    p.cls.clear();
    p.inlines = std::move(content);
    std::vector<Block> one;  // (a braced list would copy the block)
    one.push_back(std::move(p));
    return one;
  }

  Block base_block(BlockKind kind, const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    Block b;
    b.kind = kind;
    b.id = collapse_token(attribute(e, "id").value_or(""));
    b.cls = collapse_token(attribute(e, "class").value_or(""));
    b.lang = ctx.lang;
    b.dir = ctx.dir;
    b.pos = pos(e, path);
    return b;
  }

  Block block(const xmlNode* e, const SharedText& path, const Ctx& parent) {
    const Ctx ctx = enter(e, parent);
    const std::string_view n = name_of(e);
    if (n == "p") {
      Block b = base_block(BlockKind::Paragraph, e, path, ctx);
      b.inlines = inlines(e, path, ctx);
      return b;
    }
    if (n == "ul" || n == "ol") return list(e, path, ctx);
    if (n == "table") return table(e, path, ctx);
    if (n == "figure") return figure(e, path, ctx);
    if (n == "chart") return chart(e, path, ctx);
    if (n == "box") {
      Block b = base_block(BlockKind::Box, e, path, ctx);
      b.box_type = collapse_token(attribute(e, "type").value_or(""));
      for (const auto& [c, cpath] : child_paths(e, path))
        if (is_element(c, "title")) b.title = inlines(c, cpath, enter(c, ctx));
      b.blocks = blocks(e, path, ctx);
      return b;
    }
    if (n == "quote") {
      Block b = base_block(BlockKind::Quote, e, path, ctx);
      for (const auto& [c, cpath] : child_paths(e, path))
        if (is_element(c, "source")) b.source = inlines(c, cpath, enter(c, ctx));
      b.blocks = blocks(e, path, ctx);
      return b;
    }
    if (n == "pre") {
      Block b = base_block(BlockKind::Pre, e, path, ctx);
      b.text = pre_text(text_content(e));
      return b;
    }
    if (n == "definition-list") {
      Block b = base_block(BlockKind::DefList, e, path, ctx);
      for (const auto& [c, cpath] : child_paths(e, path)) {
        const Ctx cctx = enter(c, ctx);
        if (is_element(c, "term")) {
          Block t = base_block(BlockKind::DefTerm, c, cpath, cctx);
          t.inlines = inlines(c, cpath, cctx);
          b.blocks.push_back(std::move(t));
        } else if (is_element(c, "definition")) {
          Block d = base_block(BlockKind::DefDesc, c, cpath, cctx);
          d.blocks = flow(c, cpath, cctx);
          b.blocks.push_back(std::move(d));
        }
      }
      return b;
    }
    return base_block(BlockKind::PageBreak, e, path, ctx);
  }

  Block list(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    Block b = base_block(BlockKind::List, e, path, ctx);
    b.ordered = is_element(e, "ol");
    b.list_style = b.ordered ? list_style(collapse_token(attribute(e, "style").value_or("decimal")))
                             : model::ListStyle::Bullet;
    b.start = b.ordered ? to_int(attribute(e, "start").value_or("1"), 1) : 1;
    const auto children = child_paths(e, path);
    b.blocks.reserve(children.size());
    for (const auto& [c, cpath] : children) {
      if (!is_element(c, "li")) continue;
      const Ctx cctx = enter(c, ctx);
      Block li = base_block(BlockKind::ListItem, c, cpath, cctx);
      li.blocks = flow(c, cpath, cctx);
      b.blocks.push_back(std::move(li));
    }
    return b;
  }

  Block table(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    Block b = base_block(BlockKind::Table, e, path, ctx);
    for (const auto& [c, cpath] : child_paths(e, path)) {
      const Ctx cctx = enter(c, ctx);
      const std::string_view n = name_of(c);
      if (n == "caption") {
        b.table.caption = inlines(c, cpath, cctx);
      } else if (n == "colgroup") {
        for (const auto& [col, colpath] : child_paths(c, cpath)) {
          if (!is_element(col, "col")) continue;
          const Width w = parse_width(attribute(col, "width").value_or(""));
          b.table.columns.push_back(model::TableColumn{w.percent, w.points});
        }
      } else if (n == "thead" || n == "tbody" || n == "tfoot") {
        const model::RowGroup group = n == "thead"   ? model::RowGroup::Head
                                      : n == "tfoot" ? model::RowGroup::Foot
                                                     : model::RowGroup::Body;
        for (const auto& [tr, trpath] : child_paths(c, cpath))
          if (is_element(tr, "tr")) b.table.rows.push_back(row(tr, trpath, enter(tr, cctx), group));
      }
    }
    return b;
  }

  model::TableRow row(const xmlNode* tr, const SharedText& path, const Ctx& ctx, model::RowGroup group) {
    model::TableRow r;
    r.group = group;
    r.pos = pos(tr, path);
    const auto children = child_paths(tr, path);
    r.cells.reserve(children.size());
    for (const auto& [c, cpath] : children) {
      if (!is_element(c, "td") && !is_element(c, "th")) continue;
      const Ctx cctx = enter(c, ctx);
      model::TableCell cell;
      cell.header = is_element(c, "th");
      cell.colspan = std::max(1, to_int(attribute(c, "colspan").value_or("1"), 1));
      cell.rowspan = std::max(1, to_int(attribute(c, "rowspan").value_or("1"), 1));
      cell.align = cell_align(collapse_token(attribute(c, "align").value_or("")));
      if (holds_blocks(c))
        cell.blocks = blocks(c, cpath, cctx);
      else
        cell.inlines = inlines(c, cpath, cctx);
      cell.lang = cctx.lang;
      cell.dir = cctx.dir;
      cell.pos = pos(c, cpath);
      r.cells.push_back(std::move(cell));
    }
    return r;
  }

  Block figure(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    Block b = base_block(BlockKind::Figure, e, path, ctx);
    for (const auto& [c, cpath] : child_paths(e, path)) {
      if (is_element(c, "caption")) {
        b.caption = inlines(c, cpath, enter(c, ctx));
      } else if (is_element(c, "img")) {
        const std::string src = attribute(c, "src").value_or("");
        b.image.src = is_data_uri(src) ? strip_data_uri_spaces(src) : collapse_token(src);
        b.image.alt = normalize_text(attribute(c, "alt").value_or(""));
        const Width w = parse_width(attribute(c, "width").value_or(""));
        b.image.width_percent = w.percent;
        b.image.width_points = w.points;
      }
    }
    return b;
  }

  Block chart(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    Block b = base_block(BlockKind::Chart, e, path, ctx);
    b.chart.type = collapse_token(attribute(e, "type").value_or(""));
    for (const auto& [c, cpath] : child_paths(e, path)) {
      if (is_element(c, "caption")) {
        b.caption = inlines(c, cpath, enter(c, ctx));
      } else if (is_element(c, "series")) {
        model::ChartSeries s;
        s.name = normalize_text(attribute(c, "name").value_or(""));
        s.pos = pos(c, cpath);
        for (const auto& [p, ppath] : child_paths(c, cpath)) {
          if (!is_element(p, "point")) continue;
          s.points.push_back(model::ChartPoint{normalize_text(attribute(p, "label").value_or("")),
                                               to_double(attribute(p, "value").value_or("0")), pos(p, ppath)});
        }
        b.chart.series.push_back(std::move(s));
      }
    }
    return b;
  }

  // ---- sections and items ------------------------------------------------------

  std::vector<Block> sections(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    std::vector<Block> out;
    const auto children = child_paths(e, path);
    out.reserve(children.size());
    for (const auto& [c, cpath] : children)
      if (is_element(c, "section")) out.push_back(section(c, cpath, enter(c, ctx), 1));
    return out;
  }

  Block section(const xmlNode* e, const SharedText& path, const Ctx& ctx, int level) {
    Block b = base_block(BlockKind::Section, e, path, ctx);
    b.level = level;
    b.numbered = collapse_token(attribute(e, "numbered").value_or("yes")) != "no";
    const auto children = child_paths(e, path);
    b.blocks.reserve(children.size());
    for (const auto& [c, cpath] : children) {
      if (c->ns) continue;
      const std::string_view n = name_of(c);
      const Ctx cctx = enter(c, ctx);
      if (n == "title") b.title = inlines(c, cpath, cctx);
      else if (n == "section") b.blocks.push_back(section(c, cpath, cctx, level + 1));
      else if (n == "item") b.blocks.push_back(item(c, cpath, cctx));
      else if (is_block_name(n)) b.blocks.push_back(block(c, cpath, ctx));
    }
    return b;
  }

  Block item(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    Block b = base_block(BlockKind::Item, e, path, ctx);
    b.country = collapse_token(attribute(e, "country").value_or(""));
    b.date = collapse_token(attribute(e, "date").value_or(""));
    for (const auto& [c, cpath] : child_paths(e, path))
      if (is_element(c, "title")) b.title = inlines(c, cpath, enter(c, ctx));
    b.blocks = blocks(e, path, ctx);
    return b;
  }

  // ---- metadata ------------------------------------------------------------------

  model::Meta meta(const xmlNode* e, const SharedText& path, const Ctx& ctx) {
    model::Meta m;
    m.pos = pos(e, path);
    for (const auto& [c, cpath] : child_paths(e, path)) {
      const std::string_view n = name_of(c);
      const Ctx cctx = enter(c, ctx);
      if (n == "title") {
        m.title = inlines(c, cpath, cctx);
        m.title_text = normalize_text(model::plain_text(m.title));
      } else if (n == "subtitle") {
        m.subtitle = inlines(c, cpath, cctx);
      } else if (n == "series") {
        m.series = normalize_text(text_content(c));
        m.series_number = collapse_token(attribute(c, "number").value_or(""));
      } else if (n == "date") {
        m.date = collapse_token(text_content(c));
      } else if (n == "period") {
        m.period_from = collapse_token(attribute(c, "from").value_or(""));
        m.period_to = collapse_token(attribute(c, "to").value_or(""));
      } else if (n == "authors") {
        for (const auto& [a, apath] : child_paths(c, cpath))
          if (is_element(a, "author")) m.authors.push_back(normalize_text(text_content(a)));
      } else if (n == "publisher") {
        m.publisher = normalize_text(text_content(c));
      } else if (n == "keywords") {
        for (const auto& [k, kpath] : child_paths(c, cpath))
          if (is_element(k, "keyword")) m.keywords.push_back(normalize_text(text_content(k)));
      } else if (n == "disclaimer") {
        m.disclaimer = blocks(c, cpath, cctx);
      } else if (n == "contact") {
        m.contact = blocks(c, cpath, cctx);
      } else if (n == "isbn") {
        m.isbn = normalize_text(text_content(c));
      } else if (n == "doi") {
        m.doi = normalize_text(text_content(c));
      } else if (n == "legal-deposit") {
        m.legal_deposit = normalize_text(text_content(c));
      }
    }
    return m;
  }

  // ---- glossary ------------------------------------------------------------------

  std::vector<model::GlossaryEntry> entries(const xmlNode* body, const SharedText& path, const Ctx& ctx) {
    std::vector<model::GlossaryEntry> out;
    for (const auto& [e, epath] : child_paths(body, path)) {
      if (!is_element(e, "entry")) continue;
      const Ctx ectx = enter(e, ctx);
      model::GlossaryEntry g;
      g.id = collapse_token(attribute(e, "id").value_or(""));
      g.lang = ectx.lang;
      g.pos = pos(e, epath);
      for (const auto& [c, cpath] : child_paths(e, epath)) {
        const std::string_view n = name_of(c);
        const Ctx cctx = enter(c, ectx);
        if (n == "term") {
          g.lang = cctx.lang;
          g.headword = inlines(c, cpath, cctx);
        } else if (n == "definition") {
          g.definition = flow(c, cpath, cctx);
        } else if (n == "translations") {
          for (const auto& [t, tpath] : child_paths(c, cpath)) {
            if (!is_element(t, "term")) continue;
            const Ctx tctx = enter(t, cctx);
            g.translations.push_back(model::Translation{tctx.lang, inlines(t, tpath, tctx), pos(t, tpath)});
          }
        } else if (n == "related") {
          g.related.push_back(collapse_token(attribute(c, "ref").value_or("")));
        } else if (n == "source") {
          g.source = inlines(c, cpath, cctx);
        }
      }
      out.push_back(std::move(g));
    }
    return out;
  }

  const SourceMap& map_;
};

}  // namespace

model::Document build_document(const xmlDoc* doc, const SourceMap& map, const std::string& source_name) {
  const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(doc));
  if (!root) return {};
  return Builder(map).document(root, source_name);
}

}  // namespace emnpub::xml
