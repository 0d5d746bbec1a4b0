// Process-wide malloc set-up for the render front door.
#pragma once

namespace emnpub::cli {

// Backs the main malloc heap, and the one thread arena the render's helper
// threads share (malloc is capped at two arenas), with transparent huge
// pages where the kernel offers them on request (THP mode "madvise"), and
// keeps freed memory for reuse instead of handing it back and faulting it in
// again. Call once, first thing in main(), before any thread starts. A no-op
// where not supported.
void use_huge_page_heap();

}  // namespace emnpub::cli
