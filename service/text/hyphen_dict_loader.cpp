#include "text/hyphen_dict_loader.hpp"

#include <sys/mman.h>

#include <hyphen.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <new>
#include <string>
#include <system_error>
#include <vector>

// Line-by-line mirror of libhyphen 2.8.8's hyphen.c (hnj_hyphen_load_file,
// hnj_hyphen_load_line, hnj_get_state, hnj_add_trans); comments name the
// libhyphen behaviour each step reproduces, quirks included, because the
// goal is an identical structure, not a cleaner reading of the format.

namespace emnpub::text {

namespace {

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// realloc that throws instead of returning null.
template <class T>
T* xrealloc(T* p, size_t count) {
  void* q = std::realloc(p, count * sizeof(T));
  if (q == nullptr) throw std::bad_alloc();  // p is still owned by its level
  return static_cast<T*>(q);
}

// libhyphen's hnj_strchomp.
void strchomp(char* s) {
  const size_t k = std::strlen(s);
  if (k > 0 && (s[k - 1] == '\r' || s[k - 1] == '\n')) s[k - 1] = '\0';
  if (k > 1 && s[k - 2] == '\r') s[k - 2] = '\0';
}

}  // namespace

// The dictionary's many small pieces (pattern and replacement strings,
// transition arrays: ~3 per pattern line, 230,000 for German) come from
// large blocks freed together: one malloc each cost as much as the rest of
// loading.
class HyphenDictArena {
 public:
  void* alloc(size_t n) {
    n = (n + 7) & ~size_t{7};
    if (n > left_) {
      const size_t size = std::max(n, kBlock);
      blocks_.emplace_back(new char[size]);
      cur_ = blocks_.back().get();
      left_ = size;
    }
    void* p = cur_;
    cur_ += n;
    left_ -= n;
    return p;
  }
  char* strdup(const char* s) {
    const size_t n = std::strlen(s) + 1;
    return static_cast<char*>(std::memcpy(alloc(n), s, n));
  }

 private:
  static constexpr size_t kBlock = size_t{64} << 10;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cur_ = nullptr;
  size_t left_ = 0;
};

LoadedHyphenDict::LoadedHyphenDict() : arena_(std::make_unique<HyphenDictArena>()) {}

LoadedHyphenDict::Mapping::~Mapping() {
  if (at != nullptr) ::munmap(at, size);
}

LoadedHyphenDict::~LoadedHyphenDict() {
  for (HyphenDict* d : levels_) {
    std::free(d->states);
    std::free(d);
  }
}

HyphenDict* LoadedHyphenDict::new_level(size_t capacity) {
  levels_.reserve(levels_.size() + 1);
  auto* d = static_cast<HyphenDict*>(std::calloc(1, sizeof(HyphenDict)));
  if (!d) throw std::bad_alloc();
  levels_.push_back(d);
  // Room for the expected states at once: growing by doubling copied 8 MB
  // of the German dictionary's 11 MB of states. Untouched room costs
  // address space only (malloc, not calloc: each state is written when it
  // is made).
  d->states = static_cast<HyphenState*>(std::malloc(std::max<size_t>(capacity, 1) * sizeof(HyphenState)));
  if (d->states == nullptr) throw std::bad_alloc();
  // As hnj_hyphen_load_file starts a level: state 0 (the empty string).
  d->states[0] = HyphenState{};
  d->states[0].fallback_state = -1;
  d->num_states = 1;
  return d;
}

namespace {

// Builds one level's state machine. States are the prefixes of the pattern
// words (the set is prefix-closed: libhyphen adds every missing prefix), and
// each state's transitions lead to its one-byte extensions: the machine is
// a trie, so walking it answers every lookup libhyphen makes in its string
// hash table, without a table.
class LevelBuilder {
 public:
  LevelBuilder(HyphenDict* dict, size_t capacity, HyphenDictArena& arena)
      : dict_(dict), arena_(arena), capacity_(capacity) {
    std::fill(std::begin(root_), std::end(root_), -1);
  }

