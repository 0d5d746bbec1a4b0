// Rectangles, polygons, lines and images, checked on pixels: the page is
// rendered by poppler to PPM (trivial to read) at 72 dpi, so one pixel is
// one point and row = page height - y.
#include <gtest/gtest.h>

#include <array>
#include <fstream>

#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

namespace emnpub::pdf {
namespace {

using namespace test;

struct Image {
  int w = 0, h = 0;
  std::vector<uint8_t> rgb;
  std::array<int, 3> at(double x_pt, double y_pt) const {
    const int x = static_cast<int>(x_pt), y = h - 1 - static_cast<int>(y_pt);
    const size_t i = (static_cast<size_t>(y) * w + x) * 3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
};

Image render(const std::string& pdf, const TempDir& dir) {
  const std::string base = dir.file("r");
  EXPECT_EQ(run("pdftoppm -r 72 -singlefile '" + pdf + "' '" + base + "'").status, 0);
  std::ifstream in(base + ".ppm", std::ios::binary);
  std::string magic;
  int maxval = 0;
  Image img;
  in >> magic >> img.w >> img.h >> maxval;
  in.get();
  img.rgb.resize(static_cast<size_t>(img.w) * img.h * 3);
  in.read(reinterpret_cast<char*>(img.rgb.data()), static_cast<std::streamsize>(img.rgb.size()));
  EXPECT_EQ(magic, "P6");
  return img;
}

void expect_color(const std::array<int, 3>& got, std::array<int, 3> want, const char* what) {
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(got[c], want[c], 8) << what << " channel " << c;
}

TEST(Graphics, ShapesLinesAndImagesLandWhereLayoutPutThem) {
  TempDir dir;
  layout::PagedDocument doc;
  layout::Page page;
  page.width = from_pt(600);
  page.height = from_pt(800);
  layout::Rect filled;
  filled.x = from_pt(100);
  filled.y = from_pt(600);
  filled.w = filled.h = from_pt(100);
  filled.fill_color = {200, 30, 30};
  page.rects.push_back(filled);
  layout::Rect outlined = filled;
  outlined.x = from_pt(300);
  outlined.fill = false;
  outlined.stroke = true;
  outlined.stroke_color = {0, 0, 255};
  outlined.line_width = from_pt(6);
  page.rects.push_back(outlined);
  layout::Polygon triangle;
  triangle.fill_color = {0, 160, 0};
  triangle.points = {
      {from_pt(100), from_pt(400)}, {from_pt(200), from_pt(400)}, {from_pt(150), from_pt(500)}};
  page.polygons.push_back(triangle);
  layout::Line solid;
  solid.x1 = from_pt(50);
  solid.x2 = from_pt(550);
  solid.y1 = solid.y2 = from_pt(300);
  solid.width = from_pt(4);
  page.lines.push_back(solid);
  layout::Line dotted = solid;
  dotted.y1 = dotted.y2 = from_pt(250);
  dotted.dotted = true;
  dotted.color = {255, 0, 0};
  page.lines.push_back(dotted);
  layout::Image picture;
  picture.data = make_png(10, 10, 255);
  picture.x = from_pt(400);
  picture.y = from_pt(400);
  picture.w = picture.h = from_pt(100);
  page.images.push_back(picture);
  doc.pages.push_back(page);

  const std::string path = dir.write("g.pdf", write_pdf(doc));
  ASSERT_EQ(run("qpdf --check '" + path + "'").status, 0);
  const Image img = render(path, dir);
  ASSERT_EQ(img.w, 600);
  ASSERT_EQ(img.h, 800);
  expect_color(img.at(150, 650), {200, 30, 30}, "filled rect");
  expect_color(img.at(300.5, 650), {0, 0, 255}, "stroke of outlined rect");
  expect_color(img.at(350, 650), {255, 255, 255}, "inside outlined rect");
  expect_color(img.at(150, 430), {0, 160, 0}, "triangle");
  expect_color(img.at(110, 480), {255, 255, 255}, "outside triangle");
  expect_color(img.at(300, 300), {0, 0, 0}, "solid line");
  // Dotted: red dots with white gaps between them along the line.
  int dots = 0;
  bool in_dot = false;
  for (int x = 50; x < 550; ++x) {
    const bool red = img.at(x, 250)[0] > 200 && img.at(x, 250)[1] < 100;
    if (red && !in_dot) ++dots;
    in_dot = red;
  }
  EXPECT_GT(dots, 40);
  EXPECT_LT(dots, 80);
  // The image's bottom-left pixel (x = 0, y = last row) is (0, 229, 255).
  expect_color(img.at(402, 402), {0, 229, 255}, "image corner");
  expect_color(img.at(398, 402), {255, 255, 255}, "left of image");
}

}  // namespace
}  // namespace emnpub::pdf
