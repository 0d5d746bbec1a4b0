#include "cli/batch_worklist.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <map>
#include <system_error>

#include "pipeline/engine.hpp"

namespace emnpub::cli::batch {

namespace fs = std::filesystem;

namespace {

bool has_xml_extension(const std::string& name) {
  if (name.size() <= 4) return false;
  std::string ext = name.substr(name.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xml";
}

void walk(const fs::path& dir, const std::string& rel_dir, Discovery& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out.problems.push_back({dir.string(), "cannot list the folder: " + ec.message()});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.problems.push_back({dir.string(), "cannot list the folder: " + ec.message()});
      return;
    }
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    const std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
    std::error_code sec;
    const fs::file_status link = it->symlink_status(sec);
    if (sec) continue;  // vanished while listing
    if (fs::is_directory(link)) {
      walk(it->path(), rel, out);
      continue;
    }
    if (!has_xml_extension(name)) continue;
    // A symlinked file is followed (status, not symlink_status).
    if (!fs::is_regular_file(it->status(sec)) || sec) continue;
    WorkItem w;
    w.rel = rel;
    w.input = (dir / name).string();
    w.output_rel = rel.substr(0, rel.size() - 4) + ".pdf";
    out.items.push_back(std::move(w));
  }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

Discovery discover(const std::string& in_dir) {
  Discovery d;
  walk(fs::path(in_dir), "", d);
  std::sort(d.items.begin(), d.items.end(), [](const WorkItem& a, const WorkItem& b) { return a.rel < b.rel; });
  // a.xml and a.XML would write the same a.pdf: the first in sort order wins,
  // the other is reported rather than silently overwriting it.
  std::map<std::string, std::string> owner;
  for (auto& w : d.items) {
    auto [it, fresh] = owner.emplace(w.output_rel, w.rel);
    if (!fresh) w.conflict = "its PDF " + w.output_rel + " would overwrite the PDF of " + it->second;
  }
  return d;
}

std::optional<Shard> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= text.size()) return std::nullopt;
  auto number = [](const std::string& s) -> int {
    if (s.empty() || s.size() > 6 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return -1;
    return std::stoi(s);
  };
  Shard sh{number(text.substr(0, slash)), number(text.substr(slash + 1))};
  if (sh.index < 1 || sh.count < 1 || sh.index > sh.count) return std::nullopt;
  return sh;
}

int shard_of(const std::string& rel, int count) {
  // 15 hex digits = 60 bits, so `$(( 0x$(... | cut -c1-15) % N + 1 ))` in
  // bash computes the same shard (docs/batch.md).
  const std::string hex = Engine::sha256_hex(rel).substr(0, 15);
  const uint64_t v = std::stoull(hex, nullptr, 16);
  return static_cast<int>(v % static_cast<uint64_t>(count)) + 1;
}

RootInfo scan_root(std::string_view s) {
  RootInfo r;
  size_t i = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  auto skip_space = [&] {
    while (i < s.size() && is_space(s[i])) ++i;
  };
  // Prolog: XML declaration, processing instructions, comments.
  for (;;) {
    skip_space();
    if (i >= s.size() || s[i] != '<') return r;
    if (s.substr(i, 4) == "<!--") {
      const auto e = s.find("-->", i + 4);
      if (e == std::string_view::npos) return r;
      i = e + 3;
    } else if (s.substr(i, 2) == "<?") {
      const auto e = s.find("?>", i + 2);
      if (e == std::string_view::npos) return r;
      i = e + 2;
    } else if (s.substr(i, 2) == "<!") {
      return r;  // DOCTYPE: refused by the parser, which says where
    } else {
      break;
    }
  }
  ++i;
  const size_t name_start = i;
  while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
  if (i == name_start || i >= s.size()) return r;
  const std::string element(s.substr(name_start, i - name_start));
  std::string type;
  bool type_unclear = false;
  for (;;) {
    skip_space();
    if (i >= s.size()) return r;
    if (s[i] == '>' || s.substr(i, 2) == "/>") break;
    const size_t an = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    const std::string_view attr = s.substr(an, i - an);
    skip_space();
    if (attr.empty() || i >= s.size() || s[i] != '=') return r;
    ++i;
    skip_space();
    if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return r;
    const char quote = s[i++];
    const auto end = s.find(quote, i);
    if (end == std::string_view::npos) return r;
    std::string_view value = s.substr(i, end - i);
    i = end + 1;
    if (attr == "type") {
      // A character reference would need the real parser to decode.
      if (value.find('&') != std::string_view::npos) type_unclear = true;
      while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
      while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
      type = std::string(value);
    }
  }
  r.element = element;
  const auto colon = element.find(':');
  const std::string local = colon == std::string::npos ? element : element.substr(colon + 1);
  if (local != "publication") {
    r.kind = RootInfo::Kind::Other;
    return r;
  }
  if (type_unclear) return r;
  r.kind = RootInfo::Kind::Publication;
  r.type = type;
  return r;
}

bool plausible_layout_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return name[0] != '-' && name[0] != '_';
}

}  // namespace emnpub::cli::batch
