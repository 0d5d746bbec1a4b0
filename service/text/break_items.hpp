#pragma once
// The box/glue/penalty item list of Knuth & Plass (1981), the input of both
// line breakers (knuth_plass.hpp, first_fit.hpp). Lengths are Fixed (sp) so
// every break decision is integer arithmetic and identical on all machines.
//
// Building a paragraph (done by the caller, as in TeX):
//   - a word (or glyph cluster run) is a Box; the line breaker never looks
//     inside it;
//   - an inter-word space is Glue(width, stretch, shrink); it is a legal
//     break only when the item before it is a Box;
//   - a hyphenation point is a flagged Penalty whose width is the hyphen's;
//     a hard or soft hyphen written by the author is a flagged Penalty with
//     explicit_hyphen = true (usable already in the first, hyphen-free pass);
//   - the paragraph ends with append_paragraph_end() (TeX's \parfillskip).
// Ragged layouts are item patterns too, not breaker modes: ragged-right puts
// the stretch into a glue that only survives at a line end (see
// append_ragged_space), exactly as TeX's \rightskip does.
#include <cstdint>
#include <vector>

#include "common/units.hpp"

namespace emnpub::text {

enum class ItemType : uint8_t { Box, Glue, Penalty };

// TeX's \penalty10000: "never break here"; -kInfPenalty forces a break.
constexpr int kInfPenalty = 10000;

// Glue stretch orders (TeX's normal, fil, fill, filll). Any positive stretch
// of a higher order absorbs all the shortfall of a line, so such a line has
// badness 0 (the last line of a paragraph).
constexpr int kStretchOrders = 4;

struct BreakItem {
  ItemType type = ItemType::Box;
  Fixed width = 0;       // box/glue: natural width; penalty: width added if the line breaks here
  Fixed stretch = 0;     // glue only; may be negative (ragged-right patterns)
  Fixed shrink = 0;      // glue only; finite (TeX forbids infinite shrink in paragraphs)
  int penalty = 0;       // penalty only; >= kInfPenalty never breaks, <= -kInfPenalty forces
  bool flagged = false;  // penalty: a hyphenated break (double/final hyphen demerits)
  // Flagged penalty written by the author (hard or soft hyphen): usable in the
  // pretolerance pass, which otherwise skips flagged (dictionary) penalties.
  bool explicit_hyphen = false;
  uint8_t stretch_order = 0;  // glue: 0 finite, 1 fil, 2 fill, 3 filll
  uint32_t source = 0;        // caller's index, opaque to the breakers

  static constexpr BreakItem make_box(Fixed w, uint32_t src = 0) {
    BreakItem it;
    it.type = ItemType::Box;
    it.width = w;
    it.source = src;
    return it;
  }
  static constexpr BreakItem make_glue(Fixed w, Fixed stretch, Fixed shrink, uint32_t src = 0,
                                       uint8_t order = 0) {
    BreakItem it;
    it.type = ItemType::Glue;
    it.width = w;
    it.stretch = stretch;
    it.shrink = shrink;
    it.stretch_order = order;
    it.source = src;
    return it;
  }
  static constexpr BreakItem make_penalty(Fixed w, int p, bool flagged = false, uint32_t src = 0,
                                          bool explicit_hyphen = false) {
    BreakItem it;
    it.type = ItemType::Penalty;
    it.width = w;
    it.penalty = p;
    it.flagged = flagged;
    it.explicit_hyphen = explicit_hyphen;
    it.source = src;
    return it;
  }

  bool is_forced_break() const { return type == ItemType::Penalty && penalty <= -kInfPenalty; }
};

// Appends TeX's paragraph end: drops one trailing glue (a space before the
// end would only make the last line look shorter), then penalty(+inf) so
// the fill glue cannot become a break, glue(0, 1fil), penalty(-inf).
inline void append_paragraph_end(std::vector<BreakItem>& items, uint32_t src = 0) {
  if (!items.empty() && items.back().type == ItemType::Glue) items.pop_back();
  items.push_back(BreakItem::make_penalty(0, kInfPenalty, false, src));
  items.push_back(BreakItem::make_glue(0, kPt, 0, src, 1));
  items.push_back(BreakItem::make_penalty(0, -kInfPenalty, false, src));
}

// Appends a ragged-right inter-word space (Knuth & Plass 1981, §"ragged
// right"): glue(0, +r) is where a line may end (it plays \rightskip), the
// penalty(0) is the break, and glue(space, -r) starts the next line and is
// discarded after a break. Unbroken, the two stretches cancel, so spaces keep
// their natural width; broken, the line end has stretch r. The leading
// penalty(+inf) stops the +r glue itself from being a break.
inline void append_ragged_space(std::vector<BreakItem>& items, Fixed space, Fixed ragged_stretch,
                                uint32_t src = 0) {
  items.push_back(BreakItem::make_penalty(0, kInfPenalty, false, src));
  items.push_back(BreakItem::make_glue(0, ragged_stretch, 0, src));
  items.push_back(BreakItem::make_penalty(0, 0, false, src));
  items.push_back(BreakItem::make_glue(space, -ragged_stretch, 0, src));
}

}  // namespace emnpub::text
