#include "text/hyphenator.hpp"

#include <hyphen.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "text/hyphen_dict_image.hpp"
#include "text/hyphen_dict_loader.hpp"
#include "text/hyphen_rep_arrays.hpp"

namespace emnpub::text {

namespace {

bool is_joiner(UChar32 c) { return c == 0x200C || c == 0x200D || c == 0x2060; }
bool is_mark(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// One character as the dictionary sees it, with the bytes it covers in the
// caller's word.
struct LookupChar {
  UChar32 cp;         // lowercased (and composed) code point
  size_t begin, end;  // byte range in the part
  bool letter;
  bool joins_previous;  // an uncomposable combining mark: never break before it
};

}  // namespace

Hyphenator::~Hyphenator() = default;

std::shared_ptr<const Hyphenator> Hyphenator::load(const std::string& dic_path, int left_min,
                                                   int right_min, const std::string& image_dir) {
  std::shared_ptr<Hyphenator> h(new Hyphenator());
  std::string error;
  DictSource source;
  if (!image_dir.empty() && dict_source_of(dic_path, source))
    h->loaded_ = load_hyphen_image(image_dir + "/" + hyphen_image_name(dic_path), source, error);
  if (!h->loaded_) h->loaded_ = load_hyphen_dict(dic_path, error);
  if (!h->loaded_)
    throw std::runtime_error("cannot load hyphenation dictionary " + dic_path + ": " + error);
  h->path_ = dic_path;
  h->mins_ = HyphenMins{std::max(left_min, 1), std::max(right_min, 1)};
  h->utf8_ = h->loaded_->get()->utf8 != 0;
  if (!h->utf8_) {
    // 8-bit dictionary: build the reverse of its code page once, so lookups
    // need no (non-thread-safe) ICU converter.
    UErrorCode st = U_ZERO_ERROR;
    UConverter* cv = ucnv_open(h->loaded_->get()->cset, &st);
    if (U_FAILURE(st) || cv == nullptr)
      throw std::runtime_error("hyphenation dictionary " + dic_path + ": unknown character set " +
                               h->loaded_->get()->cset);
    for (int b = 1; b < 256; ++b) {
      const char in = static_cast<char>(b);
      UChar out[4];
      UErrorCode cst = U_ZERO_ERROR;
      const int32_t n = ucnv_toUChars(cv, out, 4, &in, 1, &cst);
      if (U_FAILURE(cst) || n <= 0) continue;
      UChar32 cp;
      int32_t i = 0;
      U16_NEXT(out, i, n, cp);
      if (i == n) h->to_8bit_.emplace(cp, in);  // first byte wins
    }
    ucnv_close(cv);
  }
  return h;
}

std::vector<size_t> Hyphenator::dictionary_points(std::string_view part) const {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
  if (U_FAILURE(st)) return {};

  std::vector<LookupChar> chars;
  const auto n = static_cast<int32_t>(part.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t b = i;
    UChar32 c;
    U8_NEXT(part.data(), i, n, c);
    if (c < 0) return {};  // ill-formed UTF-8
    const auto begin = static_cast<size_t>(b);
    const auto end = static_cast<size_t>(i);
    if (is_joiner(c)) {
      // Invisible: belongs to the preceding character, skipped in the lookup.
      if (!chars.empty()) chars.back().end = end;
      continue;
    }
    if (is_mark(c) && !chars.empty()) {
      const UChar32 composed = nfc->composePair(chars.back().cp, c);
      if (composed >= 0) {
        chars.back().cp = composed;
        chars.back().end = end;
        continue;
      }
      chars.push_back(LookupChar{c, begin, end, false, true});
      continue;
    }
    const bool letter = u_isalpha(c) != 0;
    if (!letter && c != 0x27 && c != 0x2019 && c != 0x02BC) return {};
    chars.push_back(LookupChar{u_tolower(c), begin, end, letter, false});
  }
  if (chars.size() < 2) return {};

  std::string enc;
  enc.reserve(part.size());
  for (const LookupChar& ch : chars) {
    if (utf8_) {
      UChar32 cp = ch.cp == 0x02BC ? 0x2019 : ch.cp;  // modifier apostrophe as ’
      char buf[U8_MAX_LENGTH];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, cp);
      enc.append(buf, static_cast<size_t>(len));
    } else {
      auto it = to_8bit_.find(ch.cp);
      if (it == to_8bit_.end() && (ch.cp == 0x2019 || ch.cp == 0x02BC)) it = to_8bit_.find(0x27);
      if (it == to_8bit_.end()) return {};  // not in the dictionary's alphabet
      enc.push_back(it->second);
    }
  }

