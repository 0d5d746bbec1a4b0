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

TEST(ReferenceLabel, ThePageFollowsInEachLanguagesWay) {
  EXPECT_EQ(on_page("Table\u00A02", "14", "en"), "Table\u00A02 on page\u00A014");
  EXPECT_EQ(on_page("tableau\u00A02", "14", "fr-BE"), "tableau\u00A02, page\u00A014");
  EXPECT_EQ(on_page("tabel\u00A02", "14", "nl"), "tabel\u00A02 op pagina\u00A014");
  EXPECT_EQ(on_page("Tabelle\u00A02", "14", "de"), "Tabelle\u00A02 auf Seite\u00A014");
}

}  // namespace
}  // namespace emnpub::style
