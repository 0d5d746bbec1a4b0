// PageBuilder: a vertical list fed in parts gives the same pages as the
// whole list at once, and pages leave before the list ends.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/page_builder.hpp"

namespace emnpub::layout {
namespace {

// A box that draws one rect; the rect's width names the box.
VItem box(int id, Fixed h, std::vector<int> notes = {}) {
  VItem it;
  it.height = h;
  Rect r;
  r.w = id;
  r.h = h;
  it.drawing.rects.push_back(r);
  it.footnotes = std::move(notes);
  return it;
}
VItem glue(Fixed h) {
  VItem it;
  it.kind = VItem::Kind::Glue;
  it.height = h;
  return it;
}
VItem penalty(int p) {
  VItem it;
  it.kind = VItem::Kind::Penalty;
  it.penalty = p;
  return it;
}

// Paragraphs of 1 to 9 lines (widow/orphan ties), footnotes, headings kept
// with what follows, and a forced break now and then: ~25 pages.
std::vector<VItem> document(std::vector<Footnote>& notes) {
  std::vector<VItem> items;
  int id = 1;
  unsigned seed = 7;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  for (int para = 0; para < 160; ++para) {
    if (para % 40 == 39) items.push_back(penalty(-kInf));
    if (para % 9 == 0) {
      items.push_back(box(id++, 18 * kPt));  // a heading
      items.push_back(penalty(kInf));
    }
    const int lines = 1 + static_cast<int>(next() % 9);
    for (int l = 0; l < lines; ++l) {
      if (l > 0) items.push_back(penalty(l < 2 || lines - l < 2 ? kInf : 0));
      std::vector<int> refs;
      if (next() % 13 == 0) {
        Footnote fn;
        const int n = 1 + static_cast<int>(next() % 8);
        for (int k = 0; k < n; ++k) {
          if (k > 0) fn.lines.push_back(penalty(0));
          fn.lines.push_back(box(100000 + static_cast<int>(notes.size()) * 100 + k, 9 * kPt));
          fn.height += 9 * kPt;
        }
        refs.push_back(static_cast<int>(notes.size()));
        notes.push_back(std::move(fn));
      }
      items.push_back(box(id++, 12 * kPt, refs));
    }
    items.push_back(glue(6 * kPt));
  }
  return items;
}

PageBuilderConfig config(int columns, std::vector<Footnote>* notes) {
  PageBuilderConfig cfg;
  cfg.frames = [columns](int) {
    std::vector<Frame> f;
    const Fixed w = (480 * kPt - (columns - 1) * 12 * kPt) / columns;
    for (int c = 0; c < columns; ++c) f.push_back({60 * kPt + c * (w + 12 * kPt), 60 * kPt, w, 700 * kPt});
    return f;
  };
  cfg.footnotes = notes;
  cfg.footnote_gap = 8 * kPt;
  cfg.footnote_sep_width = 100 * kPt;
  return cfg;
}

// Each page as text: every rect's id and position.
std::string trace(const BuiltPage& p) {
  std::string s;
  for (const Rect& r : p.drawing.rects)
    s += std::to_string(r.w) + "@" + std::to_string(r.x) + "," + std::to_string(r.y) + " ";
  return s;
}

// Whether the page draws the box whose rect is named `rect_id`.
bool has(const BuiltPage& p, int rect_id) {
  for (const Rect& x : p.drawing.rects)
    if (x.w == rect_id) return true;
  return false;
}

TEST(PageBuilder, PartsGiveThePagesOfTheWhole) {
  for (int columns : {1, 2}) {
    std::vector<Footnote> notes_whole, notes_parts;
    std::vector<VItem> whole = document(notes_whole);
    std::vector<VItem> parts = document(notes_parts);
    const PageBuildResult expected = build_pages(std::move(whole), config(columns, &notes_whole), "t.xml");
    ASSERT_GT(expected.pages.size(), 10u);

    std::vector<std::string> got;
    int sent_before_end = 0;
    bool ended = false;
    PageBuilder b(config(columns, &notes_parts), "t.xml", [&](BuiltPage&& p, int index) {
      EXPECT_EQ(index, static_cast<int>(got.size()));
      got.push_back(trace(p));
      if (!ended) ++sent_before_end;
    });
    // One item at a time: the hardest way to feed it.
    for (auto& it : parts) {
      std::vector<VItem> one;
      one.push_back(std::move(it));
      b.feed(std::move(one));
    }
    ended = true;
    const PageBuildResult r = b.finish();
    EXPECT_TRUE(r.pages.empty());
    EXPECT_EQ(r.page_count, static_cast<int>(expected.pages.size()));
    ASSERT_EQ(got.size(), expected.pages.size()) << columns << " columns";
    for (size_t p = 0; p < got.size(); ++p) EXPECT_EQ(got[p], trace(expected.pages[p])) << "page " << p + 1;
    // Streaming: all but the last few pages (three pages of look-ahead, the
    // page being filled) left while the list was fed.
    EXPECT_GE(sent_before_end, static_cast<int>(got.size()) - 6) << columns << " columns";
  }
}

// Page 1 is full up to a heading and the space under it; the space does not
// fit. That space follows the heading's keep-with-next penalty, so it is no
// place to end a page: the heading must go to page 2 with its text (the
// page used to end at the space, leaving the heading alone at the bottom).
TEST(PageBuilder, HeadingKeepsWithItsTextWhenTheSpaceUnderItDoesNotFit) {
  std::vector<VItem> items;
  int id = 1;
  // 56 lines of 12 pt: 672 pt of the 700 pt page, breakable between lines.
  for (int l = 0; l < 56; ++l) {
    if (l > 0) items.push_back(penalty(0));
    items.push_back(box(id++, 12 * kPt));
  }
  items.push_back(glue(6 * kPt));          // space above the heading: a legal break
  items.push_back(box(900, 14 * kPt));     // the heading: 692 pt
  items.push_back(penalty(kInf));          // keep with next
  items.push_back(glue(10 * kPt));         // space under the heading: 702 pt, too much
  items.push_back(penalty(kInf));
  for (int l = 0; l < 4; ++l) {
    if (l > 0) items.push_back(penalty(l < 2 || 4 - l < 2 ? kInf : 0));
    items.push_back(box(1000 + l, 12 * kPt));
  }
  const PageBuildResult r = build_pages(std::move(items), config(1, nullptr), "t.xml");
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_FALSE(has(r.pages[0], 900)) << trace(r.pages[0]);
  EXPECT_TRUE(has(r.pages[1], 900)) << trace(r.pages[1]);
  EXPECT_TRUE(has(r.pages[1], 1000));
  EXPECT_TRUE(has(r.pages[0], 56));
}

// A note too long for the room under its reference is split. Its lines
// carry their paragraph's penalties, and the line that fits last ends in a
// hyphen (no break after it): the note is split one line earlier, so the
// continued part does not start with the second half of a word. Where only
// hyphenated split points fit, it still splits, rather than move the
// reference and leave the column short by the whole note.
TEST(PageBuilder, NoteSplitsAfterAHyphenatedLineOnlyWhenNothingElseFits) {
  for (const int hyphenated_after : {6, 5}) {
    std::vector<VItem> items;
    for (int l = 0; l < 80; ++l) {
      if (l > 0) items.push_back(penalty(0));
      // Line 53 ends 636 pt down: 56 pt of the 700 pt page remain, room
      // for the gap (8 pt) and six note lines of 9 pt.
      items.push_back(box(l + 1, 12 * kPt, l == 52 ? std::vector<int>{0} : std::vector<int>{}));
    }
    std::vector<Footnote> notes(1);
    Footnote& fn = notes[0];
    const int n = 10;
    for (int k = 0; k < n; ++k) {
      // As BlockBuilder sets them: no orphan, no widow, no break after a
      // hyphenated line (here: after line 6, or lines 5 and 6 both).
      if (k > 0) {
        const bool hyphen = k == hyphenated_after || (hyphenated_after == 5 && k == 6);
        fn.lines.push_back(penalty(k < 2 || n - k < 2 || hyphen ? kInf : 0));
      }
      fn.lines.push_back(box(2001 + k, 9 * kPt));
      fn.height += 9 * kPt;
    }
    const PageBuildResult r = build_pages(std::move(items), config(1, &notes), "t.xml");
    ASSERT_GE(r.pages.size(), 2u);
    auto note_lines_on = [](const BuiltPage& p) {
      std::vector<int> ids;
      for (const Rect& x : p.drawing.rects)
        if (x.w > 2000 && x.w <= 2010) ids.push_back(static_cast<int>(x.w) - 2000);
      return ids;
    };
    EXPECT_TRUE(has(r.pages[0], 53)) << "the reference stays on page 1: " << trace(r.pages[0]);
    const std::vector<int> first = note_lines_on(r.pages[0]);
    const std::vector<int> rest = note_lines_on(r.pages[1]);
    if (hyphenated_after == 6) {
      // Six lines fit, but line 6 is hyphenated: five here, five on.
      EXPECT_EQ(first, (std::vector<int>{1, 2, 3, 4, 5})) << trace(r.pages[0]);
      EXPECT_EQ(rest, (std::vector<int>{6, 7, 8, 9, 10})) << trace(r.pages[1]);
    } else {
      // Lines 5 and 6 are both hyphenated: the clean point after line 4
      // fits and is taken.
      EXPECT_EQ(first, (std::vector<int>{1, 2, 3, 4})) << trace(r.pages[0]);
      EXPECT_EQ(rest.front(), 5) << trace(r.pages[1]);
    }
  }
}

TEST(PageBuilder, NoteStillSplitsWhereEveryPointThatFitsIsHyphenated) {
  std::vector<VItem> items;
  for (int l = 0; l < 80; ++l) {
    if (l > 0) items.push_back(penalty(0));
    // Line 57 ends 684 pt down: no room for a note line below it. Line 56
    // (672 pt) leaves room for the gap and two note lines (26 pt).
    items.push_back(box(l + 1, 12 * kPt, l == 55 ? std::vector<int>{0} : std::vector<int>{}));
  }
  std::vector<Footnote> notes(1);
  const int n = 4;
  for (int k = 0; k < n; ++k) {
    // Orphan and widow rules leave one split point, after line 2, and line
    // 2 ends in a hyphen.
    if (k > 0) notes[0].lines.push_back(penalty(kInf));
    notes[0].lines.push_back(box(2001 + k, 9 * kPt));
    notes[0].height += 9 * kPt;
  }
  const PageBuildResult r = build_pages(std::move(items), config(1, &notes), "t.xml");
  ASSERT_GE(r.pages.size(), 2u);
  EXPECT_TRUE(has(r.pages[0], 56)) << trace(r.pages[0]);
  EXPECT_TRUE(has(r.pages[0], 2002)) << trace(r.pages[0]);
  EXPECT_TRUE(has(r.pages[1], 2003)) << trace(r.pages[1]);
}

}  // namespace
}  // namespace emnpub::layout

