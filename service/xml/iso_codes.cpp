#include "xml/iso_codes.hpp"

#include <algorithm>

namespace emnpub::xml {

namespace {

// ISO 639-1, all 184 codes (source: Debian iso-codes, iso_639-2.json alpha_2).
constexpr std::string_view kIso639_1 =
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
    "hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb "
    "lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om "
    "or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw "
    "ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

// ISO 3166-1 alpha-2, all 249 codes, then EU (the Union), EL and UK (the
// EU's own codes for Greece and the United Kingdom) and XK (Kosovo).
constexpr std::string_view kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR "
    "BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ "
    "EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW "
    "GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY "
    "KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV "
    "MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY "
    "QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG "
    "TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM "
    "ZW EU EL UK XK";

// Tables are "xx xx xx": a two-letter code matches only at a word start.
bool in_table(std::string_view table, std::string_view code) {
  if (code.size() != 2) return false;
  for (std::size_t i = 0; i + 1 < table.size(); i += 3)
    if (table[i] == code[0] && table[i + 1] == code[1]) return true;
  return false;
}

}  // namespace

bool is_iso639_1(std::string_view code) { return in_table(kIso639_1, code); }
bool is_country_code(std::string_view code) { return in_table(kCountries, code); }

std::string primary_language(std::string_view tag) {
  std::string out(tag.substr(0, tag.find('-')));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string canonical_language_tag(std::string_view tag) {
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    const std::size_t end = std::min(tag.find('-', start), tag.size());
    std::string sub(tag.substr(start, end - start));
    for (char& c : sub)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool letters = !sub.empty() && std::all_of(sub.begin(), sub.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!first && sub.size() == 2 && letters) {
      for (char& c : sub) c = static_cast<char>(c - 'a' + 'A');
    } else if (!first && sub.size() == 4 && letters) {
      sub[0] = static_cast<char>(sub[0] - 'a' + 'A');
    }
    out += (first ? "" : "-") + sub;
    first = false;
    start = end + 1;
  }
  return out;
}

}  // namespace emnpub::xml