  // hnj_hyphen_load_line. buf is modified (cut at '/' and ',') like there.
  void add_line(char* buf) {
    // Keywords start with C, L, N or R; patterns (nearly every line) skip
    // the five comparisons, which cost as much as storing the pattern.
    const char c0 = buf[0];
    if (c0 != 'C' && c0 != 'L' && c0 != 'N' && c0 != 'R') {
      add_pattern(buf);
      return;
    }
    if (std::strncmp(buf, "LEFTHYPHENMIN", 13) == 0) {
      dict_->lhmin = static_cast<char>(std::atoi(buf + 13));
      return;
    }
    if (std::strncmp(buf, "RIGHTHYPHENMIN", 14) == 0) {
      dict_->rhmin = static_cast<char>(std::atoi(buf + 14));
      return;
    }
    if (std::strncmp(buf, "COMPOUNDLEFTHYPHENMIN", 21) == 0) {
      dict_->clhmin = static_cast<char>(std::atoi(buf + 21));
      return;
    }
    if (std::strncmp(buf, "COMPOUNDRIGHTHYPHENMIN", 22) == 0) {
      dict_->crhmin = static_cast<char>(std::atoi(buf + 22));
      return;
    }
    if (std::strncmp(buf, "NOHYPHEN", 8) == 0) {
      add_nohyphen(buf + 8);
      return;
    }
    add_pattern(buf);
  }

  // The fallback state of every state but 0: its longest proper suffix that
  // is a state. libhyphen looks up every suffix of every state in its hash
  // table; since the states are prefix-closed, that suffix is the
  // Aho-Corasick failure link, found breadth-first from the parent's: the
  // first state t on the parent's fallback chain with a transition on the
  // state's last byte gives t's target, else it is state 0. Works in the
  // dictionary's own arrays (only a queue besides): at start-up, touching
  // fresh memory costs more than the cache misses.
  void set_fallbacks() {
    HyphenState* st = dict_->states;
    std::vector<int> queue;
    queue.reserve(static_cast<size_t>(dict_->num_states));
    queue.push_back(0);
    for (size_t q = 0; q < queue.size(); ++q) {
      const int u = queue[q];
      for (int e = 0; e < st[u].num_trans; ++e) {
        const HyphenTrans tr = st[u].trans[e];
        queue.push_back(tr.new_state);
        if (u == 0) {  // one byte: only "" is a proper suffix
          st[tr.new_state].fallback_state = 0;
          continue;
        }
        const auto ch = static_cast<unsigned char>(tr.ch);
        int t = st[u].fallback_state;
        int found;
        while ((found = child(t, ch)) < 0 && t != 0) t = st[t].fallback_state;
        st[tr.new_state].fallback_state = found < 0 ? 0 : found;
      }
    }
  }

 private:
  // Transition lookup: the state's own list, as hnj_hyphen_hyphenate2
  // walks it; a table for state 0, the one with many (and most visited).
  int child(int state, unsigned char ch) const {
    if (state == 0) return root_[ch];
    const HyphenState& s = dict_->states[state];
    for (int i = 0; i < s.num_trans; ++i)
      if (static_cast<unsigned char>(s.trans[i].ch) == ch) return s.trans[i].new_state;
    return -1;
  }

  // "NOHYPHEN a,b,c\n": the list after blanks, its last byte dropped (the
  // newline, or whatever ends the line), commas after the first byte turned
  // into NULs. libhyphen counts nohyphenl across repeated lines while
  // keeping only the last list; so does this.
  void add_nohyphen(const char* space) {
    while (*space != '\0' && (*space == ' ' || *space == '\t')) ++space;
    char* nh = arena_.strdup(space);
    dict_->nohyphen = nh;
    const size_t len = std::strlen(nh);
    if (len == 0) return;  // libhyphen would write before the buffer here
    char* nhe = nh + len - 1;
    *nhe = '\0';
    for (--nhe; nhe > nh; --nhe) {
      if (*nhe == ',') {
        ++dict_->nohyphenl;
        *nhe = '\0';
      }
    }
  }

