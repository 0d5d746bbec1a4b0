#pragma once
// Owns the arrays hnj_hyphen_hyphenate2 allocates (with malloc) when a
// dictionary has non-standard points: `size` strings in `rep`, and the
// `pos` and `cut` arrays. Fill `size` with the word's length before the
// call; the destructor frees whatever libhyphen set.
#include <cstddef>
#include <cstdlib>

namespace emnpub::text {

struct HyphenRepArrays {
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  size_t size = 0;
  HyphenRepArrays() = default;
  HyphenRepArrays(const HyphenRepArrays&) = delete;
  HyphenRepArrays& operator=(const HyphenRepArrays&) = delete;
  ~HyphenRepArrays() {
    if (rep != nullptr)
      for (size_t i = 0; i < size; ++i) std::free(rep[i]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
};

}  // namespace emnpub::text
