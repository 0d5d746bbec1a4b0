#pragma once
// Total-fit line breaking (Knuth & Plass, "Breaking paragraphs into lines",
// 1981), following TeX's line_break (tex.web §813-890): fitness classes with
// \adjdemerits, \doublehyphendemerits, \finalhyphendemerits, \looseness and
// the pretolerance / tolerance / \emergencystretch passes. Every decision is
// integer arithmetic (TeX's badness approximation of 100 r^3); the double
// adjustment ratio in the result is for output only, so the breaks are the
// same on every machine.
//
// One addition to TeX: a fourth, last-resort pass that always yields a
// result. It accepts every line that is not overfull (threshold = badness
// 10000, so an underfull line is preferred to an overfull one), and when
// every active break would make the line overfull — only possible when the
// material between two consecutive legal breaks is wider than the measure —
// it breaks from the latest active break, so the overfull line holds just
// that unbreakable run. TeX instead lets its final pass produce overfull
// boxes whenever the tolerance is too strict.
//
// Long unbreakable runs (a 5,000-character URL) are the caller's to split:
// give them one box per cluster and call add_emergency_breaks(), which puts
// a zero-width penalty between the boxes of any run wider than the measure.
// Cost: the active list only holds breaks from which the current line is
// not overfull, i.e. at most 4 fitness classes x (legal breaks that fit on
// one line) x (line-number classes: the LineMeasure's special first lines
// + 1 when looseness is 0), so the work is linear in the paragraph length
// for a given measure; a pass that finds no feasible break stops as soon as
// its active list empties.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "common/units.hpp"
#include "text/break_items.hpp"

