#include "text/hyphen_dict_image.hpp"

#include <fcntl.h>
#include <hyphen.h>
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

namespace emnpub::text {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'E', 'M', 'N', 'H', 'Y', 'P', 'H', '1'};
constexpr uint32_t kMaxLevels = 4;  // libhyphen makes two at most

// The file: this header, then the payload. Pointers inside the payload are
// stored as their offset in it plus one (0 = null) and made pointers again
// when loaded; the struct sizes pin the image to this build's layout.
struct Header {
  char magic[8];
  uint32_t dict_size, state_size, trans_size, levels;
  uint64_t source_size;
  int64_t source_mtime_ns;
  uint64_t payload;
  uint64_t reserved;  // 0; keeps the payload 16-aligned
  uint64_t checksum;  // of the payload (image_checksum); the header's last field
};
static_assert(sizeof(Header) % alignof(std::max_align_t) == 0, "the payload starts aligned");

template <class T>
T* encoded(size_t offset) {
  return reinterpret_cast<T*>(static_cast<uintptr_t>(offset) + 1);
}

std::string errno_text() { return std::system_category().message(errno); }

// Bytes of a NOHYPHEN list: nohyphenl + 1 strings, as hnj_hyphen_hyphenate2 reads it.
size_t nohyphen_bytes(const HyphenDict* d) {
  size_t len = 0;
  for (int k = 0; k <= d->nohyphenl; ++k) len += std::strlen(d->nohyphen + len) + 1;
  return len;
}

// Turns the encoded pointers of a payload back into pointers, checking each.
class Decoder {
 public:
  Decoder(char* base, size_t size) : base_(base), size_(size) {}

  // An array of `count` T (count 0 allowed); null stays null.
  template <class T>
  bool array(T*& field, size_t count) {
    const auto v = reinterpret_cast<uintptr_t>(field);
    if (v == 0) return true;
    const size_t off = v - 1;
    if (off > size_ || off % alignof(T) != 0 || count > (size_ - off) / sizeof(T)) return false;
    field = reinterpret_cast<T*>(base_ + off);
    return true;
  }
  // `pieces` NUL-terminated strings one after the other; null stays null.
  bool strings(char*& field, size_t pieces = 1) {
    const auto v = reinterpret_cast<uintptr_t>(field);
    if (v == 0) return true;
    size_t off = v - 1;
    if (off >= size_) return false;
    field = base_ + off;
    for (size_t k = 0; k < pieces; ++k) {
      const void* nul = std::memchr(base_ + off, '\0', size_ - off);
      if (nul == nullptr) return false;
      off = static_cast<size_t>(static_cast<const char*>(nul) - base_) + 1;
      if (k + 1 < pieces && off >= size_) return false;
    }
    return true;
  }

 private:
  char* base_;
  size_t size_;
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

}  // namespace

uint64_t image_checksum(const char* data, size_t size) {
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
    if (d->nohyphen != nullptr) out.nohyphen = encoded<char>(append(d->nohyphen, nohyphen_bytes(d)));
    if (i + 1 < levels.size()) out.nextlevel = encoded<HyphenDict>((i + 1) * sizeof(HyphenDict));
    align();
    const size_t states_at = b.size();
    b.resize(b.size() + static_cast<size_t>(d->num_states) * sizeof(HyphenState), '\0');
    out.states = encoded<HyphenState>(states_at);
    for (int s = 0; s < d->num_states; ++s) {
      const HyphenState& st = d->states[s];
      HyphenState o;
      std::memset(&o, 0, sizeof o);
      o.replindex = st.replindex;
      o.replcut = st.replcut;
      o.fallback_state = st.fallback_state;
      o.num_trans = st.num_trans;
      if (st.match != nullptr) o.match = encoded<char>(append(st.match, std::strlen(st.match) + 1));
      if (st.repl != nullptr) o.repl = encoded<char>(append(st.repl, std::strlen(st.repl) + 1));
      if (st.trans != nullptr) {
        align();
        for (int t = 0; t < st.num_trans; ++t) {
          HyphenTrans tr;
          std::memset(&tr, 0, sizeof tr);
          tr.ch = st.trans[t].ch;
          tr.new_state = st.trans[t].new_state;
          const size_t at = append(&tr, sizeof tr);
          if (t == 0) o.trans = encoded<HyphenTrans>(at);
        }
        if (st.num_trans == 0) o.trans = encoded<HyphenTrans>(b.size());
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
  h.checksum = image_checksum(b.data(), b.size());

  std::string why;
  if (!write_file_atomically(image_path, {std::string_view(reinterpret_cast<const char*>(&h), sizeof h), b}, Sync::No,
                             why)) {
    error = "cannot write " + image_path + ": " + why;
    return false;
  }
  return true;
}

std::unique_ptr<LoadedHyphenDict> load_hyphen_image(const std::string& image_path, const DictSource& source,
                                                    std::string& error) {
  const int fd = ::open(image_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot open: " + errno_text();
    return nullptr;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<size_t>(st.st_size) < sizeof(Header)) {
    ::close(fd);
    error = "not an image";
    return nullptr;
  }
  const auto size = static_cast<size_t>(st.st_size);
  std::unique_ptr<char[]> buf(new (std::nothrow) char[size]);  // malloc alignment: enough for the structs
  if (!buf) {
    ::close(fd);
    error = "out of memory";
    return nullptr;
  }
  size_t got = 0;
  while (got < size) {
    const ssize_t r = ::read(fd, buf.get() + got, size - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  ::close(fd);
  if (got != size) {
    error = "cannot read";
    return nullptr;
  }
  Header h;
  std::memcpy(&h, buf.get(), sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.dict_size != sizeof(HyphenDict) ||
      h.state_size != sizeof(HyphenState) || h.trans_size != sizeof(HyphenTrans) || h.levels < 1 ||
      h.levels > kMaxLevels || h.payload != size - sizeof h) {
    error = "not an image of this build";
    return nullptr;
  }
  if (h.source_size != source.size || h.source_mtime_ns != source.mtime_ns) {
    error = "made from another version of the dictionary";
    return nullptr;
  }
  char* base = buf.get() + sizeof h;
  const size_t n = size - sizeof h;
  if (image_checksum(base, n) != h.checksum) {
    error = "damaged (checksum)";
    return nullptr;
  }
  if (static_cast<size_t>(h.levels) * sizeof(HyphenDict) > n) {
    error = "damaged";
    return nullptr;
  }
  Decoder dec(base, n);
  auto* levels = reinterpret_cast<HyphenDict*>(base);
  for (uint32_t i = 0; i < h.levels; ++i) {
    HyphenDict* d = &levels[i];
    const bool last = i + 1 == h.levels;
    if (reinterpret_cast<uintptr_t>(d->nextlevel) != (last ? 0 : (i + 1) * sizeof(HyphenDict) + 1) ||
        !decode_level(dec, d)) {
      error = "damaged";
      return nullptr;
    }
    d->nextlevel = last ? nullptr : &levels[i + 1];
  }
  auto out = std::unique_ptr<LoadedHyphenDict>(new LoadedHyphenDict());
  out->top_ = &levels[0];
  out->image_ = std::move(buf);
  return out;
}

}  // namespace emnpub::text
