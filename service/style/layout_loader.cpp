// Reads a layout file and its brand file into a Layout, checking every
// element, attribute and value; all problems are reported together, located.
#include <algorithm>
#include <cmath>
#include <map>
#include <filesystem>
#include <tuple>

#include "common/config_xml.hpp"
#include "common/diagnostics.hpp"
#include "style/lang_range.hpp"
#include "style/layout.hpp"
#include "style/style_properties.hpp"
#include "style/value_parsers.hpp"

namespace emnpub::style {

namespace fs = std::filesystem;

namespace {

// The style names the layout engine asks for; a rule naming anything else
// would silently match nothing, so it is refused.
const std::vector<std::string>& block_names() {
  static const std::vector<std::string> n = {
      "body", "p", "heading", "ul", "ol", "li", "box", "box-title", "quote", "quote-source", "pre",
      "term", "definition", "table", "th", "td", "tfoot", "caption", "footnote", "item-meta",
      "item-title", "doc-meta", "doc-title", "doc-subtitle", "doc-authors", "wordmark", "tagline",
      "imprint", "back-title", "header", "footer", "figure", "toc-title", "toc-entry"};
  return n;
}
const std::vector<std::string>& inline_names() {
  static const std::vector<std::string> n = {"em", "strong", "sup", "sub", "code", "a", "ref", "note-ref",
                                             "note-number", "span", "abbr", "heading-number", "caption-label"};
  return n;
}
bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// Style rules wait until every colour and font role (brand and layout) is
// known, so a layout's redefinition of a brand colour reaches brand rules.
struct PendingRule {
  std::string file;
  ConfigNode node;
};

struct Loader {
  Layout& L;
  Diagnostics& d;
  std::string file;
  std::vector<PendingRule>* pending = nullptr;
  std::map<std::string, SourcePos> variant_pos_;

  void error(SourcePos p, std::string msg) { d.error(DiagKind::Layout, file, std::move(p), std::move(msg)); }

  void check_attrs(const ConfigNode& n, std::initializer_list<const char*> allowed) {
    for (const auto& a : n.attrs) {
      bool ok = false;
      for (const char* x : allowed) ok = ok || a.name == x;
      if (ok) continue;
      std::string list;
      for (const char* x : allowed) list += std::string(list.empty() ? "" : ", ") + x;
      error({a.line, a.column, {}}, "unknown attribute '" + a.name + "' on <" + n.name + ">; allowed: " + list);
    }
  }