namespace emnpub::text {

// TeX's fitness classes, loosest first; adjacent lines whose classes differ
// by more than one cost adj_demerits.
enum Fitness : int { kVeryLoose = 0, kLoose = 1, kDecent = 2, kTight = 3 };

constexpr int kInfBad = 10000;  // TeX's inf_bad: badness of an infinitely bad line

struct BreakParams {
  int tolerance = 200;                 // \tolerance: max badness, second and third pass
  int pretolerance = 100;              // \pretolerance; < 0 skips the first (hyphen-free) pass
  int line_penalty = 10;               // \linepenalty, added to every line's badness
  int double_hyphen_demerits = 10000;  // \doublehyphendemerits: two hyphenated lines in a row
  int final_hyphen_demerits = 5000;    // \finalhyphendemerits: hyphen on the penultimate line
  int adj_demerits = 10000;            // \adjdemerits: adjacent lines of incompatible fitness
  // \looseness: try for this many more (or fewer) lines. Not applied in the
  // last-resort pass, where tracking every line count would be quadratic.
  int looseness = 0;
  Fixed emergency_stretch = 0;  // \emergencystretch: > 0 enables the third pass
  // Not in TeX: a paragraph of two or more lines whose last line holds less
  // than min_last_line of content (a "runt": one short word alone on the
  // line) costs short_last_line_demerits more, so the breaker looks for a
  // setting that carries a word or two down. TeX users get near it with a
  // finite \parfillskip, which also makes every last line's badness count.
  Fixed min_last_line = 0;
  int short_last_line_demerits = 0;
  // Not read by the breakers (penalty values live in the items): the values
  // item builders should give flagged penalties, TeX's \hyphenpenalty and
  // \exhyphenpenalty, kept here so one struct configures a paragraph.
  int hyphen_penalty = 50;
  int ex_hyphen_penalty = 50;
};

// Widths of the lines of a paragraph: first[i] for the first lines (first-
// line indent, hanging indent, shaped paragraphs), rest for all later ones.
// Knowing where widths become uniform lets the breaker merge line-number
// classes as TeX does (easy_line), keeping the active list small.
struct LineMeasure {
  std::vector<Fixed> first;
  Fixed rest = 0;
  Fixed operator()(size_t line) const { return line < first.size() ? first[line] : rest; }
  static LineMeasure uniform(Fixed width) { return LineMeasure{{}, width}; }
  // The first line `width`, the rest narrower by `hang` (a hanging label).
  static LineMeasure hanging(Fixed width, Fixed hang) {
    return hang > 0 ? LineMeasure{{width}, width - hang} : uniform(width);
  }
};

struct LineBreak {
  size_t position = 0;  // index of the break item ending this line
  size_t start = 0;     // first item of the line (glue/penalties after a break are discarded)
  double ratio = 0;     // glue adjustment ratio (output only): > 0 stretch, < 0 shrink (>= -1)
  int fitness = kDecent;
  int badness = 0;          // as judged by the pass that chose the line (incl. emergency stretch)
  bool hyphenated = false;  // ends at a flagged penalty
  Fixed natural_width = 0;  // content width incl. the break penalty's width (the hyphen)
};

struct BreakResult {
  std::vector<LineBreak> breaks;  // one per line, in order
  long long total_demerits = 0;
  bool overfull = false;  // some line is wider than its measure even fully shrunk
  int pass = 1;           // 1 pretolerance, 2 tolerance, 3 emergency stretch, 4 last resort
};

// TeX's badness(t, s) (tex.web §108): about 100 (t/s)^3, 0..10000.
int badness(Fixed t, Fixed s);

// items must end with a forced break (append_paragraph_end), else
// std::invalid_argument; no items give no lines. Line i (0-based) is
// measure(i) wide. Always returns a result (see the last-resort pass).
BreakResult knuth_plass(const std::vector<BreakItem>& items, const LineMeasure& measure,
                        const BreakParams& p);
// Arbitrary widths: line_width is called once per possible line (at most
// one per legal break) and turned into the equivalent LineMeasure.
BreakResult knuth_plass(const std::vector<BreakItem>& items,
                        const std::function<Fixed(size_t)>& line_width, const BreakParams& p);
LineMeasure sample_measure(const std::vector<BreakItem>& items,
                           const std::function<Fixed(size_t)>& line_width);

// Splits unbreakable material that cannot fit: in every run of adjacent boxes
// wider than max_width (the narrowest measure), inserts an unflagged penalty
// of width 0 between consecutive boxes, so the breakers may cut the run
// there (no hyphen is drawn: URLs, long identifiers). Narrower runs are left
// alone, so ordinary words are never cut this way.
void add_emergency_breaks(std::vector<BreakItem>& items, Fixed max_width, int penalty = 5000);

// Shared by knuth_plass and first_fit so that their demerits compare.
namespace detail {

struct Totals {
  Fixed width = 0;
  Fixed stretch[kStretchOrders] = {};
  Fixed shrink = 0;
};

// Prefix sums of box and glue dimensions (penalties count only when broken
// at), so any line's totals cost O(1). Keeps a reference to items.
class ParagraphSums {
 public:
  explicit ParagraphSums(const std::vector<BreakItem>& items);
  // Totals of the line from item start up to the break item brk (excluded),
  // plus brk's width when it is a penalty. Empty when start >= brk.
  Totals line(size_t start, size_t brk) const;
  // First item of the line after a break at brk: TeX discards the glue and
  // penalties that follow a break, up to the next box.
  size_t next_start(size_t brk) const { return next_box_[brk + 1]; }

 private:
  const std::vector<BreakItem>& items_;
  std::vector<Totals> prefix_;    // prefix_[i]: sums over items [0, i)
  std::vector<size_t> next_box_;  // next_box_[i]: first box at index >= i, or size
};

struct LineFit {
  int badness = 0;  // kInfBad + 1 when overfull
  int fitness = kDecent;
};
// TeX §851-853; extra_stretch is the emergency stretch of the third pass.
LineFit fit_line(const Totals& t, Fixed measure, Fixed extra_stretch);

// TeX §859. penalty is the break's penalty (forced breaks add nothing);
// final_break is the paragraph's last break, where a hyphenated previous
// line costs final_hyphen_demerits.
long long line_demerits(const BreakParams& p, int badness, int penalty, bool hyphenated,
                        bool prev_hyphenated, bool final_break, int fitness, int prev_fitness);

// Legal breakpoint test shared by both breakers: glue right after a box, or
// a penalty below kInfPenalty (flagged non-explicit ones only when
// dictionary_hyphens).
bool is_legal_break(const std::vector<BreakItem>& items, size_t i, bool dictionary_hyphens);

// Fills the output fields of one line.
LineBreak describe_line(const std::vector<BreakItem>& items, const ParagraphSums& sums,
                        size_t start, size_t brk, Fixed measure, Fixed extra_stretch);

}  // namespace detail
}  // namespace emnpub::text