  const auto enc_size = static_cast<int>(enc.size());
  std::vector<char> hyphens(enc.size() + 5, '0');
  HyphenRepArrays rep;
  rep.size = enc.size();
  // The word must be NUL-terminated: libhyphen runs strstr() on it (NOHYPHEN).
  hnj_hyphen_hyphenate2(loaded_->get(), enc.c_str(), enc_size, hyphens.data(), nullptr, &rep.rep,
                        &rep.pos, &rep.cut);

  // hyphens[k] is odd for a point after character k (libhyphen re-indexes
  // UTF-8 results by character), so it lines up with `chars`.
  std::vector<size_t> letters_before(chars.size() + 1, 0);
  for (size_t k = 0; k < chars.size(); ++k)
    letters_before[k + 1] = letters_before[k] + (chars[k].letter ? 1 : 0);
  const size_t total = letters_before.back();
  std::vector<size_t> out;
  for (size_t k = 0; k + 1 < chars.size(); ++k) {
    if ((hyphens[k] & 1) == 0) continue;
    if (rep.rep != nullptr && rep.rep[k] != nullptr) continue;  // non-standard: dropped
    if (chars[k + 1].joins_previous) continue;
    const size_t before = letters_before[k + 1];
    if (before < static_cast<size_t>(mins_.left) ||
        total - before < static_cast<size_t>(mins_.right))
      continue;
    out.push_back(chars[k + 1].begin);
  }
  return out;
}

std::vector<HyphenPoint> Hyphenator::hyphenate_points(std::string_view word,
                                                      const HyphenationRules& rules) const {
  const WordPlan plan = plan_word(word, rules, mins_);
  std::vector<HyphenPoint> pts;
  for (size_t s : plan.soft_hyphens) pts.push_back({s, HyphenKind::Soft});
  for (size_t h : plan.hard_breaks) pts.push_back({h, HyphenKind::Hard});
  for (const ByteRange& part : plan.parts)
    for (size_t off : dictionary_points(word.substr(part.begin, part.end - part.begin)))
      pts.push_back({part.begin + off, HyphenKind::Dictionary});
  std::sort(pts.begin(), pts.end(),
            [](const HyphenPoint& a, const HyphenPoint& b) { return a.offset < b.offset; });
  pts.erase(
      std::unique(pts.begin(), pts.end(),
                  [](const HyphenPoint& a, const HyphenPoint& b) { return a.offset == b.offset; }),
      pts.end());
  return pts;
}

std::vector<size_t> Hyphenator::hyphenate(std::string_view word,
                                          const HyphenationRules& rules) const {
  std::vector<size_t> out;
  for (const HyphenPoint& p : hyphenate_points(word, rules))
    if (p.kind != HyphenKind::Hard) out.push_back(p.offset);
  return out;
}

// ---------------------------------------------------------------------------

namespace {

struct LangTag {
  std::string primary;  // lowercase, empty when the tag is unusable
  std::string region;   // uppercase, may be empty
};

// Only letters and digits reach file names, so a tag cannot name a path.
LangTag parse_tag(std::string_view tag) {
  LangTag t;
  std::vector<std::string> subtags(1);
  for (char ch : tag) {
    if (ch == '-' || ch == '_') {
      subtags.emplace_back();
    } else if (std::isalnum(static_cast<unsigned char>(ch))) {
      subtags.back().push_back(ch);
    } else {
      return {};
    }
  }
  const std::string& p = subtags[0];
  if (p.size() < 2 || p.size() > 8 || !std::all_of(p.begin(), p.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c));
      }))
    return {};
  for (char c : p)
    t.primary.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (size_t i = 1; i < subtags.size(); ++i) {
    const std::string& s = subtags[i];
    const bool alpha2 = s.size() == 2 && std::isalpha(static_cast<unsigned char>(s[0])) &&
                        std::isalpha(static_cast<unsigned char>(s[1]));
    const bool digit3 = s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) {
                          return std::isdigit(static_cast<unsigned char>(c));
                        });
    if (alpha2 || digit3) {
      for (char c : s)
        t.region.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      break;
    }
  }
  return t;
}

