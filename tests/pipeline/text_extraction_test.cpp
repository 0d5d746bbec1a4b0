// Copy/paste fidelity: every plain paragraph of a sample comes back from
// pdftotext letter for letter and in order. Words are taken from
// `pdftotext -bbox` and only those at the body-text size are kept, so
// footnotes and page furniture that fall between the two halves of a
// paragraph split across pages do not interrupt it. Comparison ignores
// everything but letters and digits, so line-end hyphens and spacing do not
// matter, but a ligature returned as U+FB01 or a missing, extra or reordered
// word does.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <regex>
#include <set>

#include "test_support.hpp"
#include "xml/publication_parser.hpp"

namespace emnpub::test {
namespace {

std::string letters_only(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    UChar32 cp = c < 0x80 ? c : c < 0xE0 ? (c & 0x1F) : c < 0xF0 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    if (u_isalnum(cp)) out.append(s, i, len);
    i += len;
  }
  return out;
}

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
  for (const auto& [e, r] : ents)
    for (size_t p; (p = s.find(e)) != std::string::npos;) s.replace(p, std::strlen(e), r);
  return s;
}

// Words at the dominant (body) height, in pdftotext's reading order.
std::string body_text(const std::string& pdf) {
  const std::string html = run("pdftotext -raw -bbox '" + pdf + "' - 2>/dev/null");
  static const std::regex word(R"re(<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>)re");
  std::vector<std::pair<long, std::string>> words;
  std::map<long, int> histogram;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it) {
    const long h = std::lround((std::stod((*it)[4]) - std::stod((*it)[2])) * 10);
    words.emplace_back(h, unescape((*it)[5]));
    histogram[h] += static_cast<int>((*it)[5].length());
  }
  const long body = std::max_element(histogram.begin(), histogram.end(),
                                     [](auto& a, auto& b) { return a.second < b.second; })->first;
  std::string out;
  for (const auto& [h, w] : words)
    if (std::labs(h - body) * 100 <= body * 3) out += w;
  return letters_only(out);
}

bool plain(const std::vector<model::Inline>& in, const std::string& lang) {
  using K = model::InlineKind;
  for (const auto& i : in) {
    if (i.kind == K::Note || i.kind == K::Ref || i.kind == K::Sup || i.kind == K::Sub || i.kind == K::Code || i.kind == K::Break)
      return false;
    if (i.lang != lang) return false;
    if (!plain(i.children, lang)) return false;
  }
  return true;
}

void collect(const std::vector<model::Block>& blocks, const std::string& lang, std::vector<const model::Block*>& out) {
  for (const auto& b : blocks) {
    if (b.kind == model::BlockKind::Paragraph && b.lang == lang && plain(b.inlines, lang)) out.push_back(&b);
    // Table cells and boxes use other sizes; lists and sections hold body text.
    if (b.kind == model::BlockKind::Section || b.kind == model::BlockKind::Item || b.kind == model::BlockKind::List ||
        b.kind == model::BlockKind::ListItem)
      collect(b.blocks, lang, out);
  }
}

struct Case {
  const char* file;
  const char* lang;
  size_t min_paragraphs;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.file << " (" << c.lang << ")"; }

class TextExtraction : public ::testing::TestWithParam<Case> {};

TEST_P(TextExtraction, ParagraphsComeBackInOrder) {
  const Case c = GetParam();
  const std::string xml = sample(c.file);
  const auto parsed = xml::parse_publication(xml, {});
  std::vector<const model::Block*> paras;
  collect(parsed.doc.body, c.lang, paras);
  ASSERT_GE(paras.size(), c.min_paragraphs) << "too few plain paragraphs to make the test meaningful";

  TempDir dir;
  RenderOptions ro;
  ro.source_name = c.file;
  const auto res = engine().render(xml, ro);
  const std::string text = body_text(write_temp(dir, "out.pdf", res.pdf));
  ASSERT_FALSE(text.empty());
  size_t found = 0;
  for (const auto* p : paras) {
    const std::string want = letters_only(model::plain_text(p->inlines));
    if (text.find(want) != std::string::npos) ++found;
    else ADD_FAILURE() << c.file << ":" << p->pos.line << ": paragraph not found verbatim in pdftotext output: "
                       << model::plain_text(p->inlines).substr(0, 120);
  }
  EXPECT_EQ(found, paras.size());
  // Ligatures must come back as letters, never as presentation forms.
  const std::string all = run("pdftotext '" + (dir.path() / "out.pdf").string() + "' - 2>/dev/null");
  for (const char* lig : {"\xEF\xAC\x80", "\xEF\xAC\x81", "\xEF\xAC\x82", "\xEF\xAC\x83", "\xEF\xAC\x84"})
    EXPECT_EQ(all.find(lig), std::string::npos) << "ligature code point in extracted text";
}

