#include "cli/batch_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

namespace emnpub::cli::batch {

namespace fs = std::filesystem;

std::optional<TempPdf> write_temp_beside(const std::string& final_path, const std::vector<uint8_t>& bytes,
                                         std::string& error) {
  const fs::path target(final_path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    error = "cannot create the folder " + dir.string() + ": " + ec.message();
    return std::nullopt;
  }
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    error = "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
    return std::nullopt;
  }
  auto fail = [&](const char* what) {
    error = std::string(what) + " " + tmpl + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(tmpl.c_str());
    return std::nullopt;
  };
  size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    off += static_cast<size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0) return fail("cannot sync");
  struct stat sb;
  if (::fstat(fd, &sb) != 0) return fail("cannot stat");
  if (::close(fd) != 0) {
    error = "cannot close " + tmpl + ": " + std::strerror(errno);
    ::unlink(tmpl.c_str());
    return std::nullopt;
  }
  TempPdf t;
  t.path = tmpl;
  t.bytes = static_cast<int64_t>(sb.st_size);
  t.mtime_ns = static_cast<int64_t>(sb.st_mtim.tv_sec) * 1'000'000'000 + sb.st_mtim.tv_nsec;
  return t;
}

int remove_stale_temps(const std::string& out_dir, const std::vector<std::string>& output_rels,
                       const std::string& manifest_name) {
  // folder -> the temporary-name prefixes (".NAME.") expected in it
  std::map<fs::path, std::set<std::string>> prefixes;
  for (const auto& rel : output_rels) {
    const fs::path p = fs::path(out_dir) / rel;
    prefixes[p.parent_path()].insert("." + p.filename().string() + ".");
  }
  prefixes[fs::path(out_dir)].insert("." + manifest_name + ".");
  int removed = 0;
  for (const auto& [dir, set] : prefixes) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const std::string name = e.path().filename().string();
      if (name.size() < 8 || name[0] != '.') continue;
      // mkstemp replaces XXXXXX with six letters or digits
      const std::string prefix = name.substr(0, name.size() - 6);
      if (!set.count(prefix)) continue;
      bool six = true;
      for (char c : name.substr(name.size() - 6)) six = six && std::isalnum(static_cast<unsigned char>(c));
      std::error_code rec;
      if (six && e.is_regular_file(rec) && fs::remove(e.path(), rec)) ++removed;
    }
  }
  return removed;
}

}  // namespace emnpub::cli::batch