bool is_file(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec);  // follows the hyph_xx.dic symlinks
}

}  // namespace

HyphenatorCache::HyphenatorCache(std::vector<std::string> search_dirs, std::string image_dir)
    : dirs_(std::move(search_dirs)), image_dir_(std::move(image_dir)) {}

HyphenatorCache& HyphenatorCache::process() {
  static HyphenatorCache cache;
  return cache;
}

void HyphenatorCache::set_mins(const std::string& primary_lang, HyphenMins mins) {
  std::lock_guard<std::mutex> lock(mu_);
  mins_[primary_lang] = mins;
}

std::vector<std::string> dictionary_files(const std::string& dir) {
  std::set<std::string> real;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("hyph_", 0) != 0 || !name.ends_with(".dic")) continue;
    std::error_code ec2;
    const std::filesystem::path p = std::filesystem::canonical(e.path(), ec2);
    if (!ec2 && std::filesystem::is_regular_file(p, ec2)) real.insert(p.string());
  }
  return {real.begin(), real.end()};
}

std::string HyphenatorCache::resolve(std::string_view bcp47_lang) const {
  const LangTag t = parse_tag(bcp47_lang);
  if (t.primary.empty()) return {};
  std::vector<std::string> names;
  if (!t.region.empty()) names.push_back("hyph_" + t.primary + "_" + t.region + ".dic");
  names.push_back("hyph_" + t.primary + ".dic");
  if (t.primary == "en") names.push_back("hyph_en_US.dic");
  for (const std::string& name : names)
    for (const std::string& dir : dirs_)
      if (is_file(std::filesystem::path(dir) / name))
        return (std::filesystem::path(dir) / name).string();
  const std::string prefix = "hyph_" + t.primary + "_";
  for (const std::string& dir : dirs_) {
    std::error_code ec;
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      const std::string name = e.path().filename().string();
      if (name.rfind(prefix, 0) == 0 && name.size() > 4 && name.ends_with(".dic") &&
          is_file(e.path()))
        found.push_back(e.path().string());
    }
    if (!found.empty()) return *std::min_element(found.begin(), found.end());
  }
  return {};
}

std::shared_ptr<const Hyphenator> HyphenatorCache::get(std::string_view bcp47_lang) const {
  const LangTag t = parse_tag(bcp47_lang);
  const std::string key = t.primary + "-" + t.region;
  std::shared_ptr<Slot> slot;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = by_lang_.find(key); it != by_lang_.end()) {
      slot = it->second;
    } else {
      const std::string path = resolve(bcp47_lang);
      if (!path.empty()) {
        const auto m = mins_.find(t.primary);
        const HyphenMins mins = m != mins_.end() ? m->second : default_hyphen_mins(t.primary);
        // Keyed by the real file: hyph_de.dic, hyph_de_CH.dic ... are
        // symlinks to one 1 MB dictionary, loaded once.
        std::error_code ec;
        const std::filesystem::path real = std::filesystem::canonical(path, ec);
        const std::string fkey = (ec ? path : real.string()) + "#" + std::to_string(mins.left) +
                                 "/" + std::to_string(mins.right);
        std::shared_ptr<Slot>& s = by_file_[fkey];
        if (!s) {
          s = std::make_shared<Slot>();
          s->path = path;
          s->mins = mins;
        }
        slot = s;
      }
      by_lang_.emplace(key, slot);
    }
  }
  if (!slot) return nullptr;
  return slot->hyphenator.get(
      [&] { return Hyphenator::load(slot->path, slot->mins.left, slot->mins.right, image_dir_); });
}

}  // namespace emnpub::text
