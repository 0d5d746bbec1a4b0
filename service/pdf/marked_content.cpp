#include "pdf/marked_content.hpp"

#include <stdexcept>
#include <string>

#include "pdf/unicode_text.hpp"

namespace emnpub::pdf {

void MarkedContent::begin_item(const layout::Tag& tag) {
  const bool artifact = tag.struct_id == 0;
  if (artifact) cs_.begin_marked("Artifact");
  item_opened_.push_back(artifact);
}

void MarkedContent::end_item() {
  if (item_opened_.empty()) throw std::logic_error("PDF writer: end_item without begin_item");
  if (item_opened_.back()) cs_.end_marked();
  item_opened_.pop_back();
}

void MarkedContent::begin_actual_text(std::u32string_view text) {
  std::string props = "<</ActualText <FEFF";
  props += utf16be_hex(text);
  props += ">>>";
  cs_.begin_marked("Span", props);
}

void MarkedContent::end_actual_text() { cs_.end_marked(); }

}  // namespace emnpub::pdf