  void add_pattern(char* buf) {
    // Replacement ("f1f/ff=f,1,2"): cut the line at '/', parse index/cut.
    char* repl = std::strchr(buf, '/');
    signed char replindex = 0;
    signed char replcut = 0;
    if (repl != nullptr) {
      char* index = std::strchr(repl + 1, ',');
      *repl = '\0';
      if (index != nullptr) {
        char* index2 = std::strchr(index + 1, ',');
        *index = '\0';
        if (index2 != nullptr) {
          *index2 = '\0';
          replindex = static_cast<signed char>(static_cast<signed char>(std::atoi(index + 1)) - 1);
          replcut = static_cast<signed char>(std::atoi(index2 + 1));
        }
      } else {
        strchomp(repl + 1);
        replindex = 0;
        replcut = static_cast<signed char>(std::strlen(buf));  // digits included, as libhyphen
      }
    }

    // Letters (any byte above ' ' or with the high bit set) and the digit
    // priorities between them. buf holds at most MAX_CHARS - 1 bytes; one
    // spare byte where libhyphen's pattern[] would overflow.
    char word[MAX_CHARS];
    char pattern[MAX_CHARS + 1];
    int j = 0;
    pattern[j] = '0';
    for (int i = 0; buf[i] > ' ' || buf[i] < 0; ++i) {
      if (buf[i] >= '0' && buf[i] <= '9') {
        pattern[j] = buf[i];
      } else {
        word[j] = buf[i];
        pattern[++j] = '0';
      }
    }
    word[j] = '\0';
    pattern[j + 1] = '\0';

    int i = 0;
    if (repl == nullptr) {
      for (; pattern[i] == '0'; ++i) {  // leading zeros dropped (all-zero: "")
      }
    } else {
      if (*word == '.') ++i;
      if (dict_->utf8) {
        // Character positions of the replacement to byte positions.
        int pu = -1;                       // character position
        int ps = -1;                       // character start (original replindex)
        int pc = (*word == '.') ? 1 : 0;  // byte position
        const int wlen = static_cast<int>(std::strlen(word));
        for (; pc < wlen + 1; ++pc) {
          if ((static_cast<unsigned char>(word[pc]) >> 6) != 2) ++pu;
          if (ps < 0 && replindex == pu) {
            ps = replindex;
            replindex = static_cast<signed char>(pc);
          }
          if (ps >= 0 && (pu - ps) == replcut) {
            replcut = static_cast<signed char>(pc - replindex);
            break;
          }
        }
        if (*word == '.') --replindex;
      }
    }

    char* repl_copy = repl != nullptr ? arena_.strdup(repl + 1) : nullptr;
    char* match = arena_.strdup(pattern + i);

    const int state = get_state(word, j);
    HyphenState& hs = dict_->states[state];
    // A repeated pattern replaces the earlier one.
    hs.match = match;
    hs.repl = repl_copy;
    hs.replindex = replindex;
    hs.replcut = replcut != 0 ? replcut : static_cast<signed char>(j);
  }

