#pragma once
// The ToUnicode CMap of an Identity-H font: 2-byte codes (= glyph ids) to
// UTF-16BE text, compacted into bfrange runs where glyph ids and single code
// points both ascend by one.
#include <cstdint>
#include <map>
#include <string>

namespace emnpub::pdf {

// gid -> text; entries with empty text are skipped (a CMap cannot say "nothing").
std::string build_to_unicode_cmap(const std::map<uint32_t, std::u32string>& mapping);

}  // namespace emnpub::pdf
