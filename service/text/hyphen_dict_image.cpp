#include "text/hyphen_dict_image.hpp"

#include <fcntl.h>
#include <hyphen.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>
#include <system_error>
#include <vector>

#include "common/atomic_file.hpp"
#include "common/file_stamp.hpp"
#include "common/two_threads.hpp"

namespace emnpub::text {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'E', 'M', 'N', 'H', 'Y', 'P', 'H', '2'};
constexpr uint32_t kMaxLevels = 4;  // libhyphen makes two at most

// The file: this header, then the payload. The file is meant to be mapped
// read-only at `base`, and pointers inside the payload are stored as they
// are there (0 = null): mapped where it belongs, an image is used in place,
// with nothing copied, relocated or written (the German one is 15 MB). Read
// anywhere else, its pointers are moved by the difference. The struct
// sizes pin the image to this build's layout.
struct Header {
  char magic[8];
  uint32_t dict_size, state_size, trans_size, levels;
  uint64_t source_size;
  int64_t source_mtime_ns;
  uint64_t payload;
  uint64_t base;      // where the file is meant to be mapped (page-aligned)
  uint64_t checksum;  // of the fields above and the payload (image_checksum); the header's last field
};
static_assert(sizeof(Header) % alignof(std::max_align_t) == 0, "the payload starts aligned");
static_assert(sizeof(Header) == 64, "tests read the header at this size");

// Each image has its own place in a stretch of address space that nothing
// else in the process uses (programs, libraries, heap and stacks live near
// the bottom and the top of the 47-bit user space), picked by its file
// name; a dictionary that finds its place taken is read and relocated.
constexpr uint64_t kImageRegion = 0x3E00'0000'0000ull;
constexpr uint64_t kImageSlot = 256ull << 20;
constexpr uint64_t kImageSlots = 4096;

uint64_t image_base_for(const std::string& image_path) {
  const std::string name = fs::path(image_path).filename().string();
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
  for (unsigned char c : name) h = (h ^ c) * 0x100000001b3ull;
  return kImageRegion + (h % kImageSlots) * kImageSlot;
}

// A pointer to byte `offset` of a payload stored as if it started at `stored`.
template <class T>
T* stored_at(uint64_t stored, size_t offset) {
  return reinterpret_cast<T*>(stored + offset);
}

std::string errno_text() { return std::system_category().message(errno); }

// Bytes of a NOHYPHEN list: nohyphenl + 1 strings, as hnj_hyphen_hyphenate2 reads it.
size_t nohyphen_bytes(const HyphenDict* d) {
  size_t len = 0;
  for (int k = 0; k <= d->nohyphenl; ++k) len += std::strlen(d->nohyphen + len) + 1;
  return len;
}

// Checks the pointers of a payload, stored as if it started at `stored`,
// against the block it really is at (`base`, `size`): each must point
// inside it, aligned for its type, with room for what it points at. A
// relocating decoder (the payload was read, not mapped) also moves each
// pointer by the difference; a checking one (mapped in place, read-only)
// writes nothing.
class Decoder {
 public:
  Decoder(char* base, size_t size, uint64_t stored, bool relocate)
      : base_(base), size_(size), stored_(stored), relocate_(relocate) {}

  // An array of `count` T (count 0 allowed); null stays null.
  template <class T>
  bool array(T*& field, size_t count) {
    if (field == nullptr) return true;
    size_t off = 0;
    if (!offset_of(field, off) || off > size_ || off % alignof(T) != 0 || count > (size_ - off) / sizeof(T))
      return false;
    if (relocate_) field = reinterpret_cast<T*>(base_ + off);
    return true;
  }
  // `pieces` NUL-terminated strings one after the other; null stays null.
  bool strings(char*& field, size_t pieces = 1) {
    if (field == nullptr) return true;
    size_t off = 0;
    if (!offset_of(field, off) || off >= size_) return false;
    if (relocate_) field = base_ + off;
    for (size_t k = 0; k < pieces; ++k) {
      const void* nul = std::memchr(base_ + off, '\0', size_ - off);
      if (nul == nullptr) return false;
      off = static_cast<size_t>(static_cast<const char*>(nul) - base_) + 1;
      if (k + 1 < pieces && off >= size_) return false;
    }
    return true;
  }
  // Whether `p`, as stored, is the address of byte `off` of the payload.
  bool points_at(const void* p, size_t off) const { return reinterpret_cast<uint64_t>(p) == stored_ + off; }

