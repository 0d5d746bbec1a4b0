#include "cli/heap_tuning.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace emnpub::cli {

// Why: on virtual machines every 4 KiB page fault is a trap to the
// hypervisor (about 15 µs on the 2-core CI machine); rendering a 1,000-page
// report touches some 270 MiB, so faults alone cost more than the layout.
// One 2 MiB huge page replaces 512 faults. glibc can do this itself
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1) but reads tunables only at exec
// time, so the heap is prepared here instead:
// - the heap grows by sbrk in one step of kReserve bytes of address space
//   (only pages touched count as memory), which is advised as huge-page
//   memory once, before it is used;
// - blocks up to 32 MiB (glibc's maximum) come from that heap rather than from separate
//   mmaps, which would fault page by page and be unmapped on free;
// - the heap is not trimmed, so memory freed between layout passes is
//   reused rather than returned and faulted in again.
void use_huge_page_heap() {
  if (const char* e = std::getenv("EMNPUB_PLAIN_HEAP"); e && *e) return;  // for comparisons (bench.sh)
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  constexpr std::size_t kReserve = std::size_t{1} << 30;
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1) return;
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kReserve));
  mallopt(M_TOP_PAD, static_cast<int>(kReserve - kHuge));
  auto* before = static_cast<char*>(sbrk(0));
  // A block larger than the heap's free top makes malloc grow the heap
  // now, by the block plus the top pad.
  // (volatile: a malloc/free pair with nothing between may be optimised out)
  auto* volatile probe = static_cast<char*>(std::malloc(kHuge));
  auto* after = static_cast<char*>(sbrk(0));
  std::free(probe);
  mallopt(M_TOP_PAD, 0);  // later growth (beyond kReserve) in normal steps
  const auto start = (reinterpret_cast<std::uintptr_t>(before) + kHuge - 1) & ~(kHuge - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(after) & ~(kHuge - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
}

}  // namespace emnpub::cli
