#include "http/preview_watcher.hpp"

#include <filesystem>

namespace emnpub::http {

namespace fs = std::filesystem;

namespace {

void stamp_file(const fs::path& p, FileWatcher::Snapshot& out) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return;
  const auto t = fs::last_write_time(p, ec);
  if (ec) return;
  const auto size = fs::file_size(p, ec);
  if (ec) return;
  out[p.string()] = {static_cast<int64_t>(t.time_since_epoch().count()), size};
}

}  // namespace

FileWatcher::Snapshot FileWatcher::snapshot(const std::vector<std::string>& paths) {
  Snapshot s;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::directory_iterator(p, ec)) stamp_file(e.path(), s);
    } else {
      stamp_file(p, s);
    }
  }
  return s;
}

std::vector<std::string> FileWatcher::difference(const Snapshot& before, const Snapshot& after) {
  std::vector<std::string> out;
  for (const auto& [path, id] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second != id) out.push_back(path);
  }
  for (const auto& [path, id] : before)
    if (!after.count(path)) out.push_back(path);
  return out;
}

FileWatcher::FileWatcher(Paths paths, OnChange on_change, std::chrono::milliseconds interval)
    : paths_(std::move(paths)),
      on_change_(std::move(on_change)),
      interval_(interval),
      last_(snapshot(paths_())),
      thread_([this] { run(); }) {}

FileWatcher::~FileWatcher() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void FileWatcher::run() {
  std::unique_lock lock(mu_);
  while (!cv_.wait_for(lock, interval_, [this] { return stop_; })) {
    lock.unlock();
    Snapshot now = snapshot(paths_());
    std::vector<std::string> changed = difference(last_, now);
    last_ = std::move(now);
    if (!changed.empty()) on_change_(changed);
    lock.lock();
  }
}

}  // namespace emnpub::http
