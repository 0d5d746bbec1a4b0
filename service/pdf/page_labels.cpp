#include "pdf/page_labels.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace emnpub::pdf {

namespace {

const char* style_name(layout::PageLabelRange::Style s) {
  using S = layout::PageLabelRange::Style;
  switch (s) {
    case S::Decimal:
      return "D";
    case S::LowerRoman:
      return "r";
    case S::UpperRoman:
      return "R";
    case S::LowerAlpha:
      return "a";
    case S::UpperAlpha:
      return "A";
    case S::None:
      return nullptr;
  }
  return nullptr;
}

}  // namespace

void write_page_labels(PdfObjects& objs, const std::vector<layout::PageLabelRange>& labels,
                       size_t page_count) {
  if (labels.empty()) return;
  std::vector<layout::PageLabelRange> ranges = labels;
  std::stable_sort(ranges.begin(), ranges.end(),
                   [](const auto& a, const auto& b) { return a.first_page < b.first_page; });
  for (size_t i = 0; i < ranges.size(); ++i) {
    const auto& r = ranges[i];
    if (r.first_page < 0 || static_cast<size_t>(r.first_page) >= page_count)
      throw std::runtime_error("PDF writer: page label range starts at page " +
                               std::to_string(r.first_page + 1) + " of a " +
                               std::to_string(page_count) + "-page document");
    if (i > 0 && ranges[i - 1].first_page == r.first_page)
      throw std::runtime_error("PDF writer: two page label ranges start at page " +
                               std::to_string(r.first_page + 1));
    if (r.start < 1)
      throw std::runtime_error("PDF writer: page label numbers must start at 1 or more");
  }
  // The number tree must cover page 0; pages before the first range count 1, 2, 3.
  if (ranges.front().first_page != 0) ranges.insert(ranges.begin(), layout::PageLabelRange{});

  Document& doc = objs.doc();
  HPDF_Dict tree = objs.new_direct_dict();
  HPDF_Array nums = objs.new_array();
  objs.add(tree, "Nums", nums);
  for (const auto& r : ranges) {
    objs.push(nums, HPDF_Number_New(objs.mmgr(), r.first_page));
    HPDF_Dict label = objs.new_direct_dict();
    objs.push(nums, label);
    if (const char* s = style_name(r.style)) objs.add_name(label, "S", s);
    if (r.start != 1) objs.add_number(label, "St", r.start);
    if (!r.prefix.empty()) objs.add(label, "P", objs.text_string(r.prefix));
  }
  objs.add(doc.get()->catalog, "PageLabels", tree);
}

}  // namespace emnpub::pdf