  void length(const ConfigNode& n, const char* attr, Fixed& out) {
    if (auto v = n.get(attr)) {
      if (auto l = parse_length(*v)) out = *l;
      else error(n.pos_of(attr), "'" + std::string(attr) + "' has the value '" + *v + "'; expected a length such as 12pt, 20mm or 2cm");
    }
  }
  void boolean(const ConfigNode& n, const char* attr, bool& out) {
    if (auto v = n.get(attr)) {
      if (auto b = parse_bool(*v)) out = *b;
      else error(n.pos_of(attr), "'" + std::string(attr) + "' has the value '" + *v + "'; expected yes or no");
    }
  }
  void integer(const ConfigNode& n, const char* attr, int& out, int lo, int hi) {
    if (auto v = n.get(attr)) {
      auto i = parse_int(*v);
      if (i && *i >= lo && *i <= hi) out = *i;
      else error(n.pos_of(attr), "'" + std::string(attr) + "' has the value '" + *v + "'; expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    }
  }
  void color(const ConfigNode& n, const char* attr, Color& out) {
    if (auto v = n.get(attr)) {
      if (auto c = parse_color(*v, L.colors)) out = *c;
      else error(n.pos_of(attr), "'" + std::string(attr) + "' has the value '" + *v + "'; expected #RRGGBB, cmyk(c,m,y,k) or a brand colour name");
    }
  }

  void page(const ConfigNode& n) {
    check_attrs(n, {"size", "margin-top", "margin-bottom", "margin-inner", "margin-outer", "facing", "columns", "column-gap", "bleed"});
    if (auto v = n.get("size")) {
      if (*v == "A4") { L.page.width = from_mm(210); L.page.height = from_mm(297); }
      else if (*v == "A5") { L.page.width = from_mm(148); L.page.height = from_mm(210); }
      else if (*v == "Letter") { L.page.width = from_pt(612); L.page.height = from_pt(792); }
      else {
        const auto sp = v->find(' ');
        auto w = sp == std::string::npos ? std::nullopt : parse_length(v->substr(0, sp));
        auto h = sp == std::string::npos ? std::nullopt : parse_length(v->substr(sp + 1));
        if (w && h && *w > 72 * kPt && *h > 72 * kPt) { L.page.width = *w; L.page.height = *h; }
        else error(n.pos_of("size"), "'size' has the value '" + *v + "'; expected A4, A5, Letter or two lengths such as \"170mm 240mm\"");
      }
    }
    length(n, "margin-top", L.page.margin_top);
    length(n, "margin-bottom", L.page.margin_bottom);
    length(n, "margin-inner", L.page.margin_inner);
    length(n, "margin-outer", L.page.margin_outer);
    boolean(n, "facing", L.page.facing);
    integer(n, "columns", L.page.columns, 1, 4);
    length(n, "column-gap", L.page.column_gap);
    length(n, "bleed", L.page.bleed);
    if (L.page.bleed < 0 || L.page.bleed > from_mm(20))
      error(n.pos_of("bleed"), "'bleed' must be from 0 to 20mm (3mm is usual)");
  }

  void page_variant(const ConfigNode& n) {
    check_attrs(n, {"for", "margin-top", "margin-bottom", "margin-inner", "margin-outer", "header", "footer"});
    const auto which = n.get("for");
    if (!which || (*which != "first" && *which != "left" && *which != "right" && *which != "blank")) {
      error(which ? n.pos_of("for") : n.pos(), "<page-variant> needs 'for' with the value first, left, right or blank");
      return;
    }
    PageVariant& v = L.variants[*which];
    auto opt_length = [&](const char* attr, std::optional<Fixed>& out) {
      if (!n.get(attr)) return;
      Fixed x = 0;
      length(n, attr, x);
      out = x;
    };
    auto opt_bool = [&](const char* attr, std::optional<bool>& out) {
      if (!n.get(attr)) return;
      bool b = false;
      boolean(n, attr, b);
      out = b;
    };
    opt_length("margin-top", v.margin_top);
    opt_length("margin-bottom", v.margin_bottom);
    opt_length("margin-inner", v.margin_inner);
    opt_length("margin-outer", v.margin_outer);
    opt_bool("header", v.header);
    opt_bool("footer", v.footer);
    variant_pos_[*which] = n.pos();
  }

  // Paragraphs are set once, at the page's measure: a variant that changed
  // the text width would need every paragraph set again.
  void check_variants() {
    for (const auto& [name, v] : L.variants) {
      const Fixed inner = v.margin_inner.value_or(L.page.margin_inner);
      const Fixed outer = v.margin_outer.value_or(L.page.margin_outer);
      if (inner + outer != L.page.margin_inner + L.page.margin_outer)
        error(variant_pos_[name], "<page-variant for=\"" + name + "\"> changes the text width: margin-inner + margin-outer must equal the page's (" +
                                      format_mm(L.page.margin_inner + L.page.margin_outer) + "); move the text area instead");
      const Fixed top = v.margin_top.value_or(L.page.margin_top);
      const Fixed bottom = v.margin_bottom.value_or(L.page.margin_bottom);
      if (top + bottom > L.page.height - 72 * kPt)
        error(variant_pos_[name], "<page-variant for=\"" + name + "\"> leaves less than 1in of text height");
    }
  }

  static std::string format_mm(Fixed v) {
    const long tenths = std::lround(to_pt(v) * 25.4 / 72.0 * 10.0);
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + "mm";
  }

  void furniture(const ConfigNode& n, Furniture& f) {
    check_attrs(n, {"left", "center", "right", "style", "offset", "rule", "skip-first"});
    f.enabled = true;
    f.left = n.get("left").value_or("");
    f.center = n.get("center").value_or("");
    f.right = n.get("right").value_or("");
    f.style_name = n.get("style").value_or(n.name);
    if (!contains(block_names(), f.style_name))
      error(n.pos_of("style"), "unknown style name '" + f.style_name + "'; use a block style such as header or footer");
    length(n, "offset", f.offset);
    boolean(n, "rule", f.rule);
    boolean(n, "skip-first", f.skip_first);
  }

  // <masthead lang="fr" tagline="Réseau européen des migrations" …/>: the
  // band's wording for documents in that language. What a layout's
  // masthead sets replaces what the brand's for the same language set.
  void masthead(const ConfigNode& n) {
    check_attrs(n, {"lang", "wordmark", "tagline", "contact-point"});
    const auto lang = n.get("lang");
    if (!lang) { error(n.pos(), "<masthead> needs 'lang', the language whose documents it words, such as lang=\"fr\""); return; }
    if (!looks_like_lang(*lang)) { error(n.pos_of("lang"), "<masthead> lang '" + *lang + "' is not a language code such as fr or fr-BE"); return; }
    const auto wordmark = n.get("wordmark"), tagline = n.get("tagline"), point = n.get("contact-point");
    if (!wordmark && !tagline && !point) {
      error(n.pos(), "<masthead lang=\"" + *lang + "\"> sets nothing; give wordmark, tagline or contact-point");
      return;
    }
    Masthead& m = L.cover.mastheads[*lang];
    if (wordmark) m.wordmark = wordmark;
    if (tagline) m.tagline = tagline;
    if (point) m.contact_point = point;
  }

  void cover(const ConfigNode& n) {
    check_attrs(n, {"band", "band-height", "band-color", "accent", "flag", "own-page", "wordmark", "tagline", "contact-point"});
    if (auto v = n.get("wordmark")) L.cover.wordmark = *v;
    if (auto v = n.get("tagline")) L.cover.tagline = *v;
    if (auto v = n.get("contact-point")) L.cover.contact_point = *v;
    boolean(n, "band", L.cover.band);
    length(n, "band-height", L.cover.band_height);
    color(n, "band-color", L.cover.band_color);
    color(n, "accent", L.cover.accent);
    boolean(n, "flag", L.cover.flag);
    boolean(n, "own-page", L.cover.own_page);
  }

  void breaking(const ConfigNode& n) {
    check_attrs(n, {"tolerance", "pretolerance", "line-penalty", "hyphen-penalty", "double-hyphen-demerits",
                    "final-hyphen-demerits", "adj-demerits", "looseness", "emergency-stretch", "min-word",
                    "min-last-line", "short-last-line-demerits"});
    auto& b = L.breaking;
    integer(n, "tolerance", b.tolerance, 0, 10000);
    integer(n, "pretolerance", b.pretolerance, -1, 10000);
    integer(n, "line-penalty", b.line_penalty, 0, 10000);
    integer(n, "hyphen-penalty", b.hyphen_penalty, -10000, 10000);
    integer(n, "double-hyphen-demerits", b.double_hyphen_demerits, 0, 1000000);
    integer(n, "final-hyphen-demerits", b.final_hyphen_demerits, 0, 1000000);
    integer(n, "adj-demerits", b.adj_demerits, 0, 1000000);
    integer(n, "looseness", b.looseness, -10, 10);
    length(n, "emergency-stretch", b.emergency_stretch);
    integer(n, "min-word", b.min_word, 2, 50);
    integer(n, "min-last-line", b.min_last_line, 0, 100);
    integer(n, "short-last-line-demerits", b.short_last_line_demerits, 0, 1000000);
  }

  void style_rule(const ConfigNode& n) { pending->push_back({file, n}); }

  void compile_rule(const ConfigNode& n) {
    StyleRule r;
    r.order = L.rules.size();
    const PropertyContext ctx{L.colors, L.font_roles};
    for (const auto& a : n.attrs) {
      const SourcePos p{a.line, a.column, {}};
      if (a.name == "match") {
        r.element = a.value;
        if (!contains(block_names(), a.value) && !contains(inline_names(), a.value))
          error(p, "unknown style name '" + a.value + "'; block styles: " + joined(block_names()) +
                       "; inline styles: " + joined(inline_names()));
        continue;
      }
      if (a.name == "class") { r.cls = a.value; ++r.specificity; continue; }
      if (a.name == "type") { r.type = a.value; ++r.specificity; continue; }
      if (a.name == "lang") { r.lang = a.value; ++r.specificity; continue; }
      if (a.name == "level") {
        auto lv = parse_int(a.value);
        if (!lv || *lv < 1 || *lv > 4) error(p, "'level' has the value '" + a.value + "'; expected 1, 2, 3 or 4");
        else { r.level = *lv; ++r.specificity; }
        continue;
      }
      std::string err;
      auto prop = compile_property(a.name, a.value, ctx, err);
      if (!prop) { error(p, err); continue; }
      const auto m = n.get("match");
      const bool is_inline = m && contains(inline_names(), *m);
      if (m && is_inline && !prop->inl) {
        error(p, "property '" + a.name + "=\"" + a.value + "\"' applies to blocks, and '" + *m +
                     "' is an inline style (inline sizes are percentages, e.g. size=\"80%\")");
        continue;
      }
      if (m && !is_inline && contains(block_names(), *m) && !prop->block) {
        error(p, "property '" + a.name + "=\"" + a.value + "\"' applies to inline styles, and '" + *m +
                     "' is a block style (block sizes are lengths, e.g. size=\"10pt\")");
        continue;
      }
      if (prop->block) r.block_setters.push_back(std::move(prop->block));
      if (prop->inl) r.inline_setters.push_back(std::move(prop->inl));
    }
    if (r.element.empty()) error(n.pos(), "<style> needs a 'match' attribute naming the element it styles, such as match=\"p\"");
    L.rules.push_back(std::move(r));
  }

  void brand(const ConfigNode& root) {
    if (root.name != "brand") { error(root.pos(), "a brand file's root element must be <brand>"); return; }
    check_attrs(root, {"name"});
    for (const auto& n : root.children) {
      if (n.name == "color") {
        check_attrs(n, {"name", "value"});
        auto name = n.get("name");
        auto value = n.get("value");
        if (!name || !value) { error(n.pos(), "<color> needs 'name' and 'value'"); continue; }
        if (auto c = parse_color(*value, L.colors)) {
          L.colors[*name] = *c;
        } else {
          error(n.pos_of("value"), "colour '" + *name + "' has the value '" + *value + "'; expected #RRGGBB or cmyk(c,m,y,k)");
          L.colors[*name] = Color{};  // known name: no follow-on errors where it is used
        }
      } else if (n.name == "font-role") {
        check_attrs(n, {"name", "family"});
        auto name = n.get("name");
        auto fam = n.get("family");
        if (!name || !fam) { error(n.pos(), "<font-role> needs 'name' and 'family'"); continue; }
        L.font_roles[*name] = *fam;
      } else if (n.name == "masthead") {
        masthead(n);
      } else if (n.name == "style") {
        style_rule(n);
      } else {
        error(n.pos(), "unknown element <" + n.name + "> in <brand>; expected color, font-role, masthead or style");
      }
    }
  }

  void layout(const ConfigNode& root) {
    for (const auto& n : root.children) {
      if (n.name == "page") page(n);
      else if (n.name == "page-variant") page_variant(n);
      else if (n.name == "header") furniture(n, L.header);
      else if (n.name == "footer") furniture(n, L.footer);
      else if (n.name == "cover") cover(n);
      else if (n.name == "line-breaking") breaking(n);
      else if (n.name == "toc") {
        check_attrs(n, {"levels"});
        L.toc_levels = 2;
        integer(n, "levels", L.toc_levels, 1, 4);
      }
      else if (n.name == "color" || n.name == "font-role" || n.name == "masthead") {
        // Layout-local overrides of brand settings.
        ConfigNode wrapper;
        wrapper.name = "brand";
        wrapper.children.push_back(n);
        brand(wrapper);
      } else if (n.name == "style") style_rule(n);
      else error(n.pos(), "unknown element <" + n.name + "> in <layout>; expected page, page-variant, header, footer, cover, line-breaking, toc, color, font-role, masthead or style");
    }
    check_variants();
  }
};

}  // namespace

LayoutRef load_layout(const std::string& path) {
  auto L = std::make_shared<Layout>();
  Diagnostics d;
  const ConfigNode root = read_config_xml(path);
  std::vector<PendingRule> pending;
  Loader ld{*L, d, path, &pending, {}};
  if (root.name != "layout") {
    ld.error(root.pos(), "a layout file's root element must be <layout>");
    throw DocumentRefused(std::move(d));
  }
  ld.check_attrs(root, {"name", "brand"});
  L->name = root.get("name").value_or(fs::path(path).stem().string());
  L->files.push_back(path);
  if (auto b = root.get("brand")) {
    const fs::path bp = fs::path(path).parent_path() / *b;
    Loader bl{*L, d, bp.string(), &pending, {}};
    try {
      bl.brand(read_config_xml(bp.string()));
      L->files.push_back(bp.string());
    } catch (const DocumentRefused& e) {
      // A brand file that cannot be read defines no colours or roles: the
      // layout's uses of them would only repeat the same problem.
      d.append(e.diagnostics());
      throw DocumentRefused(std::move(d));
    }
  }
  ld.layout(root);
  for (const auto& pr : pending) {
    Loader rl{*L, d, pr.file, &pending, {}};
    rl.compile_rule(pr.node);
  }
  if (d.has_errors()) {
    // Report in reading order: the brand file first, each file top to bottom.
    std::vector<Diagnostic> list = d.list();
    std::stable_sort(list.begin(), list.end(), [&](const Diagnostic& a, const Diagnostic& b) {
      const bool ab = a.file != path, bb = b.file != path;
      if (ab != bb) return ab;
      return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
    });
    Diagnostics sorted;
    for (auto& x : list) sorted.add(std::move(x));
    throw DocumentRefused(std::move(sorted));
  }
  return L;
}

}  // namespace emnpub::style
