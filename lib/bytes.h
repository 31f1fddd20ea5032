/* SPDX-License-Identifier: MIT */
/* Byte copies and zeroing for the library's own structs (lib/internal.h). */
#ifndef HYP_LIB_BYTES_H
#define HYP_LIB_BYTES_H

#include <stddef.h>

/*
 * No call the kernel must provide either: a struct copy or a large zeroing
 * may become a memcpy()/memset() call (GCC and Clang emit them even
 * freestanding), so copies and zeroing of structs go through these. The
 * empty asm hides the pointer from the optimizer, so the loop is never
 * turned back into such a call (-ftree-loop-distribute-patterns, Clang's
 * loop idiom recognition).
 */
static inline void hyp_copy_bytes(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	for (size_t i = 0; i < n; i++) {
		__asm__("" : "+r"(d));
		d[i] = s[i];
	}
}

static inline void hyp_zero_bytes(void *dst, size_t n)
{
	unsigned char *d = dst;

	for (size_t i = 0; i < n; i++) {
		__asm__("" : "+r"(d));
		d[i] = 0;
	}
}

#endif
