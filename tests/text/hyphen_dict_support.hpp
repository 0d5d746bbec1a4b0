#pragma once
// Shared by the hyphenation dictionary tests: libhyphen's own loader, a
// field-by-field comparison of two dictionaries, hyphenation of word lists
// with hnj_hyphen_hyphenate2, and the installed dictionary files.
#include <gtest/gtest.h>
#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/file_stamp.hpp"
#include "text/hyphen_dict_loader.hpp"
#include "text/hyphen_rep_arrays.hpp"
#include "text/hyphenator.hpp"

namespace emnpub::text::dict_test {

namespace fs = std::filesystem;

struct DictFree {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};
using DictPtr = std::unique_ptr<HyphenDict, DictFree>;

inline DictPtr load_libhyphen(const std::string& path) { return DictPtr(hnj_hyphen_load(path.c_str())); }

// Ours, with get() giving the HyphenDict like DictPtr's.
struct Ours {
  std::unique_ptr<LoadedHyphenDict> loaded;
  HyphenDict* get() const { return loaded ? loaded->get() : nullptr; }
  bool operator==(std::nullptr_t) const { return loaded == nullptr; }
};

inline Ours load_ours(const std::string& path) {
  std::string error;
  Ours d{load_hyphen_dict(path, error)};
  EXPECT_NE(d.loaded, nullptr) << path << ": " << error;
  return d;
}

inline std::string show_str(const char* s) {
  return s == nullptr ? "(null)" : "\"" + std::string(s) + "\"";
}

// NOHYPHEN as hnj_hyphen_hyphenate2 reads it: nohyphenl + 1 strings.
inline std::vector<std::string> nohyphen_list(const HyphenDict* d) {
  std::vector<std::string> out;
  if (d->nohyphen == nullptr) return out;
  const char* p = d->nohyphen;
  for (int i = 0; i <= d->nohyphenl; ++i) {
    out.emplace_back(p);
    p += std::strlen(p) + 1;
  }
  return out;
}

// Every difference between two dictionaries, level by level (nextlevel
// chain); empty when identical. replindex/replcut are compared only where
// libhyphen sets them (states with a pattern): elsewhere it leaves them
// uninitialised.
inline std::vector<std::string> differences(const HyphenDict* a, const HyphenDict* b) {
  std::vector<std::string> out;
  auto note = [&out](int level, const std::string& what) {
    out.push_back("level " + std::to_string(level) + ": " + what);
  };
  for (int level = 0; a != nullptr || b != nullptr; ++level, a = a->nextlevel, b = b->nextlevel) {
    if (a == nullptr || b == nullptr) {
      note(level, "present in only one dictionary");
      break;
    }
    auto field = [&](const char* name, long x, long y) {
      if (x != y)
        note(level, std::string(name) + " " + std::to_string(x) + " vs " + std::to_string(y));
    };
    field("lhmin", a->lhmin, b->lhmin);
    field("rhmin", a->rhmin, b->rhmin);
    field("clhmin", a->clhmin, b->clhmin);
    field("crhmin", a->crhmin, b->crhmin);
    field("nohyphenl", a->nohyphenl, b->nohyphenl);
    field("utf8", a->utf8, b->utf8);
    field("num_states", a->num_states, b->num_states);
    if (std::memcmp(a->cset, b->cset, sizeof a->cset) != 0) note(level, "cset differs");
    if ((a->nohyphen == nullptr) != (b->nohyphen == nullptr))
      note(level, "nohyphen null in only one");
    else if (a->nohyphenl == b->nohyphenl && nohyphen_list(a) != nohyphen_list(b))
      note(level, "nohyphen list differs");
    const int n = std::min(a->num_states, b->num_states);
    for (int s = 0; s < n && out.size() < 50; ++s) {
      const HyphenState& x = a->states[s];
      const HyphenState& y = b->states[s];
      const std::string at = "state " + std::to_string(s) + " ";
      auto same_str = [](const char* p, const char* q) {
        return (p == nullptr && q == nullptr) ||
               (p != nullptr && q != nullptr && std::strcmp(p, q) == 0);
      };
      if (!same_str(x.match, y.match))
        note(level, at + "match " + show_str(x.match) + " vs " + show_str(y.match));
      if (!same_str(x.repl, y.repl))
        note(level, at + "repl " + show_str(x.repl) + " vs " + show_str(y.repl));
      if (x.match != nullptr && (x.replindex != y.replindex || x.replcut != y.replcut))
        note(level, at + "replindex/replcut " + std::to_string(x.replindex) + "/" +
                        std::to_string(x.replcut) + " vs " + std::to_string(y.replindex) + "/" +
                        std::to_string(y.replcut));
      if (x.fallback_state != y.fallback_state)
        note(level, at + "fallback " + std::to_string(x.fallback_state) + " vs " +
                        std::to_string(y.fallback_state));
      if (x.num_trans != y.num_trans) {
        note(level, at + "num_trans " + std::to_string(x.num_trans) + " vs " +
                        std::to_string(y.num_trans));
        continue;
      }
      if ((x.trans == nullptr) != (y.trans == nullptr)) note(level, at + "trans null in only one");
      for (int t = 0; t < x.num_trans; ++t)
        if (x.trans[t].ch != y.trans[t].ch || x.trans[t].new_state != y.trans[t].new_state)
          note(level, at + "transition " + std::to_string(t) + " differs");
    }
  }
  return out;
}

inline std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += "\n  " + x;
  return s;
}

