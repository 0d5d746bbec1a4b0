#include "cli/file_io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace emnpub::cli {

std::optional<std::string> read_input(const std::string& path, size_t max_bytes, std::string& error) {
  const int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string data;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      if (fd != STDIN_FILENO) ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
    if (data.size() > max_bytes) {
      error = "input is larger than the limit of " + std::to_string(max_bytes >> 20) + " MiB";
      if (fd != STDIN_FILENO) ::close(fd);
      return std::nullopt;
    }
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return data;
}

bool write_atomically(const std::string& path, const std::vector<uint8_t>& bytes, Sync sync, std::string& error) {
  if (path == "-") {
    size_t off = 0;
    while (off < bytes.size()) {
      const ssize_t n = ::write(STDOUT_FILENO, bytes.data() + off, bytes.size() - off);
      if (n < 0) {
        if (errno == EINTR) continue;
        error = std::string("standard output: ") + std::strerror(errno);
        return false;
      }
      off += static_cast<size_t>(n);
    }
    return true;
  }
  return write_file_atomically(
      path, {std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())}, sync, error);
}

}  // namespace emnpub::cli
