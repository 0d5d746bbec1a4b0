// How many full layout passes a document takes. A page number set into a
// reference can make its paragraph a line longer or shorter, which moves
// what follows within its page: that alone needs no further pass, since
// links are placed where the last pass put their targets. inform-de is such
// a document ("(Abschnitt 5 auf Seite 3)"): it took two full passes.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace emnpub::test {
namespace {

TEST(LayoutPasses, TargetsThatOnlyMoveWithinTheirPageNeedNoFurtherPass) {
  for (const char* name : {"inform-de.xml", "inform-en.xml", "report-en.xml"}) {
    const RenderResult r = engine().render(sample(name), {});
    EXPECT_EQ(r.layout_passes, 1) << name;
  }
}

}  // namespace
}  // namespace emnpub::test
