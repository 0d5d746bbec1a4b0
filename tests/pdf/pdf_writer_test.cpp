// End-to-end: write PDFs from shaped text and check them with qpdf and
// poppler, the tools our users' viewers and indexers behave like.
#include "pdf/pdf_writer.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>

#include "pdf_test_support.hpp"

namespace emnpub::pdf {
namespace {

using namespace test;

layout::PagedDocument one_line_doc(const std::string& text, const std::string& font_path,
                                   const ShapeOptions& opt = {}) {
  layout::PagedDocument doc;
  doc.info.title = "Test";
  doc.info.date = "2024-03-05";
  doc.info.lang = "en";
  layout::Page page = a4_page();
  page.runs.push_back(shape(text, font(font_path), 12, 72, 700, opt));
  doc.pages.push_back(std::move(page));
  return doc;
}

std::string text_of(const std::vector<uint8_t>& pdf, const TempDir& dir) {
  return pdftotext(dir.write("t.pdf", pdf));
}

// poppler brackets right-to-left lines with U+202B ... U+202C (embedding
// controls); they are the tool's, not part of the document's text.
std::string strip_bidi_controls(std::string s) {
  for (const char* c : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u200E", "\u200F"})
    for (size_t at; (at = s.find(c)) != std::string::npos;) s.erase(at, 3);
  return s;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\f' || s.back() == ' ')) s.pop_back();
  return s;
}

TEST(PdfWriter, QpdfCheckPassesAndFontsAreEmbeddedSubsetsWithToUnicode) {
  TempDir dir;
  layout::PagedDocument doc = one_line_doc("Hello, world", kNotoRegular);
  doc.pages[0].runs.push_back(shape("Bold words", font(kNotoBold), 14, 72, 680));
  const std::string path = dir.write("a.pdf", write_pdf(doc));

  const CommandResult check = run("qpdf --check '" + path + "'");
  EXPECT_EQ(check.status, 0) << check.out;
  EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;

  const CommandResult fonts = run("pdffonts '" + path + "'");
  ASSERT_EQ(fonts.status, 0) << fonts.out;
  // name type encoding emb sub uni object ID
  const std::regex row(R"(([A-Z]{6})\+(\S+)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes)");
  std::vector<std::string> names;
  for (std::sregex_iterator it(fonts.out.begin(), fonts.out.end(), row), end; it != end; ++it)
    names.push_back((*it)[2]);
  ASSERT_EQ(names.size(), 2u) << fonts.out;
  EXPECT_EQ(names[0], "NotoSans-Regular");
  EXPECT_EQ(names[1], "NotoSans-Bold");
}

TEST(PdfWriter, TextComesBackExactlyInSeveralLanguages) {
  TempDir dir;
  const struct {
    const char* text;
    const char* script;
    const char* lang;
  } cases[] = {
      {"The quick brown fox jumps over the lazy dog", "Latn", "en"},
      {"Het Europees Parlement vergadert in Straatsburg", "Latn", "nl"},
      {"Élève, façade, garçon, où, cœur, naïve", "Latn", "fr"},
      {"Ευρωπαϊκή Ένωση και δημοκρατία", "Grek", "el"},
      {"Европейски съюз и демокрация", "Cyrl", "bg"},
  };
  for (const auto& c : cases) {
    ShapeOptions opt;
    opt.script = c.script;
    opt.lang = c.lang;
    const auto doc = one_line_doc(c.text, kNotoRegular, opt);
    EXPECT_EQ(trim(text_of(write_pdf(doc), dir)), c.text) << c.lang;
  }
}

TEST(PdfWriter, LigaturesCopyAsLettersNotPresentationForms) {
  TempDir dir;
  ShapeOptions opt;
  opt.features = {{HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END}};
  const auto doc = one_line_doc("official efficient", kNotoRegular, opt);
  // The shaper really produced ligature glyphs: fewer glyphs than letters,
  // and some cluster of one glyph stands for "ffi" or "fi".
  const auto& run = doc.pages[0].runs[0];
  bool has_ligature = false;
  for (const auto& c : run.clusters)
    if (c.glyph_count == 1 && (run.cluster_text(c) == "ffi" || run.cluster_text(c) == "fi")) has_ligature = true;
  ASSERT_TRUE(has_ligature) << "Noto Sans did not form an fi/ffi ligature";
  ASSERT_LT(run.glyphs.size(), std::string("official efficient").size());

  const std::string got = trim(text_of(write_pdf(doc), dir));
  EXPECT_EQ(got, "official efficient");
  for (const char* form : {"\uFB00", "\uFB01", "\uFB02", "\uFB03", "\uFB04", "\uFB05", "\uFB06"})
    EXPECT_EQ(got.find(form), std::string::npos);
}

TEST(PdfWriter, ArabicComesBackInLogicalOrder) {
  TempDir dir;
  ShapeOptions opt;
  opt.direction = HB_DIRECTION_RTL;
  opt.script = "Arab";
  opt.lang = "ar";
  const std::string text = "مرحبا بالعالم";
  const auto doc = one_line_doc(text, kNaskh, opt);
  EXPECT_EQ(strip_bidi_controls(trim(text_of(write_pdf(doc), dir))), text);
}

TEST(PdfWriter, OnePageWithRegularAndBoldIsSmall) {
  // A full A4 page: bold headings and 48 lines of body text using upper and
  // lower case, digits, punctuation and accented letters.
  const std::string body =
      "Having regard to the Treaty on the Functioning of the European Union, and in particular "
      "Articles 16 and 114 thereof, having regard to the proposal from the European Commission, "
      "after transmission of the draft legislative act to the national parliaments, having "
      "regard to the opinion of the European Economic and Social Committee (1), acting in "
      "accordance with the ordinary legislative procedure (2), whereas: the purpose of this "
      "Regulation is to improve the functioning of the internal market; Zürich, Québec, "
      "Øresund, Łódź, Málaga and Škofja Loka join 27 Member States — quickly, jointly & with "
      "“objective” criteria [Annex III, 5(b)]? Yes!";
  layout::PagedDocument doc;
  doc.info.date = "2024-03-05";
  layout::Page page = a4_page();
  double y = 800;
  size_t at = 0;
  for (int block = 0; block < 3; ++block) {
    page.runs.push_back(shape("Chapter " + std::to_string(block + 1) + ": General provisions",
                              font(kNotoBold), 14, 56, y -= 24));
    for (int l = 0; l < 16; ++l) {
      // About 90 characters per line, breaking at a space.
      size_t end = std::min(body.size(), at + 90);
      while (end < body.size() && body[end] != ' ') --end;
      page.runs.push_back(shape(body.substr(at, end - at), font(kNotoRegular), 9.5, 56, y -= 13));
      at = end >= body.size() ? 0 : end + 1;
    }
  }
  doc.pages.push_back(std::move(page));
  const auto bytes = write_pdf(doc);
  RecordProperty("bytes", static_cast<int>(bytes.size()));
  EXPECT_LT(bytes.size(), 40u * 1024u);
  TempDir dir;
  EXPECT_EQ(run("qpdf --check '" + dir.write("page.pdf", bytes) + "'").status, 0);
}

TEST(PdfWriter, TwoWritesAreByteIdentical) {
  auto doc = one_line_doc("Deterministic output", kNotoRegular);
  doc.outline.push_back({"Deterministic", 1, 0, from_pt(720)});
  const auto a = write_pdf(doc);
  const auto b = write_pdf(doc);
  EXPECT_EQ(a, b);
  // The /ID is derived from the content: different text, different /ID.
  const auto c = write_pdf(one_line_doc("Different output", kNotoRegular));
  auto id_of = [](const std::vector<uint8_t>& pdf) {
    const std::string s(pdf.begin(), pdf.end());
    std::smatch m;
    std::regex_search(s, m, std::regex(R"(/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \])"));
    return m.size() == 3 ? m[1].str() : std::string();
  };
  ASSERT_FALSE(id_of(a).empty());
  EXPECT_NE(id_of(a), "00000000000000000000000000000000");
  EXPECT_NE(id_of(a), id_of(c));
}

}  // namespace
}  // namespace emnpub::pdf
