#include "style/strings.hpp"

#include "style/lang_range.hpp"

#include <array>
#include <cstdlib>

namespace emnpub::style {

namespace {

struct Row { Text what; const char* en; const char* nl; const char* fr; const char* de; };

constexpr Row kRows[] = {
    {Text::Contents, "Contents", "Inhoud", "Table des matières", "Inhalt"},
    {Text::Page, "Page", "Pagina", "Page", "Seite"},
    {Text::PageOf, "of", "van", "sur", "von"},
    {Text::Table, "Table", "Tabel", "Tableau", "Tabelle"},
    {Text::Figure, "Figure", "Figuur", "Figure", "Abbildung"},
    {Text::Notes, "Notes", "Noten", "Notes", "Anmerkungen"},
    {Text::Summary, "Executive summary", "Samenvatting", "Résumé", "Zusammenfassung"},
    {Text::KeyPoints, "Key points", "Kernpunten", "Points clés", "Kernpunkte"},
    {Text::Annex, "Annex", "Bijlage", "Annexe", "Anhang"},
    {Text::See, "see", "zie", "voir", "siehe"},
    {Text::Section, "section", "punt", "section", "Abschnitt"},
    {Text::OnPage, "on page", "op pagina", "page", "auf Seite"},
    {Text::Disclaimer, "Disclaimer", "Disclaimer", "Avertissement", "Haftungsausschluss"},
    {Text::Contact, "Contact", "Contact", "Contact", "Kontakt"},
    {Text::Published, "Published", "Gepubliceerd", "Publié", "Veröffentlicht"},
    {Text::Period, "Period", "Periode", "Période", "Zeitraum"},
    {Text::Chapter, "Chapter", "Hoofdstuk", "Chapitre", "Kapitel"},
    {Text::Continued, "continued", "vervolg", "suite", "Fortsetzung"},
};

int lang_index(std::string_view lang) {
  if (lang_in_range(lang, "nl")) return 1;
  if (lang_in_range(lang, "fr")) return 2;
  if (lang_in_range(lang, "de")) return 3;
  return 0;
}

}  // namespace

std::string localized(Text what, std::string_view lang) {
  const int i = lang_index(lang);
  for (const auto& r : kRows)
    if (r.what == what) return i == 1 ? r.nl : i == 2 ? r.fr : i == 3 ? r.de : r.en;
  return {};
}

std::string reference_label(Text what, std::string_view lang) {
  std::string s = localized(what, lang);
  // French and Dutch write a common noun in lower case inside a sentence
  // ("voir le tableau 2", "zie tabel 2"); captions keep the capital. The
  // labels start with an ASCII letter.
  const int i = lang_index(lang);
  if ((i == 1 || i == 2) && !s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string on_page(std::string_view what, std::string_view page, std::string_view lang) {
  // French sets the page apart with a comma: "tableau 2, page 14".
  return std::string(what) + (lang_index(lang) == 2 ? ", " : " ") + localized(Text::OnPage, lang) + "\u00A0" +
         std::string(page);
}

std::string format_date(std::string_view iso, std::string_view lang) {
  static constexpr std::array<const char*, 12> en = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
  static constexpr std::array<const char*, 12> nl = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"};
  static constexpr std::array<const char*, 12> fr = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
  static constexpr std::array<const char*, 12> de = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"};
  if (iso.size() < 10) return std::string(iso);
  const int y = std::atoi(std::string(iso.substr(0, 4)).c_str());
  const int m = std::atoi(std::string(iso.substr(5, 2)).c_str());
  const int d = std::atoi(std::string(iso.substr(8, 2)).c_str());
  if (m < 1 || m > 12) return std::string(iso);
  const int i = lang_index(lang);
  const std::string day = std::to_string(d), year = std::to_string(y);
  switch (i) {
    case 1: return day + " " + nl[m - 1] + " " + year;
    case 2: return (d == 1 ? std::string("1er") : day) + " " + fr[m - 1] + " " + year;
    case 3: return day + ". " + de[m - 1] + " " + year;
    default: return day + " " + en[m - 1] + " " + year;
  }
}

}  // namespace emnpub::style
