#pragma once
// Marked content around drawn items. Every layout item carries a
// layout::Tag; today artifacts (struct_id 0: page furniture) are marked
// /Artifact and structure content is left unmarked. A tagged-PDF writer
// replaces the non-artifact branch of begin_item with
// "/<role> <</MCID n>> BDC" and records n in the parent tree — callers
// already bracket every item with begin_item/end_item.
#include <string_view>
#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/content_stream.hpp"

namespace emnpub::pdf {

class MarkedContent {
 public:
  explicit MarkedContent(ContentStream& cs) : cs_(cs) {}

  void begin_item(const layout::Tag& tag);
  void end_item();

  // /Span <</ActualText <FEFF...>>> BDC: the text copy/paste must give for
  // glyphs whose ToUnicode entries cannot say it. Valid inside BT/ET.
  void begin_actual_text(std::u32string_view text);
  void end_actual_text();

 private:
  ContentStream& cs_;
  std::vector<bool> item_opened_;  // per open item: did begin_item emit BMC/BDC
};

}  // namespace emnpub::pdf
