#include "cli/batch_manifest.hpp"

#include <sys/stat.h>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/file_io.hpp"
#include "pipeline/engine.hpp"

namespace emnpub::cli::batch {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "emnpub-batch-manifest";
constexpr int kVersion = 1;
constexpr const char* kPrefix = "emnpub-manifest";

Poco::JSON::Object::Ptr to_json(const ManifestEntry& e) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("status", e.status);
  o->set("output", e.output);
  o->set("input_sha256", e.input_sha256);
  o->set("layout", e.layout);
  o->set("layout_fingerprint", e.layout_fingerprint);
  o->set("fonts_fingerprint", e.fonts_fingerprint);
  o->set("pages", e.pages);
  o->set("document_id", e.document_id);
  o->set("pdf_bytes", static_cast<Poco::Int64>(e.pdf_bytes));
  o->set("pdf_mtime_ns", static_cast<Poco::Int64>(e.pdf_mtime_ns));
  o->set("pdf_sha256", e.pdf_sha256);
  o->set("rendered_at", e.rendered_at);
  o->set("render_seconds", e.render_seconds);
  if (!e.error.empty()) o->set("error", e.error);
  return o;
}

ManifestEntry from_json(const std::string& key, const Poco::JSON::Object& o) {
  ManifestEntry e;
  e.input = key;
  e.status = o.optValue<std::string>("status", "");
  e.output = o.optValue<std::string>("output", "");
  e.input_sha256 = o.optValue<std::string>("input_sha256", "");
  e.layout = o.optValue<std::string>("layout", "");
  e.layout_fingerprint = o.optValue<std::string>("layout_fingerprint", "");
  e.fonts_fingerprint = o.optValue<std::string>("fonts_fingerprint", "");
  e.pages = o.optValue<int>("pages", 0);
  e.document_id = o.optValue<std::string>("document_id", "");
  e.pdf_bytes = o.optValue<Poco::Int64>("pdf_bytes", 0);
  e.pdf_mtime_ns = o.optValue<Poco::Int64>("pdf_mtime_ns", 0);
  e.pdf_sha256 = o.optValue<std::string>("pdf_sha256", "");
  e.rendered_at = o.optValue<std::string>("rendered_at", "");
  e.render_seconds = o.optValue<double>("render_seconds", 0.0);
  e.error = o.optValue<std::string>("error", "");
  return e;
}

// Reads one manifest file into entries; returns "" or what is wrong with it.
std::string read_manifest(const fs::path& path, std::map<std::string, ManifestEntry>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot be opened";
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
    if (!root || root->optValue<std::string>("format", "") != kFormat) return "is not an emnpub batch manifest";
    if (root->optValue<int>("version", 0) != kVersion) return "has an unknown manifest version";
    auto docs = root->getObject("documents");
    if (!docs) return "has no documents";
    for (const auto& [key, value] : *docs) {
      auto obj = value.extract<Poco::JSON::Object::Ptr>();
      if (obj) out[key] = from_json(key, *obj);
    }
  } catch (const Poco::Exception& e) {
    return "cannot be read: " + e.displayText();
  } catch (const std::exception& e) {
    return std::string("cannot be read: ") + e.what();
  }
  return "";
}

}  // namespace

std::string manifest_file_name(const std::optional<Shard>& shard) {
  if (!shard) return std::string(kPrefix) + ".json";
  return std::string(kPrefix) + ".shard-" + std::to_string(shard->index) + "-of-" + std::to_string(shard->count) + ".json";
}

LoadedManifests load_manifests(const std::string& out_dir, const std::string& own_name) {
  LoadedManifests lm;
  std::vector<std::string> others;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(out_dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name == own_name || name.rfind(kPrefix, 0) != 0 || e.path().extension() != ".json") continue;
    others.push_back(name);
  }
  std::sort(others.begin(), others.end());
  auto load = [&](const std::string& name, std::map<std::string, ManifestEntry>& into) {
    const fs::path p = fs::path(out_dir) / name;
    if (!fs::exists(p, ec)) return;
    const std::string problem = read_manifest(p, into);
    if (!problem.empty()) lm.warnings.push_back(p.string() + " " + problem + "; its records are ignored");
  };
  load(own_name, lm.own);
  for (const auto& [k, e] : lm.own) lm.candidates[k].push_back(e);
  for (const auto& name : others) {
    std::map<std::string, ManifestEntry> m;
    load(name, m);
    for (auto& [k, e] : m) lm.candidates[k].push_back(std::move(e));
  }
  return lm;
}

bool save_manifest(const std::string& path, const std::map<std::string, ManifestEntry>& entries,
                   const std::optional<Shard>& shard, std::string& error) {
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("format", kFormat);
  root.set("version", kVersion);
  root.set("emnpub", EMNPUB_VERSION);
  if (shard) root.set("shard", std::to_string(shard->index) + "/" + std::to_string(shard->count));
  root.set("updated_at", utc_now_iso8601());
  Poco::JSON::Object::Ptr docs = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [k, e] : entries) docs->set(k, to_json(e));  // map order: sorted, stable diffs
  root.set("documents", docs);
  std::ostringstream ss;
  root.stringify(ss, 1);
  ss << "\n";
  const std::string s = ss.str();
  return write_atomically(path, std::vector<uint8_t>(s.begin(), s.end()), Sync::Yes, error);
}

FileStamp stamp_file(const std::string& path) {
  FileStamp st;
  struct stat sb;
  if (::stat(path.c_str(), &sb) != 0 || !S_ISREG(sb.st_mode)) return st;
  st.exists = true;
  st.bytes = static_cast<int64_t>(sb.st_size);
  st.mtime_ns = static_cast<int64_t>(sb.st_mtim.tv_sec) * 1'000'000'000 + sb.st_mtim.tv_nsec;
  return st;
}

std::string verify_pdf(const std::string& out_dir, ManifestEntry& entry) {
  const std::string path = (fs::path(out_dir) / entry.output).string();
  const FileStamp st = stamp_file(path);
  if (!st.exists) return "PDF missing";
  if (st.bytes != entry.pdf_bytes) return "PDF differs from the recorded one";
  if (st.mtime_ns == entry.pdf_mtime_ns) return "";
  // Same size, other time: a copied or restored folder. The bytes decide.
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return "PDF cannot be read";
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad() || Engine::sha256_hex(ss.str()) != entry.pdf_sha256) return "PDF differs from the recorded one";
  entry.pdf_mtime_ns = st.mtime_ns;
  return "";
}

std::string utc_now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace emnpub::cli::batch