 private:
  // False for what lies below the payload's start.
  template <class T>
  bool offset_of(T* p, size_t& off) const {
    const auto v = reinterpret_cast<uint64_t>(p);
    if (v < stored_) return false;
    off = static_cast<size_t>(v - stored_);
    return true;
  }

  char* base_;
  size_t size_;
  uint64_t stored_;
  bool relocate_;
};

bool decode_level(Decoder& dec, HyphenDict* d) {
  if (d->num_states < 1 || d->nohyphenl < 0) return false;
  if (std::memchr(d->cset, '\0', sizeof d->cset) == nullptr) return false;
  if (d->nohyphen != nullptr && !dec.strings(d->nohyphen, static_cast<size_t>(d->nohyphenl) + 1)) return false;
  if (d->states == nullptr || !dec.array(d->states, static_cast<size_t>(d->num_states))) return false;
  for (int s = 0; s < d->num_states; ++s) {
    HyphenState& st = d->states[s];
    if (!dec.strings(st.match) || !dec.strings(st.repl)) return false;
    if (st.num_trans < 0 || !dec.array(st.trans, static_cast<size_t>(st.num_trans))) return false;
    if (st.num_trans > 0 && st.trans == nullptr) return false;
    if (st.fallback_state < -1 || st.fallback_state >= d->num_states) return false;
    for (int t = 0; t < st.num_trans; ++t)
      if (st.trans[t].new_state < 0 || st.trans[t].new_state >= d->num_states) return false;
  }
  return true;
}

uint64_t words_checksum(const char* data, size_t size) {
  // Four independent multiply-xor lanes over 8-byte words: a damaged byte
  // anywhere changes it, and 15 MB take about a millisecond (a byte-wise
  // hash or zlib's crc32 took several).
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t lane[4] = {1, 2, 3, 4};
  size_t i = 0;
  for (; i + 32 <= size; i += 32)
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, data + i + 8 * k, 8);
      lane[k] = (lane[k] ^ w) * kMul;
      lane[k] ^= lane[k] >> 29;
    }
  uint64_t h = size;
  for (; i < size; ++i) h = (h ^ static_cast<unsigned char>(data[i])) * kMul;
  for (uint64_t l : lane) h = (h ^ l) * kMul ^ (h >> 31);
  return h;
}

}  // namespace

uint64_t image_checksum(const char* header, const char* payload, size_t payload_size) {
  static_assert(offsetof(Header, checksum) == 56, "the header's fields before the checksum");
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  return (words_checksum(header, offsetof(Header, checksum)) * kMul) ^ words_checksum(payload, payload_size);
}

bool dict_source_of(const std::string& dic_path, DictSource& out) {
  std::error_code ec;
  if (!fs::is_regular_file(dic_path, ec)) return false;
  out.size = static_cast<uint64_t>(fs::file_size(dic_path, ec));
  out.mtime_ns = file_mtime_ns(dic_path);
  return !ec && out.mtime_ns != -1;
}

std::string hyphen_image_name(const std::string& dic_path) {
  std::error_code ec;
  const fs::path real = fs::canonical(dic_path, ec);
  return (ec ? fs::path(dic_path) : real).filename().string() + ".img";
}

