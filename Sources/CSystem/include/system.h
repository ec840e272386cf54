#ifndef TRANSPARENCY_SYSTEM_H
#define TRANSPARENCY_SYSTEM_H

/// Swaps two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where unsupported).
int transparency_exchange_paths(const char *first, const char *second);

/// Asks glibc's allocator to keep freed memory for reuse (see ProcessMemory.swift); does
/// nothing elsewhere.
void transparency_keep_freed_memory(void);

#endif
