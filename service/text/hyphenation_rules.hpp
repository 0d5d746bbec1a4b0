#pragma once
// Which words may be hyphenated, and where, before any dictionary is asked.
// The dictionary (hyphenator.hpp) only ever sees plain lowercase letters;
// everything typographic is decided here:
//   - a word is taken as it appears in text; leading and trailing
//     punctuation ("(", "«", quotes, ".", a trailing hyphen) is stripped
//     for the lookup and offsets are mapped back into the original word;
//   - URLs and e-mail addresses, words containing digits, and abbreviations
//     (a capital after the first letter: EMN, UNHCR, NGOs, iPhone; Dutch
//     "IJsland" counts its IJ as one capital) are not hyphenated;
//   - words (or compound parts, below) of fewer than min_word_letters
//     letters are not hyphenated;
//   - soft hyphens (U+00AD) written by the author replace the dictionary:
//     when a word has any, they are its only hyphenation points (with no
//     fragment minimum: the author asked for them), and they are language
//     independent, so they work without a dictionary too;
//   - a hard hyphen (U+002D, U+2010) is a break point itself (nothing is
//     inserted there). Decision: each part of such a compound is also
//     hyphenated on its own when it passes the rules above, because the
//     parts of Dutch and German compounds ("EU-lidstaten",
//     "Staatsangehörigkeits-Nachweis") are long enough to need it in narrow
//     columns; hyphenate_compound_parts = false restricts such words to
//     their hard hyphens (TeX's behaviour). A non-breaking hyphen (U+2011)
//     separates parts but is never a break.
// Fragment minimums (left/right, in letters) apply to dictionary points and
// hard hyphens ("e-mail" is never broken after "e-"), counted within the
// word for hard hyphens and within the part for dictionary points.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace emnpub::text {

class HyphenatorCache;

struct HyphenationRules {
  size_t min_word_letters = 5;
  bool hyphenate_compound_parts = true;
};

// Minimum letters before (left) and after (right) a hyphen.
struct HyphenMins {
  int left = 2;
  int right = 2;
};

// By primary language subtag: en 2/3, nl 2/2, de 2/2, fr 2/3 (French
// practice: at least two letters before, three after); others 2/2.
HyphenMins default_hyphen_mins(std::string_view bcp47_lang);

enum class WordClass : uint8_t {
  Hyphenatable,  // dictionary points may be used (in at least one part)
  SoftHyphens,   // the author's soft hyphens are the points
  Compound,      // hard hyphens only (hyphenate_compound_parts = false)
  Empty,         // no letters
  TooShort,
  Url,
  Email,
  HasDigits,
  Abbreviation,
  NonLetter,  // other symbols inside the word ("e.g", "a/b", "snake_case")
};
const char* to_string(WordClass c);

struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

// The word without leading/trailing characters that are neither letters,
// digits nor combining marks.
ByteRange strip_punctuation(std::string_view word);

// Everything the rules decide about one word; offsets are into the word.
struct WordPlan {
  WordClass cls = WordClass::Empty;
  std::vector<size_t> soft_hyphens;  // offsets of the U+00AD characters to break at
  std::vector<size_t> hard_breaks;   // offsets just after breakable hard hyphens
  std::vector<ByteRange> parts;      // ranges to hyphenate with the dictionary
};
WordPlan plan_word(std::string_view word, const HyphenationRules& rules, HyphenMins mins);

inline WordClass classify_word(std::string_view word, const HyphenationRules& rules = {}) {
  return plan_word(word, rules, HyphenMins{}).cls;
}

// Letters (Unicode general category L) in a UTF-8 string.
size_t count_letters(std::string_view s);

// For the paragraph setter: offsets into `word` where a hyphen may be
// inserted (dictionary and soft-hyphen points, not hard hyphens: a line
// may already break after those without adding anything), using the
// cache's dictionary for `lang`; empty when there is none.
std::vector<size_t> hyphenation_points(const HyphenatorCache& cache, std::string_view lang,
                                       std::string_view word, int min_word_letters = 5);

}  // namespace emnpub::text
