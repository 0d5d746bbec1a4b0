#include "text/font_registry.hpp"

#include <cstdlib>
#include <filesystem>

namespace emnpub::text {

namespace fs = std::filesystem;

FontRegistry::FontRegistry(FontManifest manifest) : manifest_(std::move(manifest)) {}

FontRef FontRegistry::load_file(const FaceSpec& spec, const std::string& family) const {
  std::vector<std::string> tried;
  const fs::path file(spec.file);
  std::vector<fs::path> candidates;
  if (file.is_absolute()) {
    candidates.push_back(file);
  } else {
    for (const auto& dir : manifest_.search_paths) candidates.push_back(fs::path(dir) / file);
  }
  for (const auto& c : candidates) {
    const std::string p = c.lexically_normal().string();
    tried.push_back(p);
    std::error_code ec;
    if (!fs::is_regular_file(c, ec)) continue;
    const std::string key = p + "#" + std::to_string(spec.index);
    std::shared_ptr<LoadOnce<FontFace>> slot;
    {
      std::lock_guard lock(mu_);
      auto& s = by_path_[key];
      if (!s) s = std::make_shared<LoadOnce<FontFace>>();
      slot = s;
    }
    return slot->get([&] { return FontFace::load(p, spec.index); });
  }
  std::string msg = "font family '" + family + "': file '" + spec.file + "' not found; tried";
  for (const auto& t : tried) msg += " " + t;
  throw FontError(msg);
}

FontRef FontRegistry::face(const FontRequest& req) const {
  {
    std::lock_guard lock(mu_);
    if (auto it = by_request_.find(req); it != by_request_.end()) return it->second;
  }
  auto fam = manifest_.families.find(req.family);  // the manifest is immutable
  if (fam == manifest_.families.end() || fam->second.empty())
    throw FontError("unknown font family '" + req.family + "' (not in " + manifest_.source + ")");
  // Prefer the right style, then the nearest weight (ties go heavier for
  // bold requests, lighter otherwise, as CSS does).
  const FaceSpec* best = nullptr;
  long best_score = 0;
  for (const auto& f : fam->second) {
    long score = (f.italic != req.italic) * 10000L + std::abs(f.weight - req.weight) * 2L +
                 ((req.weight >= 500) == (f.weight < req.weight) ? 1 : 0);
    if (!best || score < best_score) {
      best = &f;
      best_score = score;
    }
  }
  FontRef face = load_file(*best, req.family);
  std::lock_guard lock(mu_);
  by_request_.emplace(req, face);
  return face;
}

std::vector<std::string> FontRegistry::chain(const std::string& family, hb_script_t script) const {
  std::vector<std::string> out{family};
  auto add = [&](const std::string& f) {
    for (const auto& e : out)
      if (e == f) return;
    out.push_back(f);
  };
  // Specific rules for this family first, then rules for every family;
  // within each, a rule for this script before a rule for any script.
  for (const std::string& fam : {family, std::string("*")})
    for (bool any_script : {false, true})
      for (const auto& r : manifest_.fallbacks)
        if (r.family == fam && ((r.script == HB_SCRIPT_INVALID) == any_script) &&
            (any_script || r.script == script))
          add(r.use);
  for (const auto& f : manifest_.last_resort) add(f);
  return out;
}

std::vector<std::string> FontRegistry::loaded_paths() const {
  std::vector<std::pair<std::string, std::shared_ptr<LoadOnce<FontFace>>>> slots;
  {
    std::lock_guard lock(mu_);
    slots.assign(by_path_.begin(), by_path_.end());
  }
  std::vector<std::string> out;
  for (const auto& [path, slot] : slots)
    if (slot->loaded()) out.push_back(path);
  return out;
}

}  // namespace emnpub::text
