#include "pdf/to_unicode_cmap.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <vector>

#include "pdf/unicode_text.hpp"

namespace emnpub::pdf {

namespace {

constexpr size_t kMaxEntriesPerBlock = 100;  // PDF/PostScript CMap limit

struct Range {
  uint32_t first_gid, last_gid;
  char32_t first_cp;
};

struct Single {
  uint32_t gid;
  std::u32string text;
};

void append_gid(std::string& out, uint32_t gid) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "<%04X>", gid);
  out += buf;
}

bool is_single_bmp(const std::u32string& t) { return t.size() == 1 && t[0] < 0x10000; }

}  // namespace

std::string build_to_unicode_cmap(const std::map<uint32_t, std::u32string>& mapping) {
  std::vector<Range> ranges;
  std::vector<Single> singles;
  // A bfrange increments only the last byte of source and destination, so a
  // run must stay within one high byte of both the gid and the code point.
  for (auto it = mapping.begin(); it != mapping.end();) {
    if (it->second.empty()) {
      ++it;
      continue;
    }
    auto run_end = std::next(it);
    if (is_single_bmp(it->second)) {
      uint32_t gid = it->first;
      char32_t cp = it->second[0];
      while (run_end != mapping.end() && run_end->first == gid + 1 && (gid & 0xFF) != 0xFF &&
             is_single_bmp(run_end->second) && run_end->second[0] == cp + 1 &&
             (cp & 0xFF) != 0xFF) {
        ++gid;
        ++cp;
        ++run_end;
      }
      if (gid != it->first) {
        ranges.push_back({it->first, gid, it->second[0]});
        it = run_end;
        continue;
      }
    }
    singles.push_back({it->first, it->second});
    it = std::next(it);
  }

  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  for (size_t i = 0; i < singles.size(); i += kMaxEntriesPerBlock) {
    const size_t n = std::min(kMaxEntriesPerBlock, singles.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      append_gid(out, singles[k].gid);
      out += " <";
      out += utf16be_hex(singles[k].text);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  for (size_t i = 0; i < ranges.size(); i += kMaxEntriesPerBlock) {
    const size_t n = std::min(kMaxEntriesPerBlock, ranges.size() - i);
    out += std::to_string(n) + " beginbfrange\n";
    for (size_t k = i; k < i + n; ++k) {
      append_gid(out, ranges[k].first_gid);
      out += ' ';
      append_gid(out, ranges[k].last_gid);
      out += " <";
      append_utf16be_hex(out, ranges[k].first_cp);
      out += ">\n";
    }
    out += "endbfrange\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace emnpub::pdf
