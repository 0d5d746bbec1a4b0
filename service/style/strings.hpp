#pragma once
// Fixed strings the layout adds ("Contents", "Page 3 of 12", "Table 2"),
// in nl, fr, en and de; other languages fall back to English.
#include <string>
#include <string_view>

namespace emnpub::style {

enum class Text {
  Contents, Page, PageOf, Table, Figure, Notes, Summary, KeyPoints, Annex, See, Section,
  OnPage, Disclaimer, Contact, Published, Period, Chapter, Continued,
};

std::string localized(Text what, std::string_view lang);

// The label as a cross-reference writes it inside a sentence: "Table" in
// English and German, "tableau" in French and "tabel" in Dutch (captions
// use localized()). No article: the author writes it ("voir le <ref/>").
std::string reference_label(Text what, std::string_view lang);

// What a cross-reference names, with its page: "Table 2 on page 14",
// "tableau 2, page 14", "tabel 2 op pagina 14", "Tabelle 2 auf Seite 14".
std::string on_page(std::string_view what, std::string_view page, std::string_view lang);

// "31 March 2026" / "31 maart 2026" / "31 mars 2026" / "31. März 2026".
std::string format_date(std::string_view iso, std::string_view lang);

}  // namespace emnpub::style
