#ifndef VARSYN_SCAN_H
#define VARSYN_SCAN_H
/* Byte classification of 32 bytes at a time for the mention scanner's start filter (StartFilter.swift).
 * Each function reads the 32 bytes at p (varsyn_scan_to32: 34) and returns a mask, bit i for byte p[i].
 * SSE2 (baseline on x86_64): byte compares and pmovmskb; elsewhere a portable scalar loop gives the same masks. */
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__SSE2__)
static inline __m128i varsyn_scan_load(const uint8_t *p) { return _mm_loadu_si128((const __m128i *)(const void *)p); }
static inline uint32_t varsyn_scan_bits(__m128i low, __m128i high) {
    return (uint32_t)_mm_movemask_epi8(low) | ((uint32_t)_mm_movemask_epi8(high) << 16);
}
/* Bytes equal to b (b as a signed byte). */
static inline __m128i varsyn_scan_eq(__m128i x, uint8_t b) { return _mm_cmpeq_epi8(x, _mm_set1_epi8((char)b)); }
/* ASCII letters: (x | 0x20) in 'a'...'z' (signed compares: bytes >= 0x80 are negative, never letters). */
static inline __m128i varsyn_scan_letters16(__m128i x) {
    __m128i f = _mm_or_si128(x, _mm_set1_epi8(0x20));
    return _mm_and_si128(_mm_cmpgt_epi8(f, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(f, _mm_set1_epi8('z' + 1)));
}
static inline __m128i varsyn_scan_digits16(__m128i x) {
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
}
#endif

static inline int varsyn_scan_is_letter(uint8_t b) { return (uint8_t)((b | 0x20) - 'a') < 26; }
static inline int varsyn_scan_is_digit(uint8_t b) { return (uint8_t)(b - '0') < 10; }

/// ASCII letters.
static inline uint32_t varsyn_scan_letters32(const uint8_t *p) {
#if defined(__SSE2__)
    return varsyn_scan_bits(varsyn_scan_letters16(varsyn_scan_load(p)), varsyn_scan_letters16(varsyn_scan_load(p + 16)));
#else
    uint32_t m = 0;
    for (int i = 0; i < 32; i++) m |= (uint32_t)varsyn_scan_is_letter(p[i]) << i;
    return m;
#endif
}

/// ASCII digits.
static inline uint32_t varsyn_scan_digits32(const uint8_t *p) {
#if defined(__SSE2__)
    return varsyn_scan_bits(varsyn_scan_digits16(varsyn_scan_load(p)), varsyn_scan_digits16(varsyn_scan_load(p + 16)));
#else
    uint32_t m = 0;
    for (int i = 0; i < 32; i++) m |= (uint32_t)varsyn_scan_is_digit(p[i]) << i;
    return m;
#endif
}

/// Bytes >= 0x80 (non-ASCII: UTF-8 lead and continuation bytes).
static inline uint32_t varsyn_scan_high32(const uint8_t *p) {
#if defined(__SSE2__)
    return varsyn_scan_bits(varsyn_scan_load(p), varsyn_scan_load(p + 16));
#else
    uint32_t m = 0;
    for (int i = 0; i < 32; i++) m |= (uint32_t)(p[i] >> 7) << i;
    return m;
#endif
}

/// Bytes equal to b.
static inline uint32_t varsyn_scan_equal32(const uint8_t *p, uint8_t b) {
#if defined(__SSE2__)
    return varsyn_scan_bits(varsyn_scan_eq(varsyn_scan_load(p), b), varsyn_scan_eq(varsyn_scan_load(p + 16), b));
#else
    uint32_t m = 0;
    for (int i = 0; i < 32; i++) m |= (uint32_t)(p[i] == b) << i;
    return m;
#endif
}

/// Bytes equal to b (a lower-case letter) in either case.
static inline uint32_t varsyn_scan_folded_equal32(const uint8_t *p, uint8_t b) {
#if defined(__SSE2__)
    __m128i fold = _mm_set1_epi8(0x20);
    return varsyn_scan_bits(varsyn_scan_eq(_mm_or_si128(varsyn_scan_load(p), fold), b),
                            varsyn_scan_eq(_mm_or_si128(varsyn_scan_load(p + 16), fold), b));
#else
    uint32_t m = 0;
    for (int i = 0; i < 32; i++) m |= (uint32_t)((p[i] | 0x20) == b) << i;
    return m;
#endif
}

/// Bytes equal to a, b, c or d.
static inline uint32_t varsyn_scan_any4_32(const uint8_t *p, uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
#if defined(__SSE2__)
    __m128i x0 = varsyn_scan_load(p), x1 = varsyn_scan_load(p + 16);
    __m128i m0 = _mm_or_si128(_mm_or_si128(varsyn_scan_eq(x0, a), varsyn_scan_eq(x0, b)),
                              _mm_or_si128(varsyn_scan_eq(x0, c), varsyn_scan_eq(x0, d)));
    __m128i m1 = _mm_or_si128(_mm_or_si128(varsyn_scan_eq(x1, a), varsyn_scan_eq(x1, b)),
                              _mm_or_si128(varsyn_scan_eq(x1, c), varsyn_scan_eq(x1, d)));
    return varsyn_scan_bits(m0, m1);
#else
    uint32_t m = 0;
    for (int i = 0; i < 32; i++) m |= (uint32_t)(p[i] == a || p[i] == b || p[i] == c || p[i] == d) << i;
    return m;
#endif
}

/// Bytes that may be a trigger of the start filter: a digit, '>', '/', or any byte >= 0x80 (checked by the caller).
static inline uint32_t varsyn_scan_maybe_triggers32(const uint8_t *p) {
#if defined(__SSE2__)
    __m128i x0 = varsyn_scan_load(p), x1 = varsyn_scan_load(p + 16);
    __m128i m0 = _mm_or_si128(varsyn_scan_digits16(x0), _mm_or_si128(varsyn_scan_eq(x0, '>'), varsyn_scan_eq(x0, '/')));
    __m128i m1 = _mm_or_si128(varsyn_scan_digits16(x1), _mm_or_si128(varsyn_scan_eq(x1, '>'), varsyn_scan_eq(x1, '/')));
    return varsyn_scan_bits(_mm_or_si128(m0, x0), _mm_or_si128(m1, x1));
#else
    uint32_t m = 0;
    for (int i = 0; i < 32; i++)
        m |= (uint32_t)(varsyn_scan_is_digit(p[i]) || p[i] == '>' || p[i] == '/' || p[i] >= 0x80) << i;
    return m;
#endif
}

/// Bytes i where p[i...i+2] is " to" (reads 34 bytes; the caller checks the byte after "to").
static inline uint32_t varsyn_scan_to32(const uint8_t *p) {
#if defined(__SSE2__)
    __m128i m0 = _mm_and_si128(_mm_and_si128(varsyn_scan_eq(varsyn_scan_load(p), ' '),
                                             varsyn_scan_eq(varsyn_scan_load(p + 1), 't')),
                               varsyn_scan_eq(varsyn_scan_load(p + 2), 'o'));
    __m128i m1 = _mm_and_si128(_mm_and_si128(varsyn_scan_eq(varsyn_scan_load(p + 16), ' '),
                                             varsyn_scan_eq(varsyn_scan_load(p + 17), 't')),
                               varsyn_scan_eq(varsyn_scan_load(p + 18), 'o'));
    return varsyn_scan_bits(m0, m1);
#else
    uint32_t m = 0;
    for (int i = 0; i < 32; i++) m |= (uint32_t)(p[i] == ' ' && p[i + 1] == 't' && p[i + 2] == 'o') << i;
    return m;
#endif
}

#endif