  // hnj_get_state for the word plus the prefix loop of hnj_hyphen_load_line:
  // a new word gets the next number, then each missing prefix, longest
  // first, down to the longest prefix that already is a state; each new
  // state gets its one incoming transition in that same order.
  int get_state(const char* word, int len) {
    // Consecutive patterns mostly share a prefix (files are sorted): the
    // states along the previous word answer that part without lookups.
    int have = 0;  // longest existing prefix
    while (have < len && have < static_cast<int>(path_word_.size()) &&
           path_word_[static_cast<size_t>(have)] == word[have])
      ++have;
    path_word_.assign(word, static_cast<size_t>(len));
    path_states_.resize(static_cast<size_t>(have) + 1);
    int state = path_states_[static_cast<size_t>(have)];
    while (have < len) {
      const int next = child(state, static_cast<unsigned char>(word[have]));
      if (next < 0) break;
      state = next;
      ++have;
      path_states_.push_back(state);
    }
    if (have == len) return state;

    const int first = dict_->num_states;  // number of the whole word
    for (int l = len; l > have; --l) new_state();
    // The state of prefix length l (have < l <= len) is first + (len - l).
    for (int l = have + 1; l <= len; ++l) path_states_.push_back(first + (len - l));
    for (int l = len; l > have; --l) {
      const int to = first + (len - l);
      const int from = l - 1 == have ? state : first + (len - l + 1);
      add_trans(from, to, word[l - 1]);
      if (from == 0) root_[static_cast<unsigned char>(word[l - 1])] = to;
    }
    return first;
  }

  // A new state at the end of states[], allocated for the expected number
  // of states (see build); doubled when a dictionary has more.
  void new_state() {
    const int n = dict_->num_states;
    if (static_cast<size_t>(n) == capacity_) {
      capacity_ *= 2;
      dict_->states = xrealloc(dict_->states, capacity_);
    }
    HyphenState& s = dict_->states[n];
    s.match = nullptr;
    s.repl = nullptr;
    s.replindex = 0;
    s.replcut = 0;
    s.fallback_state = -1;
    s.num_trans = 0;
    s.trans = nullptr;
    dict_->num_states = n + 1;
  }

  // hnj_add_trans: appended, array grown to powers of two.
  void add_trans(int from, int to, char ch) {
    HyphenState& s = dict_->states[from];
    const int n = s.num_trans;
    if (n == 0) {
      s.trans = static_cast<HyphenTrans*>(arena_.alloc(sizeof(HyphenTrans)));
    } else if ((n & (n - 1)) == 0) {
      auto* grown = static_cast<HyphenTrans*>(arena_.alloc(sizeof(HyphenTrans) * (static_cast<size_t>(n) << 1)));
      s.trans = static_cast<HyphenTrans*>(std::memcpy(grown, s.trans, sizeof(HyphenTrans) * static_cast<size_t>(n)));
    }
    s.trans[n].ch = ch;
    s.trans[n].new_state = to;
    s.num_trans = n + 1;
  }

