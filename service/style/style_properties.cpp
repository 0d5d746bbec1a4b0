#include "style/style_properties.hpp"

#include "style/value_parsers.hpp"

namespace emnpub::style {

namespace {

using Block = std::function<void(BlockStyle&)>;
using Inl = std::function<void(InlineStyle&)>;

struct Def {
  const char* name;
  const char* kind;  // shown in messages: what the value must be
  std::function<std::optional<CompiledProperty>(const std::string&, const PropertyContext&)> make;
};

template <typename F>
std::optional<CompiledProperty> block_only(F f) {
  return CompiledProperty{Block(std::move(f)), nullptr};
}

std::optional<CompiledProperty> length_prop(const std::string& v, Fixed BlockStyle::*m) {
  auto l = parse_length(v);
  if (!l) return std::nullopt;
  return block_only([m, x = *l](BlockStyle& s) { s.*m = x; });
}

std::optional<CompiledProperty> bool_prop(const std::string& v, bool BlockStyle::*m) {
  auto b = parse_bool(v);
  if (!b) return std::nullopt;
  return block_only([m, x = *b](BlockStyle& s) { s.*m = x; });
}

std::optional<CompiledProperty> color_prop(const std::string& v, const PropertyContext& c,
                                           Color BlockStyle::*m, bool BlockStyle::*flag = nullptr) {
  auto col = parse_color(v, c.colors);
  if (!col) return std::nullopt;
  return block_only([m, flag, x = *col](BlockStyle& s) {
    s.*m = x;
    if (flag) s.*flag = true;
  });
}

std::optional<std::string> family_of(const std::string& v, const PropertyContext& c) {
  if (auto it = c.font_roles.find(v); it != c.font_roles.end()) return it->second;
  return v;  // a family name; checked against the manifest when fonts load
}

const std::vector<Def>& defs() {
  static const std::vector<Def> d = {
      {"font", "a font role from the brand file (body, heading, mono) or a family name",
       [](const std::string& v, const PropertyContext& c) -> std::optional<CompiledProperty> {
         auto f = family_of(v, c);
         return CompiledProperty{[f = *f](BlockStyle& s) { s.font.family = f; },
                                 [f = *f](InlineStyle& s) { s.family = f; }};
       }},
      {"weight", "normal, bold or a number from 100 to 900",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         int w = v == "normal" ? 400 : v == "bold" ? 700 : parse_int(v).value_or(-1);
         if (w < 100 || w > 900) return std::nullopt;
         return CompiledProperty{[w](BlockStyle& s) { s.font.weight = w; },
                                 [w](InlineStyle& s) { s.weight = w; }};
       }},
      {"style", "normal or italic",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         if (v != "normal" && v != "italic") return std::nullopt;
         const bool it = v == "italic";
         return CompiledProperty{[it](BlockStyle& s) { s.font.italic = it; },
                                 [it](InlineStyle& s) { s.italic = it ? 1 : 0; }};
       }},
      {"size", "a length such as 10pt (blocks) or a percentage such as 70% (inline)",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         if (auto p = parse_percent(v); p && *p > 10 && *p <= 400)
           return CompiledProperty{nullptr, [p = *p](InlineStyle& s) { s.size_percent = p; }};
         auto l = parse_length(v);
         if (!l || *l < kPt * 4 || *l > kPt * 200) return std::nullopt;
         return CompiledProperty{[x = *l](BlockStyle& s) { s.font.size = x; }, nullptr};
       }},
      {"baseline-shift", "a percentage of the font size such as 33% or -20%",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         auto p = parse_percent(v);
         if (!p || *p < -100 || *p > 100) return std::nullopt;
         return CompiledProperty{nullptr, [p = *p](InlineStyle& s) { s.shift_percent = p; }};
       }},
      {"features", "OpenType features, comma-separated, such as tnum,onum or -liga",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         for (char ch : v)
           if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == ',' || ch == '-' || ch == '+' ||
                 ch == '=' || ch == ' '))
             return std::nullopt;
         return CompiledProperty{[v](BlockStyle& s) { s.font.features = v; },
                                 [v](InlineStyle& s) { s.features = v; }};
       }},
      {"color", "#RRGGBB, #RGB, cmyk(c,m,y,k) or a brand colour name",
       [](const std::string& v, const PropertyContext& c) -> std::optional<CompiledProperty> {
         auto col = parse_color(v, c.colors);
         if (!col) return std::nullopt;
         return CompiledProperty{[x = *col](BlockStyle& s) { s.color = x; },
                                 [x = *col](InlineStyle& s) { s.has_color = true; s.color = x; }};
       }},
      {"uppercase", "yes or no",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         auto b = parse_bool(v);
         if (!b) return std::nullopt;
         return block_only([x = *b](BlockStyle& s) { s.uppercase = x; });
       }},
      {"leading", "a length (baseline to baseline) such as 14pt",
       [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::leading); }},
      {"align", "justify, start, end, left, right or center",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         using text::Align;
         std::optional<Align> a;
         if (v == "justify") a = Align::Justify;
         else if (v == "start") a = Align::Start;
         else if (v == "end") a = Align::End;
         else if (v == "left") a = Align::Left;
         else if (v == "right") a = Align::Right;
         else if (v == "center") a = Align::Center;
         if (!a) return std::nullopt;
         return block_only([x = *a](BlockStyle& s) { s.align = x; });
       }},
      {"hyphenate", "yes or no", [](const std::string& v, const PropertyContext&) { return bool_prop(v, &BlockStyle::hyphenate); }},
      {"space-before", "a length", [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::space_before); }},
      {"space-after", "a length", [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::space_after); }},
      {"indent-start", "a length", [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::indent_start); }},
      {"indent-end", "a length", [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::indent_end); }},
      {"first-indent", "a length", [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::first_indent); }},
      {"keep-with-next", "yes or no", [](const std::string& v, const PropertyContext&) { return bool_prop(v, &BlockStyle::keep_with_next); }},
      {"keep-together", "yes or no", [](const std::string& v, const PropertyContext&) { return bool_prop(v, &BlockStyle::keep_together); }},
      {"balance", "yes or no", [](const std::string& v, const PropertyContext&) { return bool_prop(v, &BlockStyle::balance); }},
      {"hang-number", "yes or no", [](const std::string& v, const PropertyContext&) { return bool_prop(v, &BlockStyle::hang_number); }},
      {"page-break-before", "yes, no or recto (a new right-hand page on facing layouts)",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         if (v == "recto") return block_only([](BlockStyle& s) { s.page_break_before = s.recto = true; });
         auto b = parse_bool(v);
         if (!b) return std::nullopt;
         return block_only([x = *b](BlockStyle& s) { s.page_break_before = x; s.recto = false; });
       }},
      {"background", "a colour", [](const std::string& v, const PropertyContext& c) { return color_prop(v, c, &BlockStyle::background, &BlockStyle::has_background); }},
      {"border-color", "a colour", [](const std::string& v, const PropertyContext& c) { return color_prop(v, c, &BlockStyle::border_color, &BlockStyle::has_border); }},
      {"border-width", "a length", [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::border_width); }},
      {"rule-start", "yes or no", [](const std::string& v, const PropertyContext&) { return bool_prop(v, &BlockStyle::rule_start); }},
      {"padding", "a length", [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::padding); }},
      {"rule-below", "yes or no", [](const std::string& v, const PropertyContext&) { return bool_prop(v, &BlockStyle::rule_below); }},
      {"rule-color", "a colour", [](const std::string& v, const PropertyContext& c) { return color_prop(v, c, &BlockStyle::rule_color); }},
      {"rule-width", "a length", [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::rule_width); }},
      {"marker", "the bullet text for unordered lists, such as • or –",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         if (v.empty() || v.size() > 16) return std::nullopt;
         return block_only([v](BlockStyle& s) { s.marker = v; });
       }},
      {"marker-color", "a colour", [](const std::string& v, const PropertyContext& c) { return color_prop(v, c, &BlockStyle::marker_color); }},
      {"marker-width", "a length", [](const std::string& v, const PropertyContext&) { return length_prop(v, &BlockStyle::marker_width); }},
      {"numbering", "none, 1 (chapter numbers), 1.1 (full section numbers) or A (annex letters)",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         if (v != "none" && v != "1" && v != "1.1" && v != "A") return std::nullopt;
         return block_only([v](BlockStyle& s) { s.numbering = v == "none" ? "" : v; });
       }},
      {"span", "column or all (tables and figures across every column of a multi-column page)",
       [](const std::string& v, const PropertyContext&) -> std::optional<CompiledProperty> {
         if (v != "column" && v != "all") return std::nullopt;
         return block_only([x = v == "all"](BlockStyle& s) { s.span_all = x; });
       }},
      {"zebra", "yes or no", [](const std::string& v, const PropertyContext&) { return bool_prop(v, &BlockStyle::zebra); }},
      {"zebra-color", "a colour", [](const std::string& v, const PropertyContext& c) { return color_prop(v, c, &BlockStyle::zebra_color); }},
  };
  return d;
}

}  // namespace

const std::vector<std::string>& property_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& d : defs()) n.push_back(d.name);
    return n;
  }();
  return names;
}

std::optional<CompiledProperty> compile_property(const std::string& name, const std::string& value,
                                                 const PropertyContext& ctx, std::string& error) {
  for (const auto& d : defs()) {
    if (name != d.name) continue;
    auto p = d.make(value, ctx);
    if (!p) error = "property '" + name + "' has the value '" + value + "'; expected " + d.kind;
    return p;
  }
  std::string list;
  for (const auto& n : property_names()) list += (list.empty() ? "" : ", ") + n;
  error = "unknown property '" + name + "'; known properties: " + list;
  return std::nullopt;
}

}  // namespace emnpub::style
