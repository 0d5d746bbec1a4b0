#include "text/itemizer.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <memory>

namespace emnpub::text {

uint32_t next_codepoint(const std::string& s, size_t& i) {
  UChar32 c = 0;
  int32_t idx = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), idx, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(idx);
  return c < 0 ? 0xFFFD : static_cast<uint32_t>(c);
}

namespace {

struct UBiDiDeleter { void operator()(UBiDi* b) const { ubidi_close(b); } };

// Characters that belong to the preceding grapheme: marks, joiners,
// variation selectors. They must share the base character's font.
bool extends_cluster(uint32_t cp) {
  if (cp < 0x300) return false;  // no marks or joiners before the combining diacritics
  if (cp == 0x200C || cp == 0x200D) return true;
  if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) return true;
  const int8_t gc = u_charType(static_cast<UChar32>(cp));
  return gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK;
}

// Default-ignorable characters need no glyph of their own.
bool ignorable(uint32_t cp) {
  if (cp < 0xAD) return false;  // none in ASCII and Latin-1 before the soft hyphen
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         cp == 0x2028 || cp == 0x00AD;
}

}  // namespace

Itemized itemize(const std::string& text, const std::vector<SpanRange>& ranges,
                 const std::vector<TextSpan>& spans, BaseDir dir, const FontRegistry& fonts) {
  Itemized out;
  // Code points with their byte offsets.
  struct Cp { uint32_t cp; size_t byte; };
  std::vector<Cp> cps;
  cps.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const auto b = static_cast<unsigned char>(text[i]);
    const uint32_t cp = b < 0x80 ? (++i, b) : next_codepoint(text, i);
    cps.push_back({cp, at});
  }
  if (cps.empty()) return out;

  // Bidi levels. Text with no right-to-left character and no bidi control
  // in a left-to-right or automatic paragraph is all level 0: ICU's
  // algorithm is skipped for it (most paragraphs).
  std::vector<uint8_t> level(cps.size(), 0);
  bool plain_ltr = dir != BaseDir::Rtl;
  for (size_t k = 0; plain_ltr && k < cps.size(); ++k) {
    const uint32_t c = cps[k].cp;
    if (c < 0x590) continue;
    const UCharDirection d = u_charDirection(static_cast<UChar32>(c));
    plain_ltr = !(d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC || d == U_ARABIC_NUMBER ||
                  d == U_LEFT_TO_RIGHT_EMBEDDING || d == U_LEFT_TO_RIGHT_OVERRIDE ||
                  d == U_RIGHT_TO_LEFT_EMBEDDING || d == U_RIGHT_TO_LEFT_OVERRIDE ||
                  d == U_POP_DIRECTIONAL_FORMAT || d == U_LEFT_TO_RIGHT_ISOLATE ||
                  d == U_RIGHT_TO_LEFT_ISOLATE || d == U_FIRST_STRONG_ISOLATE ||
                  d == U_POP_DIRECTIONAL_ISOLATE);
  }
  if (!plain_ltr) {
    // UTF-16 for ICU, and where each code point starts in it.
    std::u16string u16;
    std::vector<int32_t> u16_at(cps.size());
    for (size_t k = 0; k < cps.size(); ++k) {
      const uint32_t cp = cps[k].cp;
      u16_at[k] = static_cast<int32_t>(u16.size());
      if (cp > 0xFFFF) {
        u16.push_back(static_cast<char16_t>(0xD7C0 + (cp >> 10)));
        u16.push_back(static_cast<char16_t>(0xDC00 | (cp & 0x3FF)));
      } else {
        u16.push_back(static_cast<char16_t>(cp));
      }
    }
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, UBiDiDeleter> bidi(ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &err));
    UBiDiLevel para = dir == BaseDir::Rtl ? 1 : dir == BaseDir::Ltr ? 0 : UBIDI_DEFAULT_LTR;
    ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(u16.data()),
                  static_cast<int32_t>(u16.size()), para, nullptr, &err);
    if (U_SUCCESS(err)) {
      const UBiDiLevel* lv = ubidi_getLevels(bidi.get(), &err);
      if (U_SUCCESS(err) && lv)
        for (size_t k = 0; k < cps.size(); ++k) level[k] = lv[u16_at[k]];
      out.paragraph_level = ubidi_getParaLevel(bidi.get());
    }
  }

  // Scripts: common and inherited characters join their neighbours (the
  // preceding real script, or the following one at the start).
  hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
  std::vector<hb_script_t> own_script(cps.size());  // each character's own, for the faces below
  std::vector<hb_script_t> script(cps.size());
  hb_script_t last = HB_SCRIPT_INVALID;
  for (size_t k = 0; k < cps.size(); ++k) {
    const uint32_t c = cps[k].cp;
    // ASCII without a call: letters are Latin, the rest Common.
    hb_script_t s = c < 0x80 ? (((c | 0x20) - 'a') < 26 ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON)
                             : hb_unicode_script(uf, c);
    own_script[k] = s;
    if (s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN) s = last;
    script[k] = s;
    if (s != HB_SCRIPT_INVALID) last = s;
  }
  hb_script_t next = HB_SCRIPT_LATIN;
  for (size_t k = cps.size(); k-- > 0;) {
    if (script[k] == HB_SCRIPT_INVALID) script[k] = next;
    else next = script[k];
  }

  // Span index per code point.
  std::vector<size_t> span_of(cps.size(), 0);
  {
    size_t s = 0;
    for (size_t k = 0; k < cps.size(); ++k) {
      while (s + 1 < ranges.size() && cps[k].byte >= ranges[s].end) ++s;
      span_of[k] = s;
    }
  }

  // Faces per grapheme cluster, through the fallback chain. The chain and
  // its faces are looked up once per span and script, not per cluster:
  // faces are still loaded only when a cluster needs them.
  struct Chain {
    size_t span;
    hb_script_t script;
    std::vector<std::string> families;
    std::vector<char> present;   // per family: the manifest has it (asked once, not per letter)
    std::vector<FontRef> faces;  // per family; null until needed
  };
  std::vector<Chain> chains;
  auto chain_for = [&](size_t span, hb_script_t sc) -> Chain& {
    for (Chain& c : chains)
      if (c.span == span && c.script == sc) return c;
    Chain c{span, sc, fonts.chain(spans[span].style.family, sc), {}, {}};
    for (const auto& fam : c.families) c.present.push_back(fonts.has_family(fam) ? 1 : 0);
    c.faces.resize(c.families.size());
    chains.push_back(std::move(c));
    return chains.back();
  };
  // Per code point a plain pointer: copying shared pointers per character
  // costs an atomic count each once the process has a second thread. The
  // faces are held by `held` (and the registry) while the runs are made.
  std::vector<const FontFace*> face(cps.size(), nullptr);
  std::vector<FontRef> held;
  const FontFace* prev_face = nullptr;
  for (size_t k = 0; k < cps.size();) {
    size_t e = k + 1;
    while (e < cps.size() && extends_cluster(cps[e].cp) && span_of[e] == span_of[k]) ++e;
    const SpanStyle& st = spans[span_of[k]].style;
    auto covers = [&](const FontFace* f) {
      for (size_t j = k; j < e; ++j)
        if (!ignorable(cps[j].cp) && !f->has_codepoint(cps[j].cp)) return false;
      return true;
    };
    auto hold = [&](const FontRef& f) {
      for (const auto& h : held)
        if (h == f) return h.get();
      held.push_back(f);
      return f.get();
    };
    const FontFace* chosen = nullptr;
    const hb_script_t cs = own_script[k];
    // Neutral characters (spaces, digits, punctuation) stay in the face of
    // their neighbour when it has them, so runs are not cut needlessly.
    if (prev_face && (cs == HB_SCRIPT_COMMON || cs == HB_SCRIPT_INHERITED) &&
        span_of[k] == span_of[k > 0 ? k - 1 : 0] && covers(prev_face))
      chosen = prev_face;
    Chain* chain = nullptr;
    if (!chosen) {
      chain = &chain_for(span_of[k], script[k]);
      for (size_t c = 0; c < chain->families.size(); ++c) {
        const std::string& fam = chain->families[c];
        if (!chain->present[c]) continue;
        if (!chain->faces[c]) chain->faces[c] = fonts.face({fam, st.weight, st.italic});
        if (covers(chain->faces[c].get())) { chosen = hold(chain->faces[c]); break; }
      }
    }
    if (!chosen) {
      chosen = hold(fonts.face({st.family, st.weight, st.italic}));
      for (size_t j = k; j < e; ++j)
        if (!ignorable(cps[j].cp))
          out.missing.push_back({cps[j].cp, span_of[k], cps[j].byte, chain ? chain->families : std::vector<std::string>{}});
    }
    for (size_t j = k; j < e; ++j) face[j] = chosen;
    prev_face = chosen;
    k = e;
  }

  // Runs of equal attributes.
  for (size_t k = 0; k < cps.size();) {
    size_t e = k + 1;
    while (e < cps.size() && span_of[e] == span_of[k] && face[e] == face[k] &&
           script[e] == script[k] && level[e] == level[k])
      ++e;
    ItemRun r;
    r.begin = cps[k].byte;
    r.end = e < cps.size() ? cps[e].byte : text.size();
    r.span = span_of[k];
    for (const auto& h : held)
      if (h.get() == face[k]) r.face = h;
    r.script = script[k];
    r.level = level[k];
    out.runs.push_back(std::move(r));
    k = e;
  }
  return out;
}

}  // namespace emnpub::text
