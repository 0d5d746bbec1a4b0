#pragma once
// Breaks a vertical list into pages. Each page is filled band by band: a
// band of columns (one on single-column layouts), or a band of items that
// span every column (wide tables on two-column bulletins). Column filling is
// greedy with backtracking to the last legal breakpoint, as TeX's page
// builder: a break may fall at glue that follows a box, or at a penalty below
// kInf; -kInf forces one. Columns are balanced where their content ends on a
// page (end of the flow, a forced break, a wide band below them).
//
// Footnotes go to the bottom of the column holding their reference line; a
// note too long for the space left starts there and continues on the next
// column under a "continued" label, so it is never separated from its
// reference.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "layout/vertical_list.hpp"

namespace emnpub::layout {

struct Frame {
  Fixed x = 0, top = 0;           // from the page's left and top edges
  Fixed width = 0, height = 0;
};

struct PlacedMark {
  std::string id;
  int page = 0;
  Fixed y = 0;                    // from the page top
};

struct PlacedOutline {
  OutlineMark mark;
  int page = 0;
  Fixed y = 0;
};

struct BuiltPage {
  Drawing drawing;                // y down from the page top
  std::string running_title;      // chapter in force on this page
  bool chapter_starts = false;
  bool blank = false;             // left empty so a chapter opens on a recto
};

struct PageBuildResult {
  std::vector<BuiltPage> pages;   // empty when a sink took them
  int page_count = 0;
  std::vector<PlacedMark> marks;
  std::vector<PlacedOutline> outline;
};

struct PageBuilderConfig {
  std::function<std::vector<Frame>(int page)> frames;
  // Whether page `page` is a right-hand page (facing layouts); null = all are.
  std::function<bool(int page)> is_recto;
  std::vector<Footnote>* footnotes = nullptr;  // drawings are moved out as notes are placed
  const std::vector<VItem>* table_headers = nullptr;
  Fixed footnote_gap = 0;         // space between body text and the separator
  Fixed footnote_sep_width = 0;   // separator rule length
  Color footnote_sep_color;
  // Set above the continued part of a split footnote; asked for only when
  // a note continues (it may return null: no label).
  std::function<const VItem*()> continued_label;
  Fixed band_gap = 0;             // space between a band of columns and a wide band
  int max_pages = 2000;
};

// Builds pages from a vertical list fed in parts, so a document's lines need
// not all exist at once: a page is built as soon as enough of the list
// follows it that nothing still to come can change it (three pages' worth
// of content and a legal break after that), and handed to the sink, if
// any, right away. Items already placed are freed. Footnotes an item
// references must be in cfg.footnotes before the item is fed. The pages
// are the same as one build_pages() over the whole list.
class PageBuilder {
 public:
  // Receives each finished page and its index; without a sink, pages are
  // collected in the result.
  using Sink = std::function<void(BuiltPage&&, int page)>;

  PageBuilder(const PageBuilderConfig& cfg, std::string source_name, Sink sink = nullptr);
  ~PageBuilder();
  PageBuilder(const PageBuilder&) = delete;
  PageBuilder& operator=(const PageBuilder&) = delete;

  void feed(std::vector<VItem>&& more);
  // Builds the rest. Throws DocumentRefused (DiagKind::Limit) past max_pages.
  PageBuildResult finish();

 private:
  struct State;
  std::unique_ptr<State> st_;
  void run(bool final);
};

// The whole list at once. Throws DocumentRefused (DiagKind::Limit) past max_pages.
PageBuildResult build_pages(std::vector<VItem>&& items, const PageBuilderConfig& cfg,
                            const std::string& source_name);

}  // namespace emnpub::layout
