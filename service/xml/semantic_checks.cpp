#include "xml/semantic_checks.hpp"

#include <unordered_map>
#include <vector>

#include "xml/calendar.hpp"
#include "xml/dom.hpp"
#include "xml/image_source.hpp"
#include "xml/iso_codes.hpp"
#include "xml/value_types.hpp"

namespace emnpub::xml {

namespace {

std::string quoted(std::string_view v) {
  std::string s(v.substr(0, 80));
  if (v.size() > 80) s += "...";
  return "\"" + s + "\"";
}

bool starts_with_nocase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_prefix[i]) return false;
  }
  return true;
}

class SemanticChecker {
 public:
  SemanticChecker(Reporter& report, Claimed& claimed) : report_(report), claimed_(claimed) {}

  void run(const xmlDoc* doc) {
    const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(doc));
    if (!root) return;
    check_version(root);
    check_body_matches_type(root);
    walk(root, false);
    check_references();
  }

 private:
  void error(const xmlNode* at, std::string message) {
    report_.error(DiagKind::Semantic, at, std::move(message));
  }

  void check_version(const xmlNode* root) {
    const auto version = attribute(root, "version");
    if (!version || collapse_token(*version) == "1") return;
    error(root, "unsupported version=" + quoted(*version) + ": this service reads version=\"1\" publications");
    claimed_.insert({root, "version"});
  }

  // The schema allows sections or entries in <body>; which one depends on
  // the type (see the comment in publication.rng).
  void check_body_matches_type(const xmlNode* root) {
    const bool glossary = collapse_token(attribute(root, "type").value_or("")) == "glossary";
    const xmlNode* body = child_element(root, "body");
    for (const xmlNode* c = body ? body->children : nullptr; c; c = c->next) {
      if (glossary && is_element(c, "section")) {
        error(c, "the <body> of a glossary holds <entry> elements, not <section>");
        return;
      }
      if (!glossary && is_element(c, "entry")) {
        error(c, "<entry> belongs in a glossary (type=\"glossary\"); the <body> of this publication holds "
                 "<section> elements");
        return;
      }
    }
  }

  // Depth is capped by the safe reader, so recursion is bounded.
  void walk(const xmlNode* e, bool inside_note) {
    if (e->ns) return;  // foreign elements are the schema's to report
    const std::string_view name = name_of(e);
    collect_id(e);
    check_lang(e);
    if (name == "note" && inside_note) error(e, "a <note> cannot contain another <note>");
    if (name == "ref") {
      if (auto t = attribute(e, "target")) refs_.push_back({e, collapse_token(*t)});
    } else if (name == "related") {
      if (auto t = attribute(e, "ref")) related_.push_back({e, collapse_token(*t)});
    } else if (name == "img") {
      check_image(e);
    } else if (name == "a") {
      check_link(e);
    } else if (name == "date" && is_element(e->parent, "meta")) {
      check_date(e, "", text_content(e));
    } else if (name == "period") {
      check_period(e);
    } else if (name == "item") {
      if (auto d = attribute(e, "date")) check_date(e, "date", *d);
      check_country(e);
    } else if (name == "title" && is_element(e->parent, "meta")) {
      if (is_blank(text_content(e))) error(e, "<meta> has an empty <title>: every publication needs a title");
    }
    for (const xmlNode* c = e->children; c; c = c->next)
      if (is_element(c)) walk(c, inside_note || name == "note");
  }

  void collect_id(const xmlNode* e) {
    const auto id = attribute(e, "id");
    if (!id) return;
    const std::string key = collapse_token(*id);
    if (key.empty()) return;
    auto [it, inserted] = ids_.try_emplace(key, e);
    if (inserted) return;
    const LineCol first = report_.map().start_of(it->second);
    error(e, "duplicate id " + quoted(key) + ": already used by <" + qualified_name(it->second) + "> on line " +
                 std::to_string(first.line));
  }

  void check_lang(const xmlNode* e) {
    const auto lang = attribute(e, "xml:lang");
    if (!lang) return;
    const std::string tag = collapse_token(*lang);
    if (!value_matches("lang.value", tag)) return;  // malformed: the schema reports it
    const std::string primary = primary_language(tag);
    if (is_iso639_1(primary)) return;
    error(e, "unknown language " + quoted(primary) + " in xml:lang=" + quoted(tag) +
                 ": the first part must be a two-letter ISO 639-1 code such as en, fr, nl or de");
    claimed_.insert({e, "xml:lang"});
  }

  // `attr` empty: the date is the element's text.
  bool check_date(const xmlNode* e, const std::string& attr, const std::string& value, CivilDate* out = nullptr) {
    if (!value_matches("date.value", value)) return false;  // not YYYY-MM-DD: the schema reports it
    CivilDate d;
    std::string why;
    if (parse_iso_date(value, d, why)) {
      if (out) *out = d;
      return true;
    }
    const std::string where = attr.empty() ? "<" + qualified_name(e) + ">" : attr + " on <" + qualified_name(e) + ">";
    error(e, "invalid date " + quoted(collapse_token(value)) + " in " + where + ": " + why);
    claimed_.insert({e, attr});
    return false;
  }

  void check_period(const xmlNode* e) {
    const auto from = attribute(e, "from"), to = attribute(e, "to");
    CivilDate a, b;
    const bool ok_from = from && check_date(e, "from", *from, &a);
    const bool ok_to = to && check_date(e, "to", *to, &b);
    if (ok_from && ok_to && b < a)
      error(e, "<period> ends (" + collapse_token(*to) + ") before it starts (" + collapse_token(*from) + ")");
  }

  void check_country(const xmlNode* e) {
    const auto country = attribute(e, "country");
    if (!country) return;
    const std::string code = collapse_token(*country);
    if (!value_matches("country.value", code) || is_country_code(code)) return;
    error(e, "unknown country code " + quoted(code) + " on <item>: use an ISO 3166 code such as BE, FR, DE, or EU");
    claimed_.insert({e, "country"});
  }

  void check_image(const xmlNode* e) {
    const auto src = attribute(e, "src");
    if (!src || src->empty()) return;  // missing or empty: the schema reports it
    const std::string why = check_image_source(*src);
    if (why.empty()) return;
    const std::string shown = is_data_uri(*src) ? std::string("data:...") : *src;
    error(e, "<img src=" + quoted(shown) + "> " + why);
    claimed_.insert({e, "src"});
  }

  void check_link(const xmlNode* e) {
    const auto href = attribute(e, "href");
    if (!href || href->empty()) return;
    const std::string h = collapse_token(*href);
    if (starts_with_nocase(h, "https://") || starts_with_nocase(h, "http://") || starts_with_nocase(h, "mailto:"))
      return;
    error(e, "<a href=" + quoted(h) + "> is not allowed: links must start with https://, http:// or mailto:");
    claimed_.insert({e, "href"});
  }

  void check_references() {
    for (const auto& [node, target] : refs_)
      if (!ids_.count(target))
        error(node, "<ref target='" + target + "'> points at no element with id '" + target + "'");
    for (const auto& [node, target] : related_) {
      auto it = ids_.find(target);
      if (it == ids_.end())
        error(node, "<related ref='" + target + "'> points at no glossary entry with id '" + target + "'");
      else if (!is_element(it->second, "entry"))
        error(node, "<related ref='" + target + "'> points at a <" + qualified_name(it->second) +
                        ">, not at a glossary <entry>");
    }
  }

  Reporter& report_;
  Claimed& claimed_;
  std::unordered_map<std::string, const xmlNode*> ids_;
  std::vector<std::pair<const xmlNode*, std::string>> refs_, related_;
};

}  // namespace

void run_semantic_checks(const xmlDoc* doc, Reporter& report, Claimed& claimed) {
  SemanticChecker(report, claimed).run(doc);
}

}  // namespace emnpub::xml
