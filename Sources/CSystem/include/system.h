#ifndef TRANSPARENCY_SYSTEM_H
#define TRANSPARENCY_SYSTEM_H

#include <pthread.h>

/// Swaps two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where unsupported).
int transparency_exchange_paths(const char *first, const char *second);

/// Writes the numbers of the processors this process may run on (at most `capacity`) and
/// returns how many there are; 0 where that can't be told.
int transparency_allowed_processors(int *processors, int capacity);

/// The processor the calling thread runs on now, or -1.
int transparency_current_processor(void);

/// Binds the calling thread to one processor. Returns 0 on success.
int transparency_bind_thread(int processor);

/// Starts a detached thread running `body(argument)`, bound from its start to `processor`
/// (where the system can; none when negative). Returns 0 on success.
int transparency_start_thread(void *(*body)(void *), void *argument, int processor);

#endif
