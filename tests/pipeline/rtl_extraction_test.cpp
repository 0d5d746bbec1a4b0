// Arabic and Persian copy/paste: every word of every Arabic or Persian text
// in the multilingual sample and in a fully vowelled test document
// (paragraphs, table cells, quotes and spans in Latin paragraphs) comes back from pdftotext exactly, in logical order,
// with its harakat, shadda, lam-alef and zero-width non-joiner. Words are
// compared as a multiset, so each occurrence must come back.
//
// pdftotext wraps right-to-left text in embedding controls (U+202B..C),
// and the writer adds a right-to-left mark after a word whose last haraka
// would otherwise be read with the text before it (glyph_run_writer.cpp):
// like spaces and punctuation, these separate words.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <map>

#include "test_support.hpp"
#include "xml/publication_parser.hpp"

namespace emnpub::test {
namespace {

bool rtl_lang(const std::string& lang) { return lang == "ar" || lang == "fa"; }

// Letters, marks and ZWNJ make words; anything else separates them.
std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (int32_t i = 0; i <= static_cast<int32_t>(s.size());) {
    UChar32 c = ' ';
    const int32_t start = i;
    if (i < static_cast<int32_t>(s.size())) U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    else ++i;
    const int8_t t = u_charType(c);
    const bool in_word = u_isalpha(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || c == 0x200C;
    if (in_word && start < static_cast<int32_t>(s.size())) {
      cur.append(s, start, i - start);
    } else {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

bool has_arabic_letter(const std::string& w) {
  for (int32_t i = 0; i < static_cast<int32_t>(w.size());) {
    UChar32 c;
    U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
    if (c >= 0x0600 && c <= 0x06FF) return true;
  }
  return false;
}

void collect_inlines(const std::vector<model::Inline>& in, std::string& out) {
  for (const auto& i : in) {
    if (i.kind == model::InlineKind::Note) continue;  // notes are checked where they are set
    if (i.kind == model::InlineKind::Text && rtl_lang(i.lang)) out += i.text;
    else out += ' ';
    collect_inlines(i.children, out);
  }
}

void collect(const std::vector<model::Block>& blocks, std::string& out) {
  for (const auto& b : blocks) {
    collect_inlines(b.inlines, out);
    collect_inlines(b.title, out);
    collect_inlines(b.caption, out);
    out += ' ';
    collect(b.blocks, out);
    for (const auto& row : b.table.rows)
        for (const auto& cell : row.cells) {
          collect_inlines(cell.inlines, out);
          out += ' ';
          collect(cell.blocks, out);
        }
  }
}

class RtlExtraction : public ::testing::TestWithParam<const char*> {};

TEST_P(RtlExtraction, EveryArabicAndPersianWordComesBackExactly) {
  const std::string xml = read_file(std::string(EMNPUB_SOURCE_DIR) + "/" + GetParam());
  const auto parsed = xml::parse_publication(xml, {});
  std::string source;
  collect(parsed.doc.summary, source);
  collect(parsed.doc.body, source);
  collect(parsed.doc.back, source);
  std::map<std::string, int> want;
  size_t vowelled = 0;
  for (const auto& w : words(source)) {
    if (!has_arabic_letter(w)) continue;
    ++want[w];
    for (int32_t i = 0; i < static_cast<int32_t>(w.size());) {
      UChar32 c;
      U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
      if (c >= 0x064B && c <= 0x0652) { ++vowelled; break; }
    }
  }
  size_t total = 0;
  for (const auto& [w, n] : want) total += static_cast<size_t>(n);
  // The sample must exercise what this test is about.
  ASSERT_GE(total, 60u);
  ASSERT_GE(vowelled, 10u) << "too few vowelled words";

  TempDir dir;
  const auto res = engine().render(xml, {});
  const std::string pdf = write_temp(dir, "out.pdf", res.pdf);
  std::map<std::string, int> have;
  for (const auto& w : words(run("pdftotext '" + pdf + "' - 2>/dev/null"))) ++have[w];

  size_t right = 0;
  for (const auto& [w, n] : want) {
    const int got = have.count(w) ? have.at(w) : 0;
    right += static_cast<size_t>(std::min(got, n));
    if (got < n) ADD_FAILURE() << "'" << w << "' comes back " << got << " of " << n << " times";
  }
  RecordProperty("words", std::to_string(right) + "/" + std::to_string(total));
  std::cout << "[ RTL      ] " << right << " of " << total << " Arabic and Persian words exact ("
            << vowelled << " vowelled)\n";
  EXPECT_EQ(right, total);
}

INSTANTIATE_TEST_SUITE_P(Documents, RtlExtraction,
                         ::testing::Values("samples/inform-multilingual.xml",
                                           "tests/data/pipeline/rtl-vowelled.xml"),
                         [](const auto& info) {
                           std::string n = info.param;
                           n = n.substr(n.rfind('/') + 1);
                           for (auto& ch : n) if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

}  // namespace
}  // namespace emnpub::test
