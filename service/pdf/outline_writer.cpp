#include "pdf/outline_writer.hpp"

#include <hpdf_outline.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "common/units.hpp"
#include "pdf/link_writer.hpp"

namespace emnpub::pdf {

void write_outline(PdfObjects& objs, const std::vector<HPDF_Page>& pages,
                   const std::vector<layout::OutlineEntry>& outline) {
  if (outline.empty()) return;
  Document& doc = objs.doc();
  // Open ancestors: (level, item). A level that skips (1 -> 3) nests under
  // the nearest shallower entry rather than failing.
  std::vector<std::pair<int, HPDF_Outline>> stack;
  for (size_t i = 0; i < outline.size(); ++i) {
    const layout::OutlineEntry& e = outline[i];
    if (e.page < 0 || static_cast<size_t>(e.page) >= pages.size())
      throw std::runtime_error("PDF writer: outline entry \"" + e.title + "\" points to page " +
                               std::to_string(e.page + 1) + " of a " +
                               std::to_string(pages.size()) + "-page document");
    while (!stack.empty() && stack.back().first >= e.level) stack.pop_back();
    HPDF_Outline parent = stack.empty() ? nullptr : stack.back().second;
    // Title set below as UTF-16BE; libharu's encoders cannot produce it.
    HPDF_Outline item = doc.check_ptr(HPDF_CreateOutline(doc.get(), parent, "", nullptr),
                                      "creating outline entry " + std::to_string(i + 1));
    objs.add(item, "Title", objs.utf16_string(e.title));
    // libharu labels items /Type /Outlines, which is only right for the root.
    doc.check(HPDF_Dict_RemoveElement(item, "Type"), "writing the outline");
    doc.check(
        HPDF_Outline_SetDestination(item, make_xyz_destination(objs, pages[e.page], to_pt(e.y))),
        "setting an outline destination");
    // Top-level entries show their children; deeper levels start closed.
    doc.check(HPDF_Outline_SetOpened(item, e.level <= 1 ? HPDF_TRUE : HPDF_FALSE),
              "writing the outline");
    stack.emplace_back(e.level, item);
  }
  doc.check(HPDF_SetPageMode(doc.get(), HPDF_PAGE_MODE_USE_OUTLINE), "showing the outline");
}

}  // namespace emnpub::pdf
