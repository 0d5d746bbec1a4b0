#pragma once
// `emnpub preview`: notices when the files a preview depends on change on
// disk. Polls (path, mtime, size) every `interval` on a thread of its own:
// portable, cheap for the dozen files involved, and it sees editors that
// save by writing a new file and renaming it over the old one.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace emnpub::http {

class FileWatcher {
 public:
  // Files or folders to watch; a folder stands for the regular files
  // directly in it (added and removed files count as changes). Asked again
  // on every poll, so the set may change (another sample opened).
  using Paths = std::function<std::vector<std::string>()>;
  // Called on the watcher's thread with the paths that changed.
  using OnChange = std::function<void(const std::vector<std::string>& changed)>;

  // Takes the first snapshot, then starts polling.
  FileWatcher(Paths paths, OnChange on_change, std::chrono::milliseconds interval);
  ~FileWatcher();  // stops and joins the thread
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // (mtime ns, size) per file; a missing file is absent from the map.
  using Snapshot = std::map<std::string, std::pair<int64_t, uintmax_t>>;
  static Snapshot snapshot(const std::vector<std::string>& paths);
  static std::vector<std::string> difference(const Snapshot& before, const Snapshot& after);

 private:
  void run();

  Paths paths_;
  OnChange on_change_;
  std::chrono::milliseconds interval_;
  Snapshot last_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once everything above is set
};

}  // namespace emnpub::http