  HyphenDict* dict_;
  HyphenDictArena& arena_;
  size_t capacity_;                     // states[] has room for this many
  int root_[256];                       // state 0's transitions by byte, -1: none
  std::string path_word_;               // the previous pattern's word
  std::vector<int> path_states_ = {0};  // its prefixes' states, by length
};

// fgets over the file's bytes, read in one go: copies up to size - 1 bytes,
// through the first newline, and terminates them, so a long line arrives in
// the same pieces as from fgets.
struct LineSource {
  std::string_view text;
  bool gets(char* buf, int size) {
    if (text.empty() || size < 2) return false;
    size_t n = std::min(text.size(), static_cast<size_t>(size - 1));
    if (const void* nl = std::memchr(text.data(), '\n', n)) n = static_cast<const char*>(nl) - text.data() + 1;
    std::memcpy(buf, text.data(), n);
    buf[n] = '\0';
    text.remove_prefix(n);
    return true;
  }
};

// hnj_hyphen_load_file. Lines are read with fgets into the same fixed
// buffers (20 bytes for the charset line, MAX_CHARS for the others), so a
// longer line arrives in pieces exactly as libhyphen sees it.
HyphenDict* build(LineSource& in, LoadedHyphenDict& owner, HyphenDictArena& arena) {
  HyphenDict* level[2] = {nullptr, nullptr};
  bool nextlevel = false;
  char buf[MAX_CHARS];

  for (int k = 0; k < 2; ++k) {
    // Room for four states per line: dictionaries have 1.5 (Dutch) to 3.6
    // (German) new states per pattern; a few large blocks, not a doubling
    // series of copies. The implicit compound level has a dozen.
    const size_t lines = static_cast<size_t>(std::count(in.text.begin(), in.text.end(), '\n')) + 1;
    const size_t capacity = k == 0 || nextlevel ? 4 * lines + 16 : 64;
    level[k] = owner.new_level(capacity);
    HyphenDict* d = level[k];
    if (k == 0) {
      // Charset line, read into the 20-byte cset like libhyphen (a longer
      // first line leaves its rest as the next pattern line).
      if (in.gets(d->cset, sizeof d->cset)) {
        for (char& c : d->cset)
          if (c == '\r' || c == '\n') c = '\0';
      } else {
        d->cset[0] = '\0';
      }
      d->utf8 = std::strcmp(d->cset, "UTF-8") == 0;
    } else {
      std::strncpy(d->cset, level[0]->cset, sizeof d->cset - 1);
      d->cset[sizeof d->cset - 1] = '\0';
      d->utf8 = level[0]->utf8;
    }

    LevelBuilder b(d, capacity, arena);
    if (k == 0 || nextlevel) {
      // Patterns up to NEXTLEVEL (first level) or to the end / another
      // NEXTLEVEL (second level). Only '%' starts a comment.
      while (in.gets(buf, sizeof buf)) {
        if (std::strncmp(buf, "NEXTLEVEL", 9) == 0) {
          nextlevel = true;
          break;
        }
        if (buf[0] != '%') b.add_line(buf);
      }
    } else {
      // No NEXTLEVEL: libhyphen makes the file the second level and adds
      // an implicit compound level that breaks at hyphens and apostrophes
      // and forbids hyphenating next to them.
      const bool u8 = level[0]->utf8 != 0;
      auto line = [&b, &buf](const char* text) {
        std::strncpy(buf, text, sizeof buf - 1);
        buf[sizeof buf - 1] = '\0';
        b.add_line(buf);
      };
      line(u8 ? "NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-\n" : "NOHYPHEN ',-\n");
      line("1-1\n");  // hyphen
      line("1'1\n");  // ASCII apostrophe
      if (u8) {
        line("1\xe2\x80\x93" "1\n");  // en dash
        line("1\xe2\x80\x99" "1\n");  // right single quotation mark
      }
    }
    b.set_fallbacks();
  }

  if (nextlevel) {
    level[0]->nextlevel = level[1];
    return level[0];
  }
  // The file's patterns are level 0, below the implicit compound level,
  // which takes the file's hyphenmins (compound ones default to them, else 3).
  HyphenDict* inner = level[0];
  HyphenDict* outer = level[1];
  outer->nextlevel = inner;
  outer->lhmin = inner->lhmin;
  outer->rhmin = inner->rhmin;
  outer->clhmin = inner->clhmin != 0 ? inner->clhmin : (inner->lhmin != 0 ? inner->lhmin : 3);
  outer->crhmin = inner->crhmin != 0 ? inner->crhmin : (inner->rhmin != 0 ? inner->rhmin : 3);
  return outer;
}

}  // namespace

std::unique_ptr<LoadedHyphenDict> load_hyphen_dict(const std::string& path, std::string& error) {
  error.clear();
  std::string text;
  {
    std::unique_ptr<std::FILE, FileClose> f(std::fopen(path.c_str(), "rb"));
    if (!f) {
      error = "cannot open: " + std::system_category().message(errno);
      return nullptr;
    }
    // libhyphen would return what it read so far (e.g. nothing for a
    // directory); a read error is an error here.
    char chunk[1 << 16];
    size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, f.get())) > 0) text.append(chunk, n);
    if (std::ferror(f.get())) {
      error = "cannot read: " + std::system_category().message(errno);
      return nullptr;
    }
  }
  try {
    auto owner = std::make_unique<LoadedHyphenDict>();
    LineSource in{text};
    owner->top_ = build(in, *owner, *owner->arena_);
    return owner;
  } catch (const std::bad_alloc&) {
    error = "out of memory";
    return nullptr;
  }
}

}  // namespace emnpub::text
