#pragma once
// Pattern hyphenation with libhyphen (the Hunspell/LibreOffice dictionaries
// in /usr/share/hyphen). One Hyphenator per dictionary, immutable after
// load and shared between threads: hnj_hyphen_hyphenate2 only reads the
// dictionary (its state machine walk works on per-call buffers; checked in
// libhyphen's hyphen.c), so no lock is needed.
//
// Lookups are on lowercase text in the dictionary's own encoding (the nl and
// de dictionaries are ISO 8859-1, en and fr UTF-8): words are lowercased one
// code point at a time with ICU's simple case mapping (u_tolower), which
// keeps a 1:1 map from looked-up characters back to byte offsets. That is
// the full lowercasing for every Latin-script language except the Turkic
// dotted/dotless i, for which no dictionary is installed. Decomposed
// letters (e + U+0301) are composed for the lookup and never split.
//
// Non-standard hyphenation (libhyphen's rep/pos/cut, e.g. old German
// "Schiffahrt" -> "Schiff-fahrt") is not exposed: such points are dropped,
// because inserting a plain hyphen there would misspell the word. None of
// the installed dictionaries (nl, fr, de, en_US) has such patterns.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/load_once.hpp"
#include "text/hyphenation_rules.hpp"

struct _HyphenDict;  // hyphen.h's HyphenDict, kept out of this header

namespace emnpub::text {
class LoadedHyphenDict;
}

namespace emnpub::text {

enum class HyphenKind : uint8_t {
  Dictionary,  // insert a hyphen here
  Soft,        // the author's U+00AD is at offset: render a hyphen, drop the U+00AD
  Hard,        // just after an existing hyphen: break, insert nothing
};

struct HyphenPoint {
  size_t offset = 0;  // byte offset into the word: the line breaks before word[offset]
  HyphenKind kind = HyphenKind::Dictionary;
  bool operator==(const HyphenPoint&) const = default;
};

class Hyphenator {
 public:
  // Throws std::runtime_error naming the path when the dictionary cannot be
  // read or its character set is unknown. left_min/right_min are letters
  // before/after a hyphen; the dictionary's own LEFTHYPHENMIN/RIGHTHYPHENMIN
  // still apply when larger (libhyphen enforces them).
  // With `image_dir`, a prepared image of the dictionary there
  // (text/hyphen_dict_image.hpp) is loaded instead of parsing the file,
  // if it was made from this very file.
  static std::shared_ptr<const Hyphenator> load(const std::string& dic_path, int left_min,
                                                int right_min, const std::string& image_dir = {});

  // Byte offsets into the UTF-8 word where a hyphen may be inserted
  // (dictionary and soft-hyphen points), after the rules of
  // hyphenation_rules.hpp; ascending.
  std::vector<size_t> hyphenate(std::string_view word, const HyphenationRules& rules = {}) const;

  // All break points of the word, hard hyphens included, ascending.
  std::vector<HyphenPoint> hyphenate_points(std::string_view word,
                                            const HyphenationRules& rules = {}) const;

  // Dictionary points of one part that already passed the rules (letters,
  // marks, apostrophes, joiners only), fragment minimums applied; offsets
  // into `part`. Anything else in the part makes the lookup return nothing.
  std::vector<size_t> dictionary_points(std::string_view part) const;

  int left_min() const { return mins_.left; }
  int right_min() const { return mins_.right; }
  const std::string& path() const { return path_; }

  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

 private:
  Hyphenator() = default;
  std::unique_ptr<LoadedHyphenDict> loaded_;
  std::string path_;
  HyphenMins mins_;
  bool utf8_ = true;
  std::map<int32_t, char> to_8bit_;  // code point -> byte, for 8-bit dictionaries
};

// Process-wide dictionary cache, one Hyphenator per dictionary file, loaded
// on first use. For a BCP 47 tag "ll-RR" (script subtags ignored, "_"
// accepted) it looks in each search directory for hyph_ll_RR.dic, then
// hyph_ll.dic, then (en only) hyph_en_US.dic, then any hyph_ll_*.dic
// (alphabetically first). Misses are cached too. Thread-safe; a load runs
// outside the cache's lock (libhyphen needs seconds for hyph_de_DE.dic), so
// it only delays callers wanting that same dictionary. A service may call
// get() for its languages at startup to take that cost early.
// Where Debian's hyphen-* packages install their dictionaries.
inline constexpr const char* kSystemHyphenDir = "/usr/share/hyphen";

// Each dictionary file in `dir` once (hyph_*.dic; hyph_de_AT.dic and the
// like are symlinks, resolved to the file they name), sorted; empty when
// the folder cannot be read.
std::vector<std::string> dictionary_files(const std::string& dir);

class HyphenatorCache {
 public:
  // image_dir: where prepared images of the dictionaries are (see
  // Hyphenator::load); empty: none.
  explicit HyphenatorCache(std::vector<std::string> search_dirs = {kSystemHyphenDir},
                           std::string image_dir = {});

  // nullptr when the language has no dictionary. Throws (from
  // Hyphenator::load) when a dictionary file exists but cannot be loaded.
  std::shared_ptr<const Hyphenator> get(std::string_view bcp47_lang) const;

  // Overrides default_hyphen_mins() for a primary language ("fr"); affects
  // dictionaries loaded afterwards.
  void set_mins(const std::string& primary_lang, HyphenMins mins);

  // The shared instance over /usr/share/hyphen.
  static HyphenatorCache& process();

  // The dictionary file get() would load, or "" (for diagnostics and tests).
  std::string resolve(std::string_view bcp47_lang) const;

 private:
  // One per (dictionary file, fragment minimums): loaded once, by whichever
  // caller comes first.
  struct Slot {
    std::string path;
    HyphenMins mins;
    LoadOnce<Hyphenator> hyphenator;
  };

  std::vector<std::string> dirs_;
  std::string image_dir_;
  mutable std::mutex mu_;  // guards the maps below, never held during a load
  std::map<std::string, HyphenMins, std::less<>> mins_;
  mutable std::map<std::string, std::shared_ptr<Slot>, std::less<>> by_lang_;  // null: none
  mutable std::map<std::string, std::shared_ptr<Slot>, std::less<>> by_file_;
};

}  // namespace emnpub::text