namespace emnpub::layout {
namespace {

// `paras` 5-line paragraphs with `gap` between them (ten with 8 pt: 672 pt
// of the 700 pt page); then one of `tail` lines (too short to split) ends
// a chapter (a forced break, or the list's end), and a chapter of three
// lines follows. The tail paragraph's lines are boxes 500, 501...
std::vector<VItem> chapter_ending(int tail, bool forced = true, Fixed gap = 8 * kPt, bool note = false,
                                  int paras = 10) {
  std::vector<VItem> items;
  int id = 1;
  for (int p = 0; p < paras; ++p) {
    if (p > 0) items.push_back(glue(gap));
    for (int l = 0; l < 5; ++l) {
      if (l > 0) items.push_back(penalty(l < 2 || 5 - l < 2 ? kInf : 0));
      items.push_back(box(id++, 12 * kPt));
    }
  }
  items.push_back(glue(gap));
  for (int l = 0; l < tail; ++l) {
    if (l > 0) items.push_back(penalty(kInf));
    items.push_back(box(500 + l, 12 * kPt, note && l == 0 ? std::vector<int>{0} : std::vector<int>{}));
  }
  if (!forced) return items;
  items.push_back(penalty(-kInf));
  for (int l = 0; l < 3; ++l) items.push_back(box(900 + l, 12 * kPt));
  return items;
}

Fixed y_of(const BuiltPage& p, int rect_id) {
  for (const Rect& r : p.drawing.rects)
    if (r.w == rect_id) return r.y;
  return -1;
}

// A chapter's last lines are not left alone on a page of their own: they
// join the page before, whose spaces between blocks give way for them (in
// proportion, each by at most half), and the page still ends in its frame.
TEST(PageBuilder, AChaptersLastLinesJoinThePageBeforeItsSpacesGiveWay) {
  for (bool forced : {true, false}) {
    const PageBuildResult r = build_pages(chapter_ending(3, forced), config(1, nullptr), "t.xml");
    ASSERT_EQ(r.pages.size(), forced ? 2u : 1u) << trace(r.pages.back());
    EXPECT_TRUE(has(r.pages[0], 502)) << trace(r.pages[0]);
    // 672 + 8 + 36 = 716 pt: 16 pt come from the ten spaces (80 pt), 1.6 pt each.
    EXPECT_EQ(y_of(r.pages[0], 1), 60 * kPt);
    EXPECT_EQ(y_of(r.pages[0], 6), 60 * kPt + 60 * kPt + 8 * kPt - 16 * kPt / 10);
    EXPECT_EQ(y_of(r.pages[0], 502) + 12 * kPt, 760 * kPt);  // the frame's bottom, exactly
    if (forced) {
      EXPECT_TRUE(has(r.pages[1], 900));
    }
  }
}

TEST(PageBuilder, OnlyAFewLastLinesAndOnlyWithinWhatTheSpacesGive) {
  // Four lines: a page of their own, as before.
  PageBuildResult r = build_pages(chapter_ending(4), config(1, nullptr), "t.xml");
  ASSERT_EQ(r.pages.size(), 3u);
  EXPECT_FALSE(has(r.pages[0], 500));
  EXPECT_EQ(y_of(r.pages[0], 6), 60 * kPt + 60 * kPt + 8 * kPt);  // spaces untouched
  // Eleven paragraphs with 2 pt between them: 680 pt, and the tail needs
  // 18 pt more than the page has; the spaces (22 pt) give at most 11.
  r = build_pages(chapter_ending(3, true, 2 * kPt, false, 11), config(1, nullptr), "t.xml");
  EXPECT_FALSE(has(r.pages[0], 500)) << trace(r.pages[0]);
  // A line with a footnote is not squeezed in (its note needs room too).
  std::vector<Footnote> notes(1);
  notes[0].lines.push_back(box(100000, 9 * kPt));
  notes[0].height = 9 * kPt;
  r = build_pages(chapter_ending(3, true, 8 * kPt, true), config(1, &notes), "t.xml");
  EXPECT_FALSE(has(r.pages[0], 500)) << trace(r.pages[0]);
}

}  // namespace
}  // namespace emnpub::layout
