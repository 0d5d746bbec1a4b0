// Fixed words the layout writes: captions keep a capital, a cross-reference
// reads as part of the sentence around it.
#include <gtest/gtest.h>

#include "style/strings.hpp"

namespace emnpub::style {
namespace {

TEST(ReferenceLabel, FrenchAndDutchReferencesAreLowerCaseWithoutAnArticle) {
  EXPECT_EQ(reference_label(Text::Table, "fr"), "tableau");
  EXPECT_EQ(reference_label(Text::Section, "fr-BE"), "section");
  EXPECT_EQ(reference_label(Text::Figure, "fr"), "figure");
  EXPECT_EQ(reference_label(Text::Annex, "fr"), "annexe");
  EXPECT_EQ(reference_label(Text::Table, "nl"), "tabel");
  EXPECT_EQ(reference_label(Text::Figure, "nl-BE"), "figuur");
  EXPECT_EQ(reference_label(Text::Annex, "nl"), "bijlage");
}

TEST(ReferenceLabel, EnglishAndGermanKeepTheirCapitals) {
  EXPECT_EQ(reference_label(Text::Table, "en"), "Table");
  EXPECT_EQ(reference_label(Text::Section, "en"), "section");
  EXPECT_EQ(reference_label(Text::Table, "de"), "Tabelle");
  EXPECT_EQ(reference_label(Text::Section, "de"), "Abschnitt");
  EXPECT_EQ(reference_label(Text::Table, "el"), "Table");  // other languages: English
}

TEST(ReferenceLabel, CaptionsKeepTheCapital) {
  EXPECT_EQ(localized(Text::Table, "fr"), "Tableau");
  EXPECT_EQ(localized(Text::Table, "nl"), "Tabel");
  EXPECT_EQ(localized(Text::Figure, "nl"), "Figuur");
}

}  // namespace
}  // namespace emnpub::style
