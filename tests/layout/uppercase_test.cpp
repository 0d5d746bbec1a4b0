// layout::to_upper: capitals by the language's rules; French ordinals keep
// their lower-case letters.
#include "layout/uppercase.hpp"

#include <gtest/gtest.h>

namespace emnpub::layout {
namespace {

TEST(Uppercase, FrenchOrdinalsKeepTheirLowerCaseLetters) {
  EXPECT_EQ(to_upper("1er octobre 2026", "fr"), "1er OCTOBRE 2026");
  EXPECT_EQ(to_upper("Bruxelles, le 1er octobre", "fr-BE"), "BRUXELLES, LE 1er OCTOBRE");
  EXPECT_EQ(to_upper("la 2e édition, la 1re fois", "fr"), "LA 2e ÉDITION, LA 1re FOIS");
  EXPECT_EQ(to_upper("les 3es assises, 2nd tour, 2nde lecture", "fr"), "LES 3es ASSISES, 2nd TOUR, 2nde LECTURE");
  EXPECT_EQ(to_upper("au XXIe siècle, sous la Ve République", "fr"), "AU XXIe SIÈCLE, SOUS LA Ve RÉPUBLIQUE");
  EXPECT_EQ(to_upper("1er.", "fr"), "1er.");
  // A no-break space after the ordinal, as French text often has.
  EXPECT_EQ(to_upper("le 1er\u00a0octobre", "fr"), "LE 1er\u00a0OCTOBRE");
}

TEST(Uppercase, AnOrdinalMaySpanTwoSpans) {
  // "1<sup>er</sup> octobre": the suffix span knows what precedes it.
  EXPECT_EQ(to_upper("er", "fr", "le 1"), "er");
  EXPECT_EQ(to_upper("e siècle", "fr", "au XXI"), "e SIÈCLE");
  EXPECT_EQ(to_upper("er", "fr", "Le"), "ER");  // "Leer" is no ordinal
  EXPECT_EQ(to_upper("le 1", "fr", "préambule "), "LE 1");
}

TEST(Uppercase, OnlyWholeOrdinalsAreKept) {
  // Words that look like a numeral and a suffix, and numbers followed by
  // more letters, are ordinary text.
  EXPECT_EQ(to_upper("Ce rapport, Le Monde, Me Dupont", "fr"), "CE RAPPORT, LE MONDE, ME DUPONT");
  EXPECT_EQ(to_upper("3ex A1e 12ème 10erreurs", "fr"), "3EX A1E 12ÈME 10ERREURS");
  EXPECT_EQ(to_upper("2eé é1er", "fr"), "2EÉ É1ER");  // letters outside ASCII count as letters
  EXPECT_EQ(to_upper("", "fr"), "");
  EXPECT_EQ(to_upper("1", "fr"), "1");
}

TEST(Uppercase, OtherLanguagesUseTheirOwnRules) {
  EXPECT_EQ(to_upper("1er octobre", "en"), "1ER OCTOBRE");  // French rule only for French
  EXPECT_EQ(to_upper("Straße", "de"), "STRASSE");
  EXPECT_EQ(to_upper("istanbul", "tr"), "İSTANBUL");
  EXPECT_EQ(to_upper("Αθήνα", "el"), "ΑΘΗΝΑ");  // Greek capitals drop the accent
}

}  // namespace
}  // namespace emnpub::layout
