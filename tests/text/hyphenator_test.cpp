// Hyphenation against the installed dictionaries (hyphen-en-us, -nl, -de,
// -fr). Expected points were produced by the dictionaries once and checked
// by hand against each language's usual division (Dutch "ver-ant-woor-de-
// lijk-heid", German "Staats-an-ge-hö-rig-keit", French "im-mi-gra-tion").
// Non-standard (replacement) hyphenation is skipped by design: the
// installed dictionaries have none, and a test dictionary with one checks
// that such a point is dropped rather than drawn as a plain hyphen.
#include "text/hyphenator.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "text/hyphenation_rules.hpp"

namespace emnpub::text {
namespace {

// The word with '-' at each point (readable expectations).
std::string show(std::string_view word, const std::vector<size_t>& offsets) {
  std::string out;
  size_t last = 0;
  for (size_t off : offsets) {
    out.append(word.substr(last, off - last));
    out += '-';
    last = off;
  }
  out.append(word.substr(last));
  return out;
}

std::shared_ptr<const Hyphenator> dict(std::string_view lang) {
  auto h = HyphenatorCache::process().get(lang);
  if (!h) ADD_FAILURE() << "no dictionary for " << lang;
  return h;
}

std::string hy(std::string_view lang, std::string_view word, const HyphenationRules& r = {}) {
  const auto h = dict(lang);
  return h ? show(word, h->hyphenate(word, r)) : "";
}

TEST(Hyphenator, English) {
  EXPECT_EQ(hy("en", "hyphenation"), "hy-phen-ation");  // hyph_en_US's own division
  EXPECT_EQ(hy("en", "beautiful"), "beau-ti-ful");
  EXPECT_EQ(hy("en", "astonished"), "as-ton-ished");
  EXPECT_EQ(hy("en", "information"), "in-for-ma-tion");
  EXPECT_EQ(hy("en-GB", "international"), "in-ter-na-tional");
}

TEST(Hyphenator, Dutch) {
  EXPECT_EQ(hy("nl", "verantwoordelijkheid"), "ver-ant-woor-de-lijk-heid");
  EXPECT_EQ(hy("nl", "bijzonder"), "bij-zon-der");
  EXPECT_EQ(hy("nl-BE", "IJsselmeer"), "IJs-sel-meer");  // IJ is one capital
  EXPECT_EQ(hy("nl", "zeeën"), "zee-ën");                // ISO 8859-1 dictionary
  // "omaatje" would be "oma-tje" in non-standard Dutch hyphenation; the
  // dictionary has no such pattern, and no standard point either.
  EXPECT_EQ(hy("nl", "omaatje"), "omaatje");
}

TEST(Hyphenator, German) {
  // hyph_de_DE.dic is ISO 8859-1 and large (libhyphen needs seconds to
  // build its automaton), so all German cases share this one test.
  EXPECT_EQ(hy("de", "Staatsangehörigkeit"), "Staats-an-ge-hö-rig-keit");
  EXPECT_EQ(hy("de-DE", "Donaudampfschifffahrtsgesellschaft"),
            "Do-nau-dampf-schiff-fahrts-ge-sell-schaft");
  // Capital umlauts lowercased into the 8-bit alphabet.
  EXPECT_EQ(hy("de-CH", "Ölverschmutzung"), "Öl-ver-schmut-zung");
  EXPECT_EQ(hy("de", "Übernahme"), "Über-nah-me");
  EXPECT_EQ(hy("de", "übernahme"), "über-nah-me");
  // Decomposed ö (o + U+0308): composed for the lookup, never split.
  EXPECT_EQ(hy("de", "Staatsangeho\u0308rigkeit"), "Staats-an-ge-ho\u0308-rig-keit");
  // Every German tag shares the one loaded dictionary (hyph_de_*.dic are
  // symlinks).
  EXPECT_EQ(HyphenatorCache::process().get("de"), HyphenatorCache::process().get("de-CH"));
  EXPECT_EQ(HyphenatorCache::process().get("de"), HyphenatorCache::process().get("DE_at"));
}

TEST(Hyphenator, French) {
  EXPECT_EQ(hy("fr", "immigration"), "im-mi-gra-tion");
  EXPECT_EQ(hy("fr", "développement"), "dé-ve-lop-pe-ment");
  EXPECT_EQ(hy("fr", "l’immigration"), "l’im-mi-gra-tion");  // never at the apostrophe
  EXPECT_EQ(hy("fr-CA", "l'immigration"), "l'im-mi-gra-tion");
}

TEST(Hyphenator, CaseInsensitiveWithDiacritics) {
  // Capitals with diacritics are lowercased before the lookup, in UTF-8
  // (fr) and ISO 8859-1 (de) dictionaries alike; offsets stay those of the
  // original bytes.
  // (German cases are in Hyphenator.German: its dictionary takes seconds
  // to load, so only one test process pays for it.)
  EXPECT_EQ(hy("fr", "Élection"), "Élec-tion");
  EXPECT_EQ(hy("fr", "élection"), "élec-tion");
  EXPECT_EQ(hy("fr", "Éducation"), "Édu-ca-tion");
  EXPECT_EQ(hy("fr", "éducation"), "édu-ca-tion");
  EXPECT_EQ(hy("nl", "Ëxtreem"), "Ëx-treem");  // Ë -> ë in the ISO 8859-1 alphabet
  EXPECT_EQ(hy("nl", "ëxtreem"), "ëx-treem");
  EXPECT_EQ(hy("en", "Hyphenation"), "Hy-phen-ation");
  // A decomposed letter (e + U+0308) is composed for the lookup and never
  // split from its mark.
  EXPECT_EQ(hy("nl", "zee\u0065\u0308n"), "zee-e\u0308n");
  EXPECT_EQ(hy("fr", "de\u0301veloppement"), "de\u0301-ve-lop-pe-ment");
}

TEST(Hyphenator, MinimumFragments) {
  const std::string fr = HyphenatorCache::process().resolve("fr");
  ASSERT_FALSE(fr.empty());
  // French practice (2 before, 3 after) drops the dictionary's "li-ber-té".
  EXPECT_EQ(show("liberté", Hyphenator::load(fr, 2, 2)->hyphenate("liberté")), "li-ber-té");
  EXPECT_EQ(show("liberté", Hyphenator::load(fr, 2, 3)->hyphenate("liberté")), "li-berté");
  EXPECT_EQ(hy("fr", "liberté"), "li-berté");  // the default for fr is 2/3
  const auto wide = Hyphenator::load(fr, 4, 4);
  EXPECT_EQ(show("immigration", wide->hyphenate("immigration")), "immi-gra-tion");
  // Fragment minimums count letters, not bytes: "dé" is two letters.
  EXPECT_EQ(show("développement", Hyphenator::load(fr, 2, 2)->hyphenate("développement")),
            "dé-ve-lop-pe-ment");
  EXPECT_EQ(default_hyphen_mins("en-US").right, 3);
  EXPECT_EQ(default_hyphen_mins("fr").left, 2);
  EXPECT_EQ(default_hyphen_mins("fr").right, 3);
  EXPECT_EQ(default_hyphen_mins("nl").right, 2);
  EXPECT_EQ(default_hyphen_mins("de").right, 2);
}

TEST(Hyphenator, ShortWordsAndConfigurableMinimum) {
  EXPECT_EQ(hy("en", "cat"), "cat");
  EXPECT_EQ(classify_word("cat"), WordClass::TooShort);
  HyphenationRules strict;
  strict.min_word_letters = 12;
  EXPECT_EQ(hy("en", "hyphenation", strict), "hyphenation");  // 11 letters
  EXPECT_EQ(hy("en", "hyphenations", strict), "hy-phen-ations");
  EXPECT_EQ(classify_word("hyphenation", strict), WordClass::TooShort);
}

TEST(Hyphenator, SoftHyphensOverrideTheDictionary) {
  const std::string word = "hyphen\u00ADation";  // the dictionary would say hy-phen-ation
  const auto h = dict("en");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->hyphenate(word), std::vector<size_t>{6});  // the U+00AD's own offset
  EXPECT_EQ(h->hyphenate_points(word), (std::vector<HyphenPoint>{{6, HyphenKind::Soft}}));
  EXPECT_EQ(classify_word(word), WordClass::SoftHyphens);
  // Author's choice: even a short word, and even without a dictionary.
  EXPECT_EQ(h->hyphenate("to\u00ADday"), std::vector<size_t>{2});
  HyphenatorCache empty(std::vector<std::string>{});
  EXPECT_EQ(hyphenation_points(empty, "en", "to\u00ADday"), std::vector<size_t>{2});
  EXPECT_TRUE(hyphenation_points(empty, "en", "hyphenation").empty());
  // A soft hyphen at the edge of a word is no break, but still tells that
  // the author chose the points.
  EXPECT_TRUE(h->hyphenate("\u00ADhyphenation").empty());
  EXPECT_TRUE(h->hyphenate("hyphenation\u00AD").empty());
}

TEST(Hyphenator, RefusesUrlsNumbersAndAbbreviations) {
  const auto h = dict("en");
  ASSERT_NE(h, nullptr);
  for (const char* w : {"https://www.example.com/immigration", "www.immigration.org",
                        "information@emn.europa.eu", "(https://emn.nl/information)."}) {
    EXPECT_TRUE(h->hyphenate_points(w).empty()) << w;
  }
  EXPECT_EQ(classify_word("https://www.example.com/immigration"), WordClass::Url);
  EXPECT_EQ(classify_word("information@emn.europa.eu"), WordClass::Email);
  for (const char* w : {"information2024", "COVID-19", "12345678", "B2B-marketing"}) {
    EXPECT_TRUE(h->hyphenate_points(w).empty()) << w;
    EXPECT_EQ(classify_word(w), WordClass::HasDigits) << w;
  }
  for (const char* w : {"EMN", "UNHCR", "UNHCR's", "HYPHENATION", "NGOs", "iPhone"}) {
    EXPECT_TRUE(h->hyphenate_points(w).empty()) << w;
    EXPECT_EQ(classify_word(w), WordClass::Abbreviation) << w;
  }
  EXPECT_EQ(classify_word("e.g."), WordClass::NonLetter);
  EXPECT_EQ(classify_word("snake_case_identifier"), WordClass::NonLetter);
  EXPECT_EQ(classify_word("—"), WordClass::Empty);
}

TEST(Hyphenator, PunctuationIsStrippedAndOffsetsMappedBack) {
  EXPECT_EQ(hy("en", "(hyphenation),"), "(hy-phen-ation),");
  EXPECT_EQ(hy("en", "“hyphenation”"), "“hy-phen-ation”");
  EXPECT_EQ(hy("fr", "«immigration»"), "«im-mi-gra-tion»");
  EXPECT_EQ(strip_punctuation("«immigration»."), (ByteRange{2, 13}));
}

TEST(Hyphenator, HardHyphens) {
  const auto nl = dict("nl");
  ASSERT_NE(nl, nullptr);
  // The break after the hard hyphen inserts nothing: hyphenate() (points
  // needing a hyphen) leaves it out, hyphenate_points() reports it.
  EXPECT_EQ(show("EU-lidstaten", nl->hyphenate("EU-lidstaten")), "EU-lid-sta-ten");
  EXPECT_EQ(nl->hyphenate_points("EU-lidstaten"),
            (std::vector<HyphenPoint>{
                {3, HyphenKind::Hard}, {6, HyphenKind::Dictionary}, {9, HyphenKind::Dictionary}}));
  HyphenationRules tex;
  tex.hyphenate_compound_parts = false;  // TeX's behaviour: only at the hyphen
  EXPECT_EQ(nl->hyphenate_points("EU-lidstaten", tex),
            (std::vector<HyphenPoint>{{3, HyphenKind::Hard}}));
  EXPECT_EQ(classify_word("EU-lidstaten", tex), WordClass::Compound);
  const auto en = dict("en");
  ASSERT_NE(en, nullptr);
  // Fragment minimums apply: "e-" alone is not a line end.
  EXPECT_TRUE(en->hyphenate_points("e-mail").empty());
  EXPECT_EQ(en->hyphenate_points("well-known"), (std::vector<HyphenPoint>{{5, HyphenKind::Hard}}));
  // A trailing hyphen (the word was split after it upstream) is punctuation.
  EXPECT_EQ(show("information-", en->hyphenate("information-")), "in-for-ma-tion-");
  // A non-breaking hyphen separates parts but is no break.
  EXPECT_EQ(en->hyphenate_points("well\u2011known"), std::vector<HyphenPoint>{});
}

TEST(Hyphenator, NonStandardPointsAreDropped) {
  // hyph_nonstandard.dic: "f1f/ff=f,1,2" (schiffahrt -> schiff-fahrt, which
  // changes the spelling) and the standard "a1h".
  const auto h = Hyphenator::load(EMNPUB_TEST_DATA "/text/hyph_nonstandard.dic", 1, 1);
  EXPECT_EQ(show("schiffahrt", h->dictionary_points("schiffahrt")), "schiffa-hrt");
  EXPECT_EQ(show("fahrt", h->dictionary_points("fahrt")), "fa-hrt");
}

TEST(Hyphenator, UnencodableAndOddInput) {
  const auto nl = dict("nl");
  ASSERT_NE(nl, nullptr);
  // U+0133 (ĳ) is not in the ISO 8859-1 dictionary's alphabet: no points,
  // rather than a lookup of a mangled word.
  EXPECT_TRUE(nl->hyphenate("bi\u0133zonder").empty());
  EXPECT_TRUE(nl->hyphenate("").empty());
  EXPECT_TRUE(nl->hyphenate("verantwoor\xff\xfe"
                            "delijkheid")
                  .empty());  // ill-formed UTF-8
  EXPECT_EQ(classify_word("verantwoor\xff"
                          "delijkheid"),
            WordClass::NonLetter);
  // Very long words are fine (linear in the length).
  std::string long_word;
  for (int i = 0; i < 200; ++i) long_word += "verantwoordelijkheid";
  const auto pts = nl->hyphenate(long_word);
  EXPECT_GT(pts.size(), 500u);
  EXPECT_TRUE(std::is_sorted(pts.begin(), pts.end()));
}

TEST(HyphenatorCache, ResolvesLanguageTags) {
  HyphenatorCache c;
  EXPECT_EQ(std::filesystem::path(c.resolve("en")).filename(), "hyph_en.dic");
  EXPECT_EQ(std::filesystem::path(c.resolve("en_US")).filename(), "hyph_en_US.dic");
  EXPECT_EQ(std::filesystem::path(c.resolve("de-Latn-CH")).filename(), "hyph_de_CH.dic");
  EXPECT_EQ(std::filesystem::path(c.resolve("fr-FR")).filename(), "hyph_fr_FR.dic");
  EXPECT_EQ(c.get("xx"), nullptr);
  EXPECT_EQ(c.get("../../etc/passwd"), nullptr);
  EXPECT_EQ(c.get(""), nullptr);
  // One dictionary file, one Hyphenator, whatever the tag or symlink.
  EXPECT_EQ(c.get("fr"), c.get("fr-CA"));
  EXPECT_EQ(c.get("fr"), c.get("FR_be"));
  EXPECT_NE(c.get("fr"), c.get("nl"));

  // Fallbacks in a private directory: hyph_en_US.dic for en, then any
  // hyph_<lang>_*.dic.
  const auto dir = std::filesystem::temp_directory_path() / "emnpub_hyph_cache_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string src = EMNPUB_TEST_DATA "/text/hyph_nonstandard.dic";
  std::filesystem::copy_file(src, dir / "hyph_en_US.dic");
  std::filesystem::copy_file(src, dir / "hyph_pt_PT.dic");
  std::filesystem::copy_file(src, dir / "hyph_pt_BR.dic");
  HyphenatorCache local({dir.string()});
  EXPECT_EQ(std::filesystem::path(local.resolve("en-GB")).filename(), "hyph_en_US.dic");
  EXPECT_EQ(std::filesystem::path(local.resolve("pt")).filename(), "hyph_pt_BR.dic");
  EXPECT_EQ(std::filesystem::path(local.resolve("pt-PT")).filename(), "hyph_pt_PT.dic");
  EXPECT_EQ(local.get("nl"), nullptr);
  ASSERT_NE(local.get("pt"), nullptr);
  EXPECT_EQ(local.get("pt")->left_min(), 2);
  local.set_mins("en", {3, 4});
  ASSERT_NE(local.get("en"), nullptr);
  EXPECT_EQ(local.get("en")->right_min(), 4);
  // A dictionary that exists but cannot be read is an error, not "none".
  std::ofstream(dir / "hyph_zz.dic") << "NO-SUCH-CHARSET\nab1c\n";
  EXPECT_THROW(local.get("zz"), std::runtime_error);
  EXPECT_THROW(local.get("zz"), std::runtime_error);  // retried, not cached as "none"
  std::filesystem::remove_all(dir);
}

TEST(Hyphenator, ThreadSafe) {
  // Eight threads share the process cache (racing on first loads) and the
  // dictionaries; every result must equal the single-threaded one.
  // (German left out only for its load time; nl covers 8-bit dictionaries.)
  const std::vector<std::pair<std::string, std::string>> words = {
      {"en", "hyphenation"}, {"nl", "verantwoordelijkheid"}, {"fr", "Élection"},
      {"fr", "immigration"}, {"en", "information"},          {"nl", "zeeën"},
      {"nl", "IJsselmeer"},  {"fr", "développement"},
  };
  HyphenatorCache cache;  // fresh: the loads themselves race too
  std::vector<std::vector<size_t>> expected;
  for (const auto& [lang, w] : words) expected.push_back(dict(lang)->hyphenate(w));
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 300; ++round) {
        const size_t k = static_cast<size_t>(t + round) % words.size();
        const auto h = cache.get(words[k].first);
        if (!h || h->hyphenate(words[k].second) != expected[k])
          ++mismatches[static_cast<size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(mismatches[static_cast<size_t>(t)], 0) << "thread " << t;
}

}  // namespace
}  // namespace emnpub::text
