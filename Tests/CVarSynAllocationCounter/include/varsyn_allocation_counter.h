#ifndef VARSYN_ALLOCATION_COUNTER_H
#define VARSYN_ALLOCATION_COUNTER_H
/// Test helper: counts malloc calls made by the current thread while counting is on.
/// The test binary's `malloc` forwards to glibc's `__libc_malloc`; nothing else changes.
void varsyn_allocation_counting_begin(void);
/// Stops counting and returns the number of malloc calls since `begin` on this thread.
unsigned long varsyn_allocation_counting_end(void);
#endif
