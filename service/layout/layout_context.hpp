#pragma once
// State of one document's layout run: what the builders share. Owned by one
// render on one thread; the font registry and hyphenators it points to are
// shared and thread-safe.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "layout/image_store.hpp"
#include "layout/vertical_list.hpp"
#include "model/document.hpp"
#include "style/layout.hpp"
#include "text/paragraph_setter.hpp"
#include "text/shaper.hpp"

namespace emnpub::text {
class FontRegistry;
class HyphenatorCache;
}

namespace emnpub::layout {

struct Limits {
  int max_pages = 2000;
  size_t max_glyphs = 20'000'000;
  // Checked between paragraphs: a render past it stops with
  // DiagKind::Deadline. The default is "no deadline".
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  // A second thread sets paragraphs ahead of the measuring pass
  // (text/paragraph_prefetch.hpp). Off where every core already renders a
  // document of its own (a batch): it shortens a render but adds work (a
  // recording pass, and words shaped in both threads' caches: some 5-15%
  // more CPU time, measured on the samples).
  bool lookahead = true;
};

// Throws DocumentRefused (DiagKind::Deadline) once the deadline has passed.
void check_deadline(const Limits& limits, const std::string& source_name);

// What a <ref> can say about its target.
struct TargetInfo {
  enum class Kind { Section, Annex, Table, Figure, Other } kind = Kind::Other;
  std::string number;               // "2.3", "B", "4"
  std::string title;
  int page = -1;                    // 0-based page, from a previous pass
  std::string page_label;
};

// An inline anchor in set text: where a link or footnote mark landed.
struct AnchorDef {
  enum class Kind { Uri, Internal, Note } kind = Kind::Uri;
  std::string uri;
  std::string target;
  int note = -1;
};

// A table-of-contents entry, collected while the body is built.
struct TocEntry {
  int level = 1;
  std::string number;               // "2.3", "Annex B", "" when unnumbered
  std::string title;
  std::string id;                   // mark to look up the page (synthetic if the section has none)
  std::string lang;
  bool operator==(const TocEntry&) const = default;
};

struct LayoutContext {
  const model::Document& doc;
  const style::Layout& L;
  const text::FontRegistry& fonts;
  // Owned by the document's layouter and kept across layout passes, so a
  // second pass re-sets only paragraphs whose text changed.
  text::ParagraphSetter& setter;
  Diagnostics& diags;
  Limits limits;

  std::map<std::string, TargetInfo> targets;    // by element id
  std::vector<AnchorDef> anchors;
  std::vector<Footnote> footnotes;
  std::vector<std::vector<text::TextSpan>> pending_notes;  // bodies, set later
  int struct_ids = 0;
  size_t glyphs = 0;
  Fixed measure = 0;                            // column width
  Fixed full_measure = 0;                       // all columns and gaps (spanning blocks)
  bool measure_only = false;                    // a pass that only finds where things land: no glyphs kept
  Fixed max_figure_height = 0;                  // figures taller are scaled down
  const ImageStore* images = nullptr;
  std::map<std::vector<int>, int> section_counts;  // numbered siblings per parent
  std::vector<VItem> table_headers;             // header rows to repeat after a page break
  std::vector<TocEntry> toc;                    // headings for the table of contents
  int section_serial = 0;                       // for synthetic section ids

  LayoutContext(const model::Document& d, const style::Layout& l, const text::FontRegistry& f,
                text::ParagraphSetter& s, Diagnostics& dg)
      : doc(d), L(l), fonts(f), setter(s), diags(dg) {}

  int next_struct() { return ++struct_ids; }
};

// Section, annex, table and figure numbers for every element with an id,
// and the outline titles: computed once before layout.
void number_targets(LayoutContext& ctx);

// Section number text for a heading ("2.3", "A.1").
std::string section_number(const std::vector<int>& counters, bool annex);

}  // namespace emnpub::layout