// Words broken by hyphenation at a line end come back whole from
// pdftotext's default (reading) mode: the inserted hyphen is U+002D, which
// extraction removes when it joins the lines, and no hyphenated line ends a
// page. Every word of the plain paragraphs must appear as a whole token.
TEST_P(TextExtraction, HyphenatedWordsComeBackWhole) {
  const Case c = GetParam();
  const std::string xml = sample(c.file);
  const auto parsed = xml::parse_publication(xml, {});
  std::vector<const model::Block*> paras;
  collect(parsed.doc.body, c.lang, paras);
  TempDir dir;
  const auto res = engine().render(xml, {});
  const std::string pdf = write_temp(dir, "out.pdf", res.pdf);
  const std::string text = run("pdftotext '" + pdf + "' - 2>/dev/null");
  // Tokens are maximal runs of letters and digits (Unicode-aware).
  auto tokens = [](const std::string& s) {
    std::set<std::string> out;
    std::string cur;
    for (size_t i = 0; i <= s.size();) {
      UChar32 cp = ' ';
      size_t len = 1;
      if (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cp = c < 0x80 ? c : c < 0xE0 ? (c & 0x1F) : c < 0xF0 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
      }
      if (u_isalnum(cp) && i < s.size()) {
        cur.append(s, i, len);
      } else {
        if (!cur.empty()) out.insert(cur);
        cur.clear();
      }
      i += len;
    }
    return out;
  };
  const std::set<std::string> have = tokens(text);
  size_t words = 0, hyphenated_somewhere = 0;
  for (const auto* p : paras)
    for (const auto& w : tokens(model::plain_text(p->inlines))) {
      if (w.size() < 6) continue;
      ++words;
      if (!have.count(w)) ADD_FAILURE() << c.file << ":" << p->pos.line << ": '" << w << "' does not come back whole";
    }
  // The test means something only if some of these words were hyphenated.
  const std::string raw = run("pdftotext -raw '" + pdf + "' - 2>/dev/null");
  for (size_t i = raw.find("-\n"); i != std::string::npos; i = raw.find("-\n", i + 1)) ++hyphenated_somewhere;
  EXPECT_GT(words, 20u);
  if (std::string(c.lang) != "el" && std::string(c.lang) != "bg") {
    EXPECT_GT(hyphenated_somewhere, 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, TextExtraction,
                         ::testing::Values(Case{"inform-en.xml", "en", 10}, Case{"inform-nl.xml", "nl", 6},
                                           Case{"inform-fr.xml", "fr", 6},
                                           Case{"report-en.xml", "en", 60},
                                           Case{"report-fr.xml", "fr", 20}, Case{"bulletin-fr.xml", "fr", 10},
                                           Case{"inform-multilingual.xml", "el", 1},
                                           Case{"inform-multilingual.xml", "bg", 1}),
                         [](const auto& info) {
                           std::string n = std::string(info.param.file) + "_" + info.param.lang;
                           for (auto& ch : n) if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

// What the layout writes itself reads in the document's language: the
// cover band's lines (brand <masthead>) and cross-references, which in
// French take no article and a lower-case noun, so that "(voir le <ref/>)"
// and a bare "(<ref/>)" both read naturally.
TEST(GeneratedWording, AFrenchInformIsFrenchThroughout) {
  TempDir dir;
  RenderOptions ro;
  ro.source_name = "inform-fr.xml";
  const auto res = engine().render(sample("inform-fr.xml"), ro);
  // (pdftotext gives the no-break spaces of the references as spaces)
  const std::string text = run("pdftotext '" + write_temp(dir, "out.pdf", res.pdf) + "' - 2>/dev/null");
  for (const char* want : {"Réseau européen des migrations", "Point de contact belge", "(section 2, page 1)",
                           "(tableau 1, page 2)", "Tableau 1."})
    EXPECT_NE(text.find(want), std::string::npos) << "missing: " << want;
  for (const char* unwanted : {"European Migration Network", "la section", "(Tableau"})
    EXPECT_EQ(text.find(unwanted), std::string::npos) << "found: " << unwanted;
}


}  // namespace
}  // namespace emnpub::test
