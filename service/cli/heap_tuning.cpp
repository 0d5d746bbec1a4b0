#include "cli/heap_tuning.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#include "common/helper_thread.hpp"

namespace emnpub::cli {

// Why: on virtual machines every 4 KiB page fault is a trap to the
// hypervisor (about 15 µs on the 2-core CI machine); a 1,000-page report
// touches some 140 MiB (36,000 small pages), and a 4-page inform faulted
// 1,100 times, a third of its run time.
// One 2 MiB huge page replaces 512 faults. glibc can do this itself
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1) but reads tunables only at exec
// time, so the heap is prepared here instead:
// - the heap grows by sbrk in one step of kReserve bytes of address space
//   (only pages touched count as memory), which is advised as huge-page
//   memory once, before it is used;
// - blocks up to 32 MiB (glibc's maximum) come from that heap rather than
//   from separate mmaps, which would fault page by page and be unmapped on
//   free;
// - the heap is not trimmed, so memory freed between layout passes is
//   reused rather than returned and faulted in again.
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

// glibc's HEAP_MAX_SIZE on 64-bit: each thread arena lives in a mapping of
// this size, aligned to it, grown with mprotect as the arena needs.
constexpr std::size_t kArenaHeap = std::size_t{64} << 20;

// Runs on a short-lived thread, whose first malloc creates an arena of its
// own: advises the arena's mapping as huge pages and takes its first 2 MiB
// out of use, as for the main heap (glibc wrote the arena's header there
// before the advice, so that block stays in small pages).
void prime_arena() {
  auto* volatile probe = static_cast<char*>(std::malloc(16 << 10));  // too big for tcache/fastbins
  if (!probe) return;
  std::free(probe);  // back into the arena's top
  const auto at = reinterpret_cast<std::uintptr_t>(probe);
  const auto base = at & ~(kArenaHeap - 1);
  if (base == 0 || at - base > kHugePage / 2) return;  // not a fresh thread arena
  if (madvise(reinterpret_cast<void*>(base), kArenaHeap, MADV_HUGEPAGE) != 0) return;
  // glibc makes an arena's memory writable (mprotect) only as it grows, and
  // a block faults in as a huge page only if it lies wholly inside the
  // writable part: grow it first. Freed, the block returns to the top, which
  // is never trimmed (M_TRIM_THRESHOLD); only its ends are touched.
  void* volatile grow = std::malloc(kArenaHeap / 2 - kHugePage);
  std::free(grow);
  const auto top = at - 2 * sizeof(std::size_t);
  void* volatile filler = std::malloc(base + kHugePage - top - 2 * sizeof(std::size_t));
  (void)filler;
}

// A render starts a few threads (schema, hyphenation patterns, page writer,
// paragraph lookahead, font subsetting). By default glibc gives each thread
// alive at the same time an arena of its own, whose pages fault in one by
// one, and each arena primed costs a huge page (zeroing 2 MiB, up to ~1 ms
// on this VM when the host must back fresh memory). So there are two
// arenas only (M_ARENA_MAX): the main heap and one thread arena, which the
// first helper thread creates with its first malloc and primes before its
// work (HelperThread::on_first_start); glibc keeps it on its free list
// when that thread ends, the next helper takes it from there, and a helper
// started while another holds it shares one of the two (glibc picks an
// uncontended one).
// Measured against three primed arenas (interleaved medians): a 4-page
// inform 0.7-2 ms faster in four comparisons; the long reports the same
// within this VM's noise, the 971-page one ~2 MiB smaller. The helpers
// seldom allocate at the same moment. Priming on the first helper rather
// than on a thread of its own that main() waits for: 0.6 ms less before
// the render starts, and no wait at all when that thread was slow to be
// scheduled (5-6 ms in one start of ten).
void prepare_thread_arena() {
  if (mallopt(M_ARENA_MAX, 2) != 1) return;
  HelperThread::on_first_start(prime_arena);
}

}  // namespace

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
  std::free(probe);
  auto* after = static_cast<char*>(sbrk(0));  // after free: it may trim a little
  mallopt(M_TOP_PAD, 0);  // later growth (beyond kReserve) in normal steps
  const auto start = (reinterpret_cast<std::uintptr_t>(before) + kHuge - 1) & ~(kHuge - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(after) & ~(kHuge - 1);
  if (end <= start + kHuge) return;
  madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
  // Only whole, aligned 2 MiB blocks become huge pages, and only if none of
  // their pages was touched before the advice. The heap starts wherever the
  // kernel put the program break, and growing it made malloc write its
  // top-chunk header into the first aligned block: a small document would
  // live entirely in small pages (500 faults, a third of its run time). The
  // probe was carved from the start of the free top, so a block from there
  // to the end of that first aligned block takes both stretches out of use.
  // It stays allocated: address space only, its pages are never touched.
  const auto top = reinterpret_cast<std::uintptr_t>(probe) - 2 * sizeof(std::size_t);
  void* volatile filler = std::malloc(start + kHuge - top - 2 * sizeof(std::size_t));
  (void)filler;
  prepare_thread_arena();
}

}  // namespace emnpub::cli
