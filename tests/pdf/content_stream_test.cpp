#include "pdf/content_stream.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace emnpub::pdf {
namespace {

TEST(ContentStream, GraphicsOperatorsAndRedundantStateIsSkipped) {
  ContentStream cs;
  cs.set_fill_color({0, 0, 0});  // already black: nothing written
  cs.set_fill_color({255, 204, 0});
  cs.set_fill_color({255, 204, 0});
  cs.set_stroke_color({0, 51, 153});
  cs.set_line_width(1);  // the initial width
  cs.set_line_width(0.5);
  cs.rect(10, 20.25, 100, 50.5);
  cs.fill_and_stroke();
  EXPECT_EQ(cs.data(), "1 0.8 0 rg\n0 0.2 0.6 RG\n0.5 w\n10 20.25 100 50.5 re\nB\n");
}

TEST(ContentStream, SaveRestoreRestoresTrackedState) {
  ContentStream cs;
  cs.save();
  cs.set_fill_color({255, 0, 0});
  cs.restore();
  cs.set_fill_color({255, 0, 0});  // black again after Q: must be written
  EXPECT_EQ(cs.data(), "q\n1 0 0 rg\nQ\n1 0 0 rg\n");
  EXPECT_THROW(cs.restore(), std::logic_error);
}

TEST(ContentStream, TextAndMarkedContent) {
  ContentStream cs;
  cs.begin_marked("Artifact");
  cs.begin_text();
  cs.set_font("F2", 9.5);
  cs.set_font("F2", 9.5);
  cs.move_text(72, 700.125);
  cs.set_rise(0);
  cs.set_rise(-1.25);
  cs.end_text();
  cs.end_marked();
  EXPECT_EQ(cs.data(), "/Artifact BMC\nBT\n/F2 9.5 Tf\n72 700.125 Td\n-1.25 Ts\nET\nEMC\n");
  EXPECT_THROW(cs.end_marked(), std::logic_error);
  EXPECT_THROW(cs.end_text(), std::logic_error);
}

TEST(ContentStream, ImagesAndDottedLines) {
  ContentStream cs;
  cs.draw_xobject("X1", 72, 600, 144, 72);
  cs.save();
  cs.set_dotted(1, 2);
  cs.move_to(0, 0);
  cs.line_to(100, 0);
  cs.stroke();
  cs.restore();
  EXPECT_EQ(cs.data(),
            "q\n144 0 0 72 72 600 cm\n/X1 Do\nQ\nq\n1 J [0 2] 0 d\n0 0 m\n100 0 l\nS\nQ\n");
}

}  // namespace
}  // namespace emnpub::pdf