bool save_hyphen_image(const LoadedHyphenDict& dict, const DictSource& source, const std::string& image_path,
                       std::string& error) {
  std::vector<const HyphenDict*> levels;
  for (const HyphenDict* d = dict.get(); d != nullptr; d = d->nextlevel) {
    levels.push_back(d);
    if (levels.size() > kMaxLevels) {
      error = "too many levels";
      return false;
    }
  }
  if (levels.empty()) {
    error = "empty dictionary";
    return false;
  }
  const uint64_t base = image_base_for(image_path);
  const uint64_t stored = base + sizeof(Header);  // where the payload is when mapped
  std::string b(levels.size() * sizeof(HyphenDict), '\0');  // the level structs, written last
  auto append = [&b](const void* p, size_t n) {
    const size_t at = b.size();
    b.append(static_cast<const char*>(p), n);
    return at;
  };
  auto align = [&b] { b.resize((b.size() + 7) & ~size_t{7}, '\0'); };
  for (size_t i = 0; i < levels.size(); ++i) {
    const HyphenDict* d = levels[i];
    HyphenDict out;
    std::memset(&out, 0, sizeof out);  // padding too: the same dictionary gives the same file
    out.lhmin = d->lhmin;
    out.rhmin = d->rhmin;
    out.clhmin = d->clhmin;
    out.crhmin = d->crhmin;
    out.nohyphenl = d->nohyphenl;
    out.num_states = d->num_states;
    std::memcpy(out.cset, d->cset, sizeof out.cset);
    out.utf8 = d->utf8;
    if (d->nohyphen != nullptr) out.nohyphen = stored_at<char>(stored, append(d->nohyphen, nohyphen_bytes(d)));
    if (i + 1 < levels.size()) out.nextlevel = stored_at<HyphenDict>(stored, (i + 1) * sizeof(HyphenDict));
    align();
    const size_t states_at = b.size();
    b.resize(b.size() + static_cast<size_t>(d->num_states) * sizeof(HyphenState), '\0');
    out.states = stored_at<HyphenState>(stored, states_at);
    for (int s = 0; s < d->num_states; ++s) {
      const HyphenState& st = d->states[s];
      HyphenState o;
      std::memset(&o, 0, sizeof o);
      o.replindex = st.replindex;
      o.replcut = st.replcut;
      o.fallback_state = st.fallback_state;
      o.num_trans = st.num_trans;
      if (st.match != nullptr) o.match = stored_at<char>(stored, append(st.match, std::strlen(st.match) + 1));
      if (st.repl != nullptr) o.repl = stored_at<char>(stored, append(st.repl, std::strlen(st.repl) + 1));
      if (st.trans != nullptr) {
        align();
        for (int t = 0; t < st.num_trans; ++t) {
          HyphenTrans tr;
          std::memset(&tr, 0, sizeof tr);
          tr.ch = st.trans[t].ch;
          tr.new_state = st.trans[t].new_state;
          const size_t at = append(&tr, sizeof tr);
          if (t == 0) o.trans = stored_at<HyphenTrans>(stored, at);
        }
        if (st.num_trans == 0) o.trans = stored_at<HyphenTrans>(stored, b.size());
      }
      std::memcpy(b.data() + states_at + static_cast<size_t>(s) * sizeof(HyphenState), &o, sizeof o);
    }
    std::memcpy(b.data() + i * sizeof(HyphenDict), &out, sizeof out);
  }

  Header h;
  std::memset(&h, 0, sizeof h);
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.dict_size = sizeof(HyphenDict);
  h.state_size = sizeof(HyphenState);
  h.trans_size = sizeof(HyphenTrans);
  h.levels = static_cast<uint32_t>(levels.size());
  h.source_size = source.size;
  h.source_mtime_ns = source.mtime_ns;
  h.payload = b.size();
  h.base = base;
  h.checksum = image_checksum(reinterpret_cast<const char*>(&h), b.data(), b.size());

  std::string why;
  if (!write_file_atomically(image_path, {std::string_view(reinterpret_cast<const char*>(&h), sizeof h), b}, Sync::No,
                             why)) {
    error = "cannot write " + image_path + ": " + why;
    return false;
  }
  return true;
}

