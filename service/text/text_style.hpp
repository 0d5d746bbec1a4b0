#pragma once
// What the text stage needs to know about a run of text: resolved by style/,
// consumed here. Plain values.
#include <string>

#include "common/color.hpp"
#include "common/source_pos.hpp"
#include "common/units.hpp"

namespace emnpub::text {

enum class BaseDir { Auto, Ltr, Rtl };
enum class Align { Justify, Start, End, Left, Right, Center };

struct SpanStyle {
  std::string family = "Noto Sans";
  int weight = 400;
  bool italic = false;
  Fixed size = 10 * kPt;
  Color color;
  std::string lang = "en";
  std::string features;        // OpenType features, e.g. "tnum,onum"
  bool hyphenate = true;
  Fixed baseline_shift = 0;    // positive = raised (superscript)
};

// A run of logical text with one style. `anchor` is an opaque id of the
// caller's (a link, a footnote mark); set lines report where each anchor
// landed so layout can place link areas and footnotes.
struct TextSpan {
  std::string text;            // UTF-8; U+2028 forces a line break (<br/>)
  SpanStyle style;
  int anchor = -1;
  SourcePos pos;
};

}  // namespace emnpub::text
