#include "text/font_manifest.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <charconv>
#include <filesystem>
#include <optional>

#include "common/config_xml.hpp"
#include "common/diagnostics.hpp"

namespace emnpub::text {

namespace fs = std::filesystem;

namespace {

void check_attrs(const ConfigNode& n, std::initializer_list<const char*> allowed,
                 const std::string& file, Diagnostics& d) {
  for (const auto& a : n.attrs) {
    bool ok = false;
    for (const char* name : allowed) ok = ok || a.name == name;
    if (!ok) {
      std::string list;
      for (const char* name : allowed) list += std::string(list.empty() ? "" : ", ") + name;
      d.error(DiagKind::Layout, file, {a.line, a.column, {}},
              "unknown attribute '" + a.name + "' on <" + n.name + ">; allowed: " + list);
    }
  }
}

std::optional<long> whole_number(const std::string& s) {
  long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string required(const ConfigNode& n, const char* name, const std::string& file,
                     Diagnostics& d) {
  if (auto v = n.get(name)) return *v;
  d.error(DiagKind::Layout, file, n.pos(),
          "<" + n.name + "> needs the attribute '" + name + "'");
  return {};
}

}  // namespace

FontManifest read_font_manifest(const std::string& path,
                                const std::vector<std::string>& extra_paths) {
  const ConfigNode root = read_config_xml(path);
  Diagnostics d;
  FontManifest m;
  m.source = path;
  const fs::path base = fs::absolute(fs::path(path)).parent_path();
  for (const auto& p : extra_paths) m.search_paths.push_back(fs::absolute(p).string());
  if (root.name != "fonts")
    d.error(DiagKind::Layout, path, root.pos(), "the root element must be <fonts>");

  for (const auto& n : root.children) {
    if (n.name == "search-path") {
      fs::path p(n.text);
      m.search_paths.push_back((p.is_absolute() ? p : (base / p)).lexically_normal().string());
    } else if (n.name == "family") {
      check_attrs(n, {"name"}, path, d);
      std::string name = required(n, "name", path, d);
      auto& faces = m.families[name];
      for (const auto& f : n.children) {
        if (f.name != "face") {
          d.error(DiagKind::Layout, path, f.pos(), "unknown element <" + f.name + "> in <family>; expected <face>");
          continue;
        }
        check_attrs(f, {"weight", "style", "file", "index"}, path, d);
        FaceSpec s;
        s.pos = f.pos();
        s.file = required(f, "file", path, d);
        const std::string w = f.get("weight").value_or("400");
        if (auto v = whole_number(w); v && *v >= 100 && *v <= 900) s.weight = static_cast<int>(*v);
        else d.error(DiagKind::Layout, path, f.pos_of("weight"),
                     "weight must be a number from 100 to 900, not '" + w + "'");
        const std::string st = f.get("style").value_or("normal");
        if (st != "normal" && st != "italic")
          d.error(DiagKind::Layout, path, f.pos_of("style"),
                  "style must be 'normal' or 'italic', not '" + st + "'");
        s.italic = st == "italic";
        const std::string ix = f.get("index").value_or("0");
        if (auto v = whole_number(ix); v && *v < 256) s.index = static_cast<unsigned>(*v);
        else d.error(DiagKind::Layout, path, f.pos_of("index"),
                     "index must be a face number from 0 to 255, not '" + ix + "'");
        faces.push_back(std::move(s));
      }
      if (faces.empty())
        d.error(DiagKind::Layout, path, n.pos(), "family '" + name + "' has no <face>");
    } else if (n.name == "fallback") {
      check_attrs(n, {"family", "script", "use"}, path, d);
      FallbackRule r;
      r.family = required(n, "family", path, d);
      r.use = required(n, "use", path, d);
      const std::string sc = n.get("script").value_or("*");
      if (sc != "*") {
        // HarfBuzz turns any four letters into a tag ("Latin" would become
        // "Lati", a script that does not exist); ICU knows the real codes.
        const int32_t code = u_getPropertyValueEnum(UCHAR_SCRIPT, sc.c_str());
        const char* iso = code == UCHAR_INVALID_CODE ? nullptr : uscript_getShortName(static_cast<UScriptCode>(code));
        r.script = iso ? hb_script_from_string(iso, -1) : HB_SCRIPT_INVALID;
        if (!iso || r.script == HB_SCRIPT_UNKNOWN || r.script == HB_SCRIPT_INVALID)
          d.error(DiagKind::Layout, path, n.pos_of("script"),
                  "unknown script '" + sc + "'; use an ISO 15924 code such as Latn, Grek, Cyrl, Arab");
      }
      m.fallbacks.push_back(std::move(r));
    } else if (n.name == "last-resort") {
      check_attrs(n, {"use"}, path, d);
      m.last_resort.push_back(required(n, "use", path, d));
    } else {
      d.error(DiagKind::Layout, path, n.pos(),
              "unknown element <" + n.name +
                  "> in <fonts>; expected search-path, family, fallback or last-resort");
    }
  }
  auto known = [&](const std::string& fam) { return m.families.count(fam) > 0; };
  for (const auto& n : root.children) {
    if (n.name == "fallback") {
      for (const char* a : {"family", "use"}) {
        auto v = n.get(a);
        if (v && *v != "*" && !known(*v))
          d.error(DiagKind::Layout, path, n.pos_of(a), "unknown font family '" + *v + "'");
      }
    } else if (n.name == "last-resort") {
      auto v = n.get("use");
      if (v && !known(*v))
        d.error(DiagKind::Layout, path, n.pos_of("use"), "unknown font family '" + *v + "'");
    }
  }
  if (d.has_errors()) throw DocumentRefused(std::move(d));
  return m;
}

}  // namespace emnpub::text
