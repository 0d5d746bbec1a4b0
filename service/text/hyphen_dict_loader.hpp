#pragma once
// A fast replacement for libhyphen's hnj_hyphen_load().
//
// libhyphen keeps the pattern strings in a fixed 31627-bucket hash table of
// strcmp chains, so loading grows superlinearly with the dictionary
// (hyph_de_DE.dic, 78k patterns: ~4 s; hyph_en_US.dic: ~25 ms). This loader
// builds the very same HyphenDict -- same levels (NEXTLEVEL or libhyphen's
// implicit compound level), hyphenmins, NOHYPHEN list, state numbering,
// transition order, matches, replacements and fallback states -- by walking
// the state machine it is building (a trie of the pattern words) instead of
// hashing strings, and computing the fallback states breadth-first
// (Aho-Corasick failure links) instead of looking up every suffix of every
// state. Besides the dictionary it allocates little (one int per state for
// the fallback pass): at start-up, first-touch page faults dominate.
//
// The result is libhyphen's own HyphenDict, so hnj_hyphen_hyphenate2/3
// read it unchanged; its memory belongs to the returned object (the small
// pieces come from a few large blocks, not one malloc each: that alone was
// half the loading time), so never pass it to hnj_hyphen_free.
// tests/text/hyphen_dict_loader_test.cpp compares it field by field with
// hnj_hyphen_load on every installed dictionary.
//
// Deliberate differences, all outside what a well-formed dictionary reaches:
// a file that cannot be read (e.g. a directory) is an error instead of an
// empty dictionary; out of memory is an error instead of exit(1); repeated
// patterns / NOHYPHEN lines drop what they replace instead of leaking it;
// replindex/replcut of states without a pattern are 0 instead of
// uninitialised; a 99-letter pattern line does not overrun a buffer.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

struct _HyphenDict;  // hyphen.h's HyphenDict

namespace emnpub::text {

class HyphenDictArena;
struct DictSource;

// A loaded dictionary: every level of it and all its strings and arrays.
class LoadedHyphenDict {
 public:
  LoadedHyphenDict();
  ~LoadedHyphenDict();
  LoadedHyphenDict(const LoadedHyphenDict&) = delete;
  LoadedHyphenDict& operator=(const LoadedHyphenDict&) = delete;

  // The first level, for hnj_hyphen_hyphenate2/3 (read-only use).
  _HyphenDict* get() const { return top_; }

  // Whether this is an image file mapped in place (for tests).
  bool mapped() const { return mapping_.at != nullptr; }

  // For the loader: a zeroed level with state 0 and room for `capacity`
  // states, owned by this object.
  _HyphenDict* new_level(size_t capacity);

 private:
  friend std::unique_ptr<LoadedHyphenDict> load_hyphen_dict(const std::string&, std::string&);
  friend std::unique_ptr<LoadedHyphenDict> load_hyphen_image(const std::string&, const DictSource&, std::string&);
  _HyphenDict* top_ = nullptr;
  std::vector<_HyphenDict*> levels_;  // calloc'd, states arrays malloc'd
  std::unique_ptr<HyphenDictArena> arena_;
  std::unique_ptr<char[]> image_;     // or all of it in one block (text/hyphen_dict_image.hpp)
  // or an image file mapped read-only where its pointers point
  struct Mapping {
    void* at = nullptr;
    size_t size = 0;
    Mapping() = default;
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    ~Mapping();
  };
  Mapping mapping_;
};

// Loads a libhyphen .dic file. On failure returns nullptr and sets `error`
// (what went wrong, without the path). Thread-safe: no shared state.
std::unique_ptr<LoadedHyphenDict> load_hyphen_dict(const std::string& path, std::string& error);

}  // namespace emnpub::text
