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
// Everything is allocated with malloc/realloc the way libhyphen does, so
// the result works unchanged with hnj_hyphen_hyphenate2/3 and must be
// released with hnj_hyphen_free. tests/text/hyphen_dict_loader_test.cpp
// compares it field by field with hnj_hyphen_load on every installed
// dictionary.
//
// Deliberate differences, all outside what a well-formed dictionary reaches:
// a file that cannot be read (e.g. a directory) is an error instead of an
// empty dictionary; out of memory is an error instead of exit(1); repeated
// patterns / NOHYPHEN lines free what they replace instead of leaking it;
// replindex/replcut of states without a pattern are 0 instead of
// uninitialised; a 99-letter pattern line does not overrun a buffer.
#include <string>

struct _HyphenDict;  // hyphen.h's HyphenDict

namespace emnpub::text {

// Loads a libhyphen .dic file. On failure returns nullptr and sets `error`
// (what went wrong, without the path). Thread-safe: no shared state.
_HyphenDict* load_hyphen_dict(const std::string& path, std::string& error);

}  // namespace emnpub::text
