#pragma once
// Sets one paragraph at a measure: the one thing the layout stage asks of the
// text stage. Logical text in, lines of positioned glyph runs (visual order)
// out. Pipeline: itemize (bidi, script, font fallback) → shape word pieces →
// boxes/glue/penalties with hyphenation → total-fit breaking → justify →
// reorder each line for display.
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/units.hpp"
#include "text/break_opportunities.hpp"
#include "text/glyph_run.hpp"
#include "text/itemizer.hpp"
#include "text/text_style.hpp"

namespace emnpub::text {

class FontRegistry;
class HyphenatorCache;
class ParagraphPrefetch;
class Shaper;

struct BreakTunables {
  int tolerance = 200;
  int pretolerance = 100;
  int line_penalty = 10;
  int hyphen_penalty = 50;
  int double_hyphen_demerits = 10000;
  int final_hyphen_demerits = 5000;
  int adj_demerits = 10000;
  int looseness = 0;
  Fixed emergency_stretch = 0;   // 0 = 1.5 em of the first span
  int min_word = 5;              // shortest word (letters) to hyphenate
  int min_last_line = 15;        // percent of the measure a last line should fill (BreakParams)
  int short_last_line_demerits = 10000;
};

struct ParagraphSpec {
  std::vector<TextSpan> spans;
  Align align = Align::Justify;
  BaseDir dir = BaseDir::Auto;
  Fixed width = 0;               // measure
  Fixed first_indent = 0;        // added before the first line's content
  bool balance = false;          // ragged lines of about equal length (text/balanced_breaks.hpp)
  // Lines after the first start where the first span ends on the first line
  // (a heading's number hangs: wrapped title lines align with the title).
  bool hang_first_span = false;
  BreakTunables tunables;
};

struct AnchorExtent {
  int anchor = -1;
  Fixed x0 = 0, x1 = 0;          // horizontal extent on the line
};

struct SetLine {
  Fixed width = 0;               // measure used for this line
  Fixed ascent = 0, descent = 0; // from the faces used (descent positive)
  std::vector<GlyphRun> runs;    // x relative to line start, y relative to baseline
  std::vector<AnchorExtent> anchors;
  bool hyphenated = false;
  size_t glyph_count = 0;        // glyphs in `runs` (kept when runs are not)
};

struct SetParagraph {
  std::vector<SetLine> lines;
  std::vector<MissingGlyph> missing;  // characters no font in the chain has
  bool rtl = false;                   // resolved paragraph direction
  bool overfull = false;
  long long demerits = 0;
};

// Heap bytes a set paragraph holds (near enough for a budget).
size_t set_paragraph_bytes(const SetParagraph& p);

class ParagraphSetter {
 public:
  ParagraphSetter(const FontRegistry& fonts, const HyphenatorCache& hyphenators, Shaper& shaper)
      : fonts_(fonts), hyph_(hyphenators), shaper_(shaper) {}

  // What the caller needs of a set paragraph: its lines' glyphs, or only
  // their metrics (a measuring pass): then the runs stay in the cache and
  // the lines come back without them.
  enum class Want { Glyphs, Metrics };
  SetParagraph set(const ParagraphSpec& spec, Want want = Want::Glyphs);

  // For a layout pass that is expected to be the last: a cached paragraph
  // is handed over (moved out of the cache) at its last use instead of
  // copied, and new ones of more than one line are not kept, so the
  // document's lines are not held twice. A further pass then sets
  // paragraphs afresh.
  void hand_over_cached(bool on) { hand_over_ = on; }

  size_t paragraph_cache_hits() const { return para_hits_; }

  // A pass that only finds which paragraphs a layout pass will ask for
  // (text/paragraph_prefetch.hpp): set() hands each spec to `recorder` and
  // returns one empty line at the measure, setting nothing. An empty
  // function ends it.
  void record_into(std::function<void(const ParagraphSpec&)> recorder) { record_ = std::move(recorder); }

  // Paragraphs a helper sets ahead: on a miss in this setter's cache, the
  // helper's result is taken (or waited for) before setting it here.
  // nullptr ends the sharing.
  void share(ParagraphPrefetch* prefetch) { prefetch_ = prefetch; }

  // Everything that shapes a paragraph, as a cache key.
  static std::string key_of(const ParagraphSpec& spec);
  // Sets a paragraph, bypassing (and not filling) the paragraph cache.
  SetParagraph set_fresh(const ParagraphSpec& spec) { return set_uncached(spec); }

  // Most bytes of set lines the paragraph cache keeps. A measuring pass
  // over a long document would otherwise keep every line of it; past the
  // budget, the full pass sets paragraphs again.
  void set_cache_budget(size_t bytes) { cache_budget_ = bytes; }

 private:
  const FontRegistry& fonts_;
  const HyphenatorCache& hyph_;
  Shaper& shaper_;
  // Hyphenation points per (language, word) for this document: a word
  // recurs often, and looking it up in the patterns costs more than shaping.
  std::unordered_map<std::string, std::vector<size_t>> hyphen_cache_;
  // Set paragraphs by a key of everything that shapes them: a layout pass
  // that changes a few cross-references re-sets only those paragraphs.
  struct Cached {
    SetParagraph paragraph;
    size_t bytes;  // counted against the budget when stored
    // Requests for it before the hand-over; handing over counts them down
    // and gives the lines away (no copy) at the last, so a paragraph that
    // recurs (a list marker, a repeated note) is not set again.
    size_t uses;
  };
  static constexpr size_t kKept = ~size_t{0};  // uses of one stored while handing over
  std::unordered_map<std::string, Cached> para_cache_;
  LineBreakIterators break_iterators_;
  size_t para_hits_ = 0;
  bool hand_over_ = false;
  size_t cache_bytes_ = 0;
  size_t cache_budget_ = size_t{48} << 20;
  std::function<void(const ParagraphSpec&)> record_;
  ParagraphPrefetch* prefetch_ = nullptr;

  SetParagraph set_uncached(const ParagraphSpec& spec);
};

}  // namespace emnpub::text
