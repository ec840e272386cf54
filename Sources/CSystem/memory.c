#include "system.h"
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void transparency_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // Blocks up to 32 MiB come from the heap, and up to 256 MiB of free heap is kept (setting
    // either turns off glibc's own adjustment of both, so both are set).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
