#pragma once
// What the paragraph-setting tests share: the project's fonts and the
// installed hyphenation dictionaries, a setter with its own shaping cache,
// a one-span paragraph in Noto Serif, and what a set line says (its text,
// where its ink lies).
#include <algorithm>
#include <cstdint>
#include <string>

#include "text/font_manifest.hpp"
#include "text/font_registry.hpp"
#include "text/hyphenator.hpp"
#include "text/paragraph_setter.hpp"
#include "text/shaper.hpp"

namespace emnpub::text::testing_support {

struct TextEnv {
  FontRegistry fonts{read_font_manifest(std::string(EMNPUB_SOURCE_DIR) + "/fonts/fonts.xml")};
  HyphenatorCache hyphenators;
};

// A setter with a shaping cache of its own, as each thread has.
struct SetterWithCache {
  Shaper shaper;
  ParagraphSetter setter;
  explicit SetterWithCache(TextEnv& env) : setter(env.fonts, env.hyphenators, shaper) {}
};

// The fonts, the dictionaries and one setter: what a test that sets
// paragraphs on one thread needs.
struct OneSetter {
  TextEnv env;
  SetterWithCache own{env};
  ParagraphSetter& setter = own.setter;
};

// A set line's text, without the space drawn at its end.
inline std::string line_text(const SetLine& line) {
  std::string s;
  for (const GlyphRun& r : line.runs) s += r.text;
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// Where a line's ink starts and ends, relative to the line (the space
// drawn at its end does not count).
struct LineInk {
  Fixed begin = INT64_MAX, end = INT64_MIN;
};
inline LineInk line_ink(const SetLine& line) {
  LineInk ink;
  for (const GlyphRun& r : line.runs)
    for (size_t g = 0; g < r.glyphs.size(); ++g) {
      if (g + 1 == r.glyphs.size() && !r.text.empty() && r.text.back() == ' ') continue;
      ink.begin = std::min<Fixed>(ink.begin, r.x + r.glyphs[g].x);
      ink.end = std::max<Fixed>(ink.end, r.x + r.glyphs[g].x + r.glyphs[g].advance);
    }
  return ink;
}

inline ParagraphSpec paragraph_of(const std::string& text, Fixed width, const std::string& lang,
                                  bool hyphenate) {
  ParagraphSpec spec;
  TextSpan span;
  span.text = text;
  span.style.family = "Noto Serif";
  span.style.lang = lang;
  span.style.hyphenate = hyphenate;
  spec.spans.push_back(span);
  spec.width = width;
  return spec;
}

}  // namespace emnpub::text::testing_support
