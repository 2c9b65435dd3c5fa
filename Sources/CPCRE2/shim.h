#ifndef VARSYN_CPCRE2_SHIM_H
#define VARSYN_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Macros Swift cannot import (casts of ~0), as inline functions. */

/// PCRE2_UNSET: the value an ovector slot holds for a group that did not take part in the match.
static inline PCRE2_SIZE varsyn_pcre2_unset(void) { return PCRE2_UNSET; }

/// PCRE2_ZERO_TERMINATED: pattern length meaning "read up to the NUL".
static inline PCRE2_SIZE varsyn_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }

#endif