// Everything hnj_hyphen_hyphenate2 reports for one word.
struct Hyphenation {
  int rc = 0;
  std::string hyphens;
  std::string hyphword;
  std::vector<std::string> nonstandard;  // "index:rep/pos/cut"
  bool operator==(const Hyphenation&) const = default;
};

inline Hyphenation hyphenate(HyphenDict* d, const std::string& word) {
  Hyphenation h;
  std::vector<char> hyphens(word.size() + 5, '\0');
  std::vector<char> hyphword(word.size() * 4 + 64, '\0');
  HyphenRepArrays r;
  r.size = word.size();
  h.rc = hnj_hyphen_hyphenate2(d, word.c_str(), static_cast<int>(word.size()), hyphens.data(),
                               hyphword.data(), &r.rep, &r.pos, &r.cut);
  h.hyphens = hyphens.data();
  h.hyphword = hyphword.data();
  if (r.rep != nullptr)
    for (size_t i = 0; i < r.size; ++i)
      if (r.rep[i] != nullptr)
        h.nonstandard.push_back(std::to_string(i) + ":" + r.rep[i] + "/" +
                                std::to_string(r.pos[i]) + "/" + std::to_string(r.cut[i]));
  return h;
}

// Words hyphenated differently (first few), and how many words had points.
inline std::vector<std::string> hyphenation_differences(HyphenDict* a, HyphenDict* b,
                                                 const std::vector<std::string>& words,
                                                 size_t* with_points = nullptr) {
  std::vector<std::string> out;
  size_t points = 0;
  for (const std::string& w : words) {
    const Hyphenation x = hyphenate(a, w);
    const Hyphenation y = hyphenate(b, w);
    if (x.hyphword != w) ++points;
    if (!(x == y) && out.size() < 20)
      out.push_back(w + ": " + x.hyphword + " vs " + y.hyphword + " / " + x.hyphens + " vs " +
                    y.hyphens);
  }
  if (with_points != nullptr) *with_points = points;
  return out;
}


// --- word lists ------------------------------------------------------------

// Lowercase words (letters only, >= 2 code points) of the sample texts,
// markup skipped.
inline std::vector<std::u32string> sample_words() {
  std::set<std::u32string> words;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(EMNPUB_SOURCE_DIR "/samples"))
    if (e.path().extension() == ".xml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const std::string text = file_bytes(f.string());
    std::u32string cur;
    bool in_tag = false;
    auto flush = [&] {
      if (cur.size() >= 2) words.insert(cur);
      cur.clear();
    };
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(text.data(), i, n, c);
      if (c == '<') in_tag = true;
      if (!in_tag && c >= 0 && u_isalpha(c)) {
        cur.push_back(static_cast<char32_t>(u_tolower(c)));
      } else {
        flush();
      }
      if (c == '>') in_tag = false;
    }
    flush();
  }
  return {words.begin(), words.end()};
}

