#pragma once
// A loaded layout file (plus the brand file it builds on): page geometry,
// page furniture, line-breaking tunables and the style rules. Immutable once
// loaded and shared by every render; resolution is const and thread-safe.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/color.hpp"
#include "common/source_pos.hpp"
#include "common/units.hpp"
#include "style/computed_style.hpp"
#include "text/paragraph_setter.hpp"

namespace emnpub::style {

struct PageSpec {
  Fixed width = from_mm(210), height = from_mm(297);
  Fixed margin_top = from_mm(22), margin_bottom = from_mm(24);
  Fixed margin_inner = from_mm(22), margin_outer = from_mm(22);
  bool facing = false;               // inner/outer swap on left pages
  int columns = 1;
  Fixed column_gap = from_mm(8);
  Fixed bleed = 0;                   // printed beyond the trim edge (PDF BleedBox)
};

// A variant of the page master for some pages: the first body page, left-
// or right-hand pages of facing layouts, pages left blank before a chapter.
// Text is set at one measure, so a variant may move the text area but not
// change its width.
struct PageVariant {
  std::optional<Fixed> margin_top, margin_bottom, margin_inner, margin_outer;
  std::optional<bool> header, footer;
};

// Header or footer: three slots with templates such as "{page}",
// "{page} / {pages}", "{title}", "{section}", "{date}", "{series}".
struct Furniture {
  bool enabled = false;
  std::string left, center, right;
  std::string style_name;            // style rule element used for its text
  Fixed offset = from_mm(10);        // baseline distance from the body edge
  bool rule = false;                 // hairline between furniture and body
  bool skip_first = true;            // not on the first (cover/title) page
};

// The band's wording for the documents of one language (<masthead> in the
// brand or layout file); a field left unset keeps the <cover> attribute's.
struct Masthead {
  std::optional<std::string> wordmark, tagline, contact_point;
};

struct Cover {
  bool band = true;                  // brand colour band with the wordmark
  Fixed band_height = from_mm(38);
  Color band_color{0x00, 0x33, 0x99};
  Color accent{0xFF, 0xCC, 0x00};
  bool flag = true;                  // EU flag drawn from shapes
  bool own_page = false;             // reports: the title page stands alone
  std::string wordmark = "EMN";
  std::string tagline = "European Migration Network";
  std::string contact_point = "Belgian Contact Point";
  std::map<std::string, Masthead> mastheads;  // by language code ("fr", "fr-BE")

  struct Wording {
    std::string wordmark, tagline, contact_point;
  };
  // The band's text for a document in lang: the attributes above, changed
  // by the mastheads for lang's whole-subtag prefixes, shortest first
  // ("fr", then "fr-BE").
  Wording wording(std::string_view lang) const;
};

struct StyleRule {
  std::string element;               // document element name or a generated role
  std::optional<std::string> cls, type, lang;
  std::optional<int> level;
  int specificity = 0;
  size_t order = 0;
  std::vector<std::function<void(BlockStyle&)>> block_setters;
  std::vector<std::function<void(InlineStyle&)>> inline_setters;
};

struct Selector {
  std::string element;
  std::string cls, type, lang;
  int level = 0;
};

class Layout {
 public:
  std::string name;                  // inform, bulletin, report ...
  std::vector<std::string> files;    // layout file and brand file, for hashes
  PageSpec page;
  std::map<std::string, PageVariant> variants;  // "first", "left", "right", "blank"
  Furniture header, footer;
  Cover cover;
  text::BreakTunables breaking;
  int toc_levels = 0;                // table of contents down to this level; 0 = none
  std::map<std::string, Color> colors;
  std::map<std::string, std::string> font_roles;
  std::vector<StyleRule> rules;

  BlockStyle block(const Selector& s) const;
  InlineStyle inline_style(const Selector& s) const;
};

using LayoutRef = std::shared_ptr<const Layout>;

// Loads a layout file and the brand file it names (relative to it).
// Throws DocumentRefused with every located problem (DiagKind::Layout).
LayoutRef load_layout(const std::string& path);

}  // namespace emnpub::style
