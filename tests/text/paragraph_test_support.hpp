#pragma once
// What the paragraph-setting tests share: the project's fonts and the
// installed hyphenation dictionaries, a setter with its own shaping cache,
// and a one-span paragraph in Noto Serif.
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
