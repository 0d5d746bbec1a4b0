// Links, bookmarks, page labels, metadata and images, checked through what
// qpdf and poppler report about the written file.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

namespace emnpub::pdf {
namespace {

using namespace test;

layout::PagedDocument three_pages() {
  layout::PagedDocument doc;
  doc.info.title = "Règlement sur l’IA — Κανονισμός";
  doc.info.author = "Commission européenne";
  doc.info.subject = "Artificial intelligence";
  doc.info.keywords = "AI, regulation";
  doc.info.date = "2024-03-05";
  doc.info.lang = "fr";
  for (int i = 0; i < 3; ++i) {
    layout::Page p = a4_page();
    p.runs.push_back(shape("Page " + std::to_string(i + 1), font(kNotoRegular), 12, 72, 760));
    doc.pages.push_back(std::move(p));
  }
  return doc;
}

std::string qpdf_json(const std::string& path, const std::string& key) {
  const CommandResult r = run("qpdf --json --json-key=" + key + " '" + path + "'");
  EXPECT_EQ(r.status, 0) << r.out;
  return r.out;
}

// A link's active area on the first page, 100 x 14 pt at (72, 756).
layout::Link link_area() {
  layout::Link l;
  l.x = from_pt(72);
  l.y = from_pt(756);
  l.w = from_pt(100);
  l.h = from_pt(14);
  return l;
}

// Whether the file holds an /XYZ destination to its third page at y = 700
// (libharu makes the destination array an indirect object).
bool points_to_third_page_at_700(const std::string& path) {
  const std::string pages = qpdf_json(path, "pages");
  std::smatch third;
  if (!std::regex_search(pages, third,
                         std::regex(R"re("object": "(\d+ 0 R)",\s*"outlines": \[[^\]]*\],\s*"pageposfrom1": 3)re")))
    return false;
  const std::regex dest("\\[\\s*\"" + third[1].str() + "\",\\s*\"/XYZ\",\\s*null,\\s*700,\\s*null\\s*\\]");
  return std::regex_search(qpdf_json(path, "qpdf"), dest);
}

TEST(DocumentFeatures, ExternalAndInternalLinks) {
  TempDir dir;
  layout::PagedDocument doc = three_pages();
  layout::Link ext = link_area();
  ext.uri = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj?lang=fr&é";
  doc.pages[0].links.push_back(ext);
  layout::Link internal = ext;
  internal.uri.clear();
  internal.dest_page = 2;
  internal.dest_y = from_pt(700);
  doc.pages[0].links.push_back(internal);
  const std::string path = dir.write("links.pdf", write_pdf(doc));

  ASSERT_EQ(run("qpdf --check '" + path + "'").status, 0);
  const std::string objects = qpdf_json(path, "qpdf");
  EXPECT_NE(
      objects.find(R"("/URI": "u:https://eur-lex.europa.eu/eli/reg/2024/1689/oj?lang=fr&%C3%A9")"),
      std::string::npos)
      << objects;
  EXPECT_NE(objects.find(R"("/S": "/URI")"), std::string::npos);
  // The internal link's destination names the third page, /XYZ at y = 700.
  EXPECT_TRUE(points_to_third_page_at_700(path)) << objects;
  // Links have no visible border.
  EXPECT_TRUE(std::regex_search(objects, std::regex(R"("/Border": \[\s*0,\s*0,\s*0\s*\])")));
}

// A link naming its target's id goes where the final pages put the target
// (PagedDocument::destinations), not where the pass that drew it thought;
// one whose target has no place is left out.
TEST(DocumentFeatures, LinksByIdGoWhereTheFinalPagesPutTheirTarget) {
  TempDir dir;
  layout::PagedDocument doc = three_pages();
  layout::Link by_id = link_area();
  by_id.dest_id = "sec-2";
  by_id.dest_page = 1;  // a previous pass's place
  by_id.dest_y = from_pt(300);
  doc.pages[0].links.push_back(by_id);
  layout::Link lost = by_id;
  lost.dest_id = "nowhere";
  lost.dest_page = -1;
  doc.pages[0].links.push_back(lost);
  doc.destinations["sec-2"] = {2, doc.pages[2].height - from_pt(700)};  // 700 pt from the bottom
  const std::string path = dir.write("by-id.pdf", write_pdf(doc));
  ASSERT_EQ(run("qpdf --check '" + path + "'").status, 0);
  const std::string objects = qpdf_json(path, "qpdf");
  EXPECT_TRUE(points_to_third_page_at_700(path)) << objects;
  // One link annotation: the lost one is not written.
  size_t links = 0;
  for (size_t at = 0; (at = objects.find("\"/Subtype\": \"/Link\"", at)) != std::string::npos; ++at) ++links;
  EXPECT_EQ(links, 1u) << objects;
}

TEST(DocumentFeatures, OutlineNestsByLevelWithUnicodeTitles) {
  TempDir dir;
  layout::PagedDocument doc = three_pages();
  doc.outline = {
      {"Exposé des motifs", 1, 0, from_pt(780)},
      {"Ελληνικά και Български", 2, 1, from_pt(500)},
      {"Deep", 4, 1, from_pt(400)},  // skips level 3: nests under the level-2 entry
      {"Annexe", 1, 2, from_pt(780)},
  };
  const std::string path = dir.write("outline.pdf", write_pdf(doc));
  ASSERT_EQ(run("qpdf --check '" + path + "'").status, 0);
  const std::string json = qpdf_json(path, "outlines");
  // Top level in order, with kids nested inside the first entry.
  const size_t a = json.find(R"("title": "Exposé des motifs")");
  const size_t b = json.find(R"("title": "Ελληνικά και Български")");
  const size_t c = json.find(R"("title": "Deep")");
  const size_t d = json.find(R"("title": "Annexe")");
  ASSERT_NE(a, std::string::npos) << json;
  ASSERT_NE(b, std::string::npos) << json;
  ASSERT_NE(c, std::string::npos) << json;
  ASSERT_NE(d, std::string::npos) << json;
  // qpdf prints a node's kids before its own title: Deep, Greek, Exposé, Annexe.
  EXPECT_LT(c, b);
  EXPECT_LT(b, a);
  EXPECT_LT(a, d);
  EXPECT_NE(json.find(R"("destpageposfrom1": 3)"), std::string::npos);
  const std::regex kids_of_first(R"("kids": \[\s*\{\s*"dest")");
  EXPECT_TRUE(std::regex_search(json, kids_of_first));
  // The outline panel opens with the document.
  EXPECT_NE(qpdf_json(path, "qpdf").find(R"("/PageMode": "/UseOutlines")"), std::string::npos);
}

TEST(DocumentFeatures, PageLabels) {
  TempDir dir;
  layout::PagedDocument doc = three_pages();
  using S = layout::PageLabelRange::Style;
  doc.labels = {{1, S::Decimal, 5, "A-"}, {2, S::None, 1, "Couverture é"}};
  const std::string path = dir.write("labels.pdf", write_pdf(doc));
  ASSERT_EQ(run("qpdf --check '" + path + "'").status, 0);
  const std::string json = qpdf_json(path, "pagelabels");
  // Page 0 is not covered by the input; the tree must still start there.
  EXPECT_TRUE(std::regex_search(json, std::regex(R"("index": 0,\s*"label": \{\s*"/S": "/D")")))
      << json;
  EXPECT_TRUE(std::regex_search(
      json, std::regex(R"("index": 1,\s*"label": \{\s*"/P": "u:A-",\s*"/S": "/D",\s*"/St": 5)")))
      << json;
  EXPECT_TRUE(
      std::regex_search(json, std::regex(R"("index": 2,\s*"label": \{\s*"/P": "u:Couverture é")")))
      << json;
  // qpdf resolves each page's label dictionary from the tree.
  const std::string pages = qpdf_json(path, "pages");
  const std::regex second_page(
      R"re("label": \{\s*"/P": "u:A-",\s*"/S": "/D",\s*"/St": 5\s*\},)re"
      R"re(\s*"object": "\d+ 0 R",\s*"outlines": \[\],\s*"pageposfrom1": 2)re");
  EXPECT_TRUE(std::regex_search(pages, second_page)) << pages;
}

TEST(DocumentFeatures, InfoDictionaryLanguageAndNoClock) {
  TempDir dir;
  const std::string path = dir.write("info.pdf", write_pdf(three_pages()));
  const CommandResult info = run("pdfinfo '" + path + "'");
  ASSERT_EQ(info.status, 0) << info.out;
  EXPECT_NE(info.out.find("Title:           Règlement sur l’IA — Κανονισμός"), std::string::npos)
      << info.out;
  EXPECT_NE(info.out.find("Author:          Commission européenne"), std::string::npos);
  EXPECT_NE(info.out.find("Subject:         Artificial intelligence"), std::string::npos);
  EXPECT_NE(info.out.find("Keywords:        AI, regulation"), std::string::npos);
  EXPECT_NE(info.out.find("Creator:         emnpub"), std::string::npos);
  EXPECT_NE(info.out.find("Producer:        emnpub"), std::string::npos);
  EXPECT_NE(info.out.find("CreationDate:    Tue Mar  5 00:00:00 2024 UTC"), std::string::npos)
      << info.out;
  EXPECT_NE(info.out.find("ModDate:         Tue Mar  5 00:00:00 2024 UTC"), std::string::npos);
  EXPECT_NE(info.out.find("PDF version:     1.7"), std::string::npos);
  EXPECT_NE(qpdf_json(path, "qpdf").find(R"("/Lang": "u:fr")"), std::string::npos);
  const std::vector<uint8_t> bytes = read_file(path);
  const std::string raw(bytes.begin(), bytes.end());
  EXPECT_NE(raw.find("/CreationDate (D:20240305000000Z)"), std::string::npos);
}

TEST(DocumentFeatures, PngAndJpegImagesAreEmbeddedOnceEach) {
  TempDir dir;
  // A JPEG from poppler itself, so both loaders are exercised.
  layout::PagedDocument src = three_pages();
  const std::string src_pdf = dir.write("src.pdf", write_pdf(src));
  ASSERT_EQ(
      run("pdftoppm -jpeg -r 20 -f 1 -l 1 -singlefile '" + src_pdf + "' '" + dir.file("shot") + "'")
          .status,
      0);
  const std::vector<uint8_t> jpeg = read_file(dir.file("shot.jpg"));
  ASSERT_GT(jpeg.size(), 100u);

  layout::PagedDocument doc = three_pages();
  layout::Image logo;
  logo.data = make_png(40, 20);
  logo.x = from_pt(400);
  logo.y = from_pt(760);
  logo.w = from_pt(80);
  logo.h = from_pt(40);
  for (auto& p : doc.pages) p.images.push_back(logo);  // same logo on every page
  layout::Image photo;
  photo.data = jpeg;
  photo.jpeg = true;
  photo.x = from_pt(72);
  photo.y = from_pt(300);
  photo.w = from_pt(200);
  photo.h = from_pt(280);
  doc.pages[1].images.push_back(photo);
  const std::string path = dir.write("images.pdf", write_pdf(doc));
  ASSERT_EQ(run("qpdf --check '" + path + "'").status, 0);

  const CommandResult list = run("pdfimages -list '" + path + "'");
  ASSERT_EQ(list.status, 0) << list.out;
  // page num type width height color comp bpc enc interp object ID ...
  std::regex row(
      R"(^\s*(\d+)\s+\d+\s+image\s+(\d+)\s+(\d+)\s+(\w+)\s+\d+\s+\d+\s+(\w+)\s+\w+\s+(\d+))");
  std::vector<std::smatch> rows;
  std::set<std::string> objects;
  int pngs = 0, jpegs = 0;
  std::istringstream lines(list.out);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    objects.insert(m[6]);
    if (m[5] == "jpeg") {
      ++jpegs;
      EXPECT_EQ(m[1], "2");
    } else {
      ++pngs;
      EXPECT_EQ(m[2], "40");
      EXPECT_EQ(m[3], "20");
      EXPECT_EQ(m[4], "rgb");
    }
  }
  EXPECT_EQ(pngs, 3) << list.out;
  EXPECT_EQ(jpegs, 1) << list.out;
  EXPECT_EQ(objects.size(), 2u) << "the repeated logo must be stored once\n" << list.out;
}

TEST(DocumentFeatures, UncompressedOutputIsValidAndReadable) {
  TempDir dir;
  WriteOptions opts;
  opts.compress = false;
  const auto bytes = write_pdf(three_pages(), opts);
  const std::string path = dir.write("raw.pdf", bytes);
  EXPECT_EQ(run("qpdf --check '" + path + "'").status, 0);
  const std::string raw(bytes.begin(), bytes.end());
  EXPECT_EQ(raw.find("/FlateDecode"), std::string::npos);
  EXPECT_NE(raw.find("] TJ"), std::string::npos);
  EXPECT_NE(raw.find("beginbfchar"), std::string::npos);
  EXPECT_NE(pdftotext(path).find("Page 3"), std::string::npos);
}

TEST(DocumentFeatures, ErrorsAreExceptionsWithClearMessages) {
  auto expect_error = [](const layout::PagedDocument& doc, const std::string& needle) {
    try {
      write_pdf(doc);
      ADD_FAILURE() << "expected an error mentioning " << needle;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
  };
  expect_error(layout::PagedDocument{}, "no pages");

  layout::PagedDocument bad_image = three_pages();
  layout::Image img;
  img.data = {'n', 'o', 't', ' ', 'a', ' ', 'p', 'n', 'g'};
  img.w = img.h = from_pt(10);
  bad_image.pages[1].images.push_back(img);
  expect_error(bad_image, "PNG image on page 2");

  layout::PagedDocument bad_link = three_pages();
  layout::Link l;
  l.dest_page = 7;
  l.w = l.h = from_pt(10);
  bad_link.pages[0].links.push_back(l);
  expect_error(bad_link, "points to page 8 of a 3-page document");

  layout::PagedDocument bad_outline = three_pages();
  bad_outline.outline.push_back({"Nowhere", 1, 3, 0});
  expect_error(bad_outline, "outline entry \"Nowhere\"");

  layout::PagedDocument bad_date = three_pages();
  bad_date.info.date = "5 March 2024";
  expect_error(bad_date, "not YYYY-MM-DD");

  layout::PagedDocument bad_glyph = three_pages();
  bad_glyph.pages[0].runs[0].glyphs[0].gid = 60000;
  expect_error(bad_glyph, "glyph id 60000 is not in font");

  layout::PagedDocument bad_cluster = three_pages();
  bad_cluster.pages[0].runs[0].add_cluster(90, 1, "x");
  expect_error(bad_cluster, "glyph clusters");

  // A failed document leaves nothing behind: the next one is fine.
  EXPECT_FALSE(write_pdf(three_pages()).empty());
}

}  // namespace
}  // namespace emnpub::pdf