// A word in the dictionary's encoding; false when it has no such spelling.
inline bool encode(const std::u32string& w, bool utf8, std::string& out) {
  out.clear();
  for (char32_t c : w) {
    if (utf8) {
      char buf[U8_MAX_LENGTH];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(c));
      out.append(buf, static_cast<size_t>(len));
    } else {
      if (c > 0xFF) return false;  // ISO 8859-1 dictionaries
      out.push_back(static_cast<char>(c));
    }
  }
  return true;
}

// The letters of each pattern ("a1b2c" -> "abc", dots and digits dropped),
// kept when they look like part of a word: no markup, no comment debris
// (libhyphen treats '#' lines as patterns; hyphenating '#' would run into
// their nonsense replacements).
inline std::vector<std::string> pattern_words(const std::string& dic, bool utf8) {
  std::set<std::string> words;
  std::istringstream in(dic);
  std::string line;
  std::getline(in, line);  // charset
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '%' || line[0] == '#' ||
        std::isupper(static_cast<unsigned char>(line[0])))
      continue;
    std::string w;
    for (char c : line) {
      if (c == '/' || static_cast<unsigned char>(c) <= ' ') break;
      if ((c >= '0' && c <= '9') || c == '.') continue;
      w.push_back(c);
    }
    const bool letters = std::all_of(w.begin(), w.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return (u >= 'a' && u <= 'z') || u >= 0x80 || c == '\'' || c == '-';
    });
    if (w.size() < 2 || !letters) continue;
    if (utf8) {
      int32_t i = 0;
      const auto n = static_cast<int32_t>(w.size());
      bool ok = true;
      while (i < n && ok) {
        UChar32 c;
        U8_NEXT(w.data(), i, n, c);
        ok = c >= 0;
      }
      if (!ok) continue;  // a fragment of a multi-byte letter
    }
    words.insert(w);
  }
  return {words.begin(), words.end()};
}

// ~5,000 words: the samples' words in the dictionary's encoding, pattern
// letters (every pattern-dense corner of the dictionary, in stride), and
// compounds of both (joined directly, with '-' and with '\'') for the
// compound level.
inline std::vector<std::string> word_list(const std::string& dic, bool utf8) {
  std::vector<std::string> base;
  std::string enc;
  for (const std::u32string& w : sample_words())
    if (encode(w, utf8, enc)) base.push_back(enc);
  const size_t from_samples = std::min<size_t>(base.size(), 2500);
  if (base.size() > from_samples) {  // even stride over the alphabetical list
    std::vector<std::string> picked;
    for (size_t i = 0; i < from_samples; ++i)
      picked.push_back(base[i * base.size() / from_samples]);
    base = std::move(picked);
  }
  const std::vector<std::string> pw = pattern_words(dic, utf8);
  const size_t from_patterns = std::min<size_t>(pw.size(), 4000 - base.size());
  for (size_t i = 0; i < from_patterns; ++i) base.push_back(pw[i * pw.size() / from_patterns]);

  std::vector<std::string> words = base;
  for (size_t i = 0; words.size() < 5000 && i < base.size(); ++i) {
    const std::string& x = base[i];
    const std::string& y = base[(i * 7 + 13) % base.size()];
    switch (i % 3) {
      case 0: words.push_back(x + y); break;
      case 1: words.push_back(x + "-" + y); break;
      default: words.push_back(x + "'" + y); break;
    }
  }
  return words;
}

// --- installed dictionaries ---------------------------------------------------

// Each installed dictionary file once (hyph_de_AT.dic etc. are symlinks).
inline std::vector<std::string> installed_dictionaries() { return dictionary_files(kSystemHyphenDir); }

// A gtest name for a dictionary parameter: its file stem, alphanumeric.
inline std::string dictionary_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

}  // namespace emnpub::text::dict_test
