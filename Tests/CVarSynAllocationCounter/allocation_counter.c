// Counts heap allocations per thread so tests can assert that table lookups allocate nothing.
// Swift's runtime allocates through malloc (swift_slowAlloc), so counting malloc covers Swift objects, arrays
// and strings. glibc only: other platforms get a no-op counter.
#include "varsyn_allocation_counter.h"
#include <stddef.h>
#if defined(__linux__)
#include <features.h>
#endif

#if defined(__linux__) && defined(__GLIBC__)
extern void *__libc_malloc(size_t size);

static __thread int counting;
static __thread unsigned long count;

void *malloc(size_t size) {
    if (counting) count++;
    return __libc_malloc(size);
}

void varsyn_allocation_counting_begin(void) {
    count = 0;
    counting = 1;
}

unsigned long varsyn_allocation_counting_end(void) {
    counting = 0;
    return count;
}
#else
void varsyn_allocation_counting_begin(void) {}
unsigned long varsyn_allocation_counting_end(void) { return 0; }
#endif