namespace {

std::string check_structure(const Header& h, char* payload, size_t n, bool relocate) {
  if (static_cast<size_t>(h.levels) * sizeof(HyphenDict) > n) return "damaged";
  const uint64_t stored = h.base + sizeof(Header);
  Decoder dec(payload, n, stored, relocate);
  auto* levels = reinterpret_cast<HyphenDict*>(payload);
  for (uint32_t i = 0; i < h.levels; ++i) {
    HyphenDict* d = &levels[i];
    const bool last = i + 1 == h.levels;
    if (!(last ? d->nextlevel == nullptr : dec.points_at(d->nextlevel, (i + 1) * sizeof(HyphenDict))) ||
        !decode_level(dec, d))
      return "damaged";
    if (relocate) d->nextlevel = last ? nullptr : &levels[i + 1];
  }
  return {};
}

// Images from this size up are summed on a helper thread while this one
// checks their structure: both passes read every page, and for the German
// dictionary (15 MB) each took 2.4-9 ms, one after the other, while the
// render's first paragraph waited for the patterns.
constexpr size_t kSumApartFrom = size_t{4} << 20;

// Checks a payload (and relocates it when `relocate`) the header describes;
// "" when it may be used, else what is wrong.
std::string check_payload(const Header& h, char* payload, size_t n, bool relocate) {
  // Job 0 sums, job 1 checks the structure. Relocating writes the payload,
  // which the sum must see as stored: then, as for a small image, the two
  // run in order on this thread, and a wrong sum ends the check.
  const bool apart = !relocate && n >= kSumApartFrom;
  uint64_t summed = 0;
  std::string structure;
  run_on_two_threads(2, apart, [&](size_t job) {
    if (job == 0)
      summed = image_checksum(reinterpret_cast<const char*>(&h), payload, n);
    else if (apart || summed == h.checksum)
      structure = check_structure(h, payload, n, relocate);
  });
  if (summed != h.checksum) return "damaged (checksum)";
  return structure;
}

}  // namespace

std::unique_ptr<LoadedHyphenDict> load_hyphen_image(const std::string& image_path, const DictSource& source,
                                                    std::string& error) {
  const int fd = ::open(image_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot open: " + errno_text();
    return nullptr;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  Header h;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<size_t>(st.st_size) < sizeof(Header) ||
      ::pread(fd, &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h)) {
    error = "not an image";
    return nullptr;
  }
  const auto size = static_cast<size_t>(st.st_size);
  const size_t n = size - sizeof h;
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.dict_size != sizeof(HyphenDict) ||
      h.state_size != sizeof(HyphenState) || h.trans_size != sizeof(HyphenTrans) || h.levels < 1 ||
      h.levels > kMaxLevels || h.payload != n) {
    error = "not an image of this build";
    return nullptr;
  }
  if (h.source_size != source.size || h.source_mtime_ns != source.mtime_ns) {
    error = "made from another version of the dictionary";
    return nullptr;
  }
  auto out = std::unique_ptr<LoadedHyphenDict>(new LoadedHyphenDict());

  // In place: mapped read-only where its pointers point, if that stretch
  // of address space is free (MAP_FIXED_NOREPLACE; a kernel older than
  // 4.17 takes the address as a hint and may map it elsewhere). Only the
  // page cache holds it, shared by every process that maps it.
  const long page = ::sysconf(_SC_PAGESIZE);
  if (page > 0 && h.base % static_cast<uint64_t>(page) == 0 && h.base >= kImageRegion &&
      h.base < kImageRegion + kImageSlots * kImageSlot) {
    void* want = reinterpret_cast<void*>(h.base);
    void* at = ::mmap(want, size, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE | MAP_POPULATE, fd, 0);
    if (at == want) {
      out->mapping_.at = at;
      out->mapping_.size = size;
      char* payload = static_cast<char*>(at) + sizeof h;
      error = check_payload(h, payload, n, false);
      if (!error.empty()) return nullptr;  // unmapped with `out`
      out->top_ = reinterpret_cast<HyphenDict*>(payload);
      return out;
    }
    if (at != MAP_FAILED) ::munmap(at, size);
  }

  // Elsewhere: read into memory and relocated.
  std::unique_ptr<char[]> buf(new (std::nothrow) char[n]);  // malloc alignment: enough for the structs
  if (!buf) {
    error = "out of memory";
    return nullptr;
  }
  size_t got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd, buf.get() + got, n - got, static_cast<off_t>(sizeof h + got));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  if (got != n) {
    error = "cannot read";
    return nullptr;
  }
  error = check_payload(h, buf.get(), n, true);
  if (!error.empty()) return nullptr;
  out->top_ = reinterpret_cast<HyphenDict*>(buf.get());
  out->image_ = std::move(buf);
  return out;
}

}  // namespace emnpub::text
