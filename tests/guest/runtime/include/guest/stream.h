/* SPDX-License-Identifier: MIT */
/*
 * A reproducible byte stream for the console tests ("no lost bytes"): the
 * guest writes it through a console path, tests/guest/check-stream.py
 * regenerates it from the seed and compares what came out byte for byte.
 * xorshift32 (Marsaglia, "Xorshift RNGs", 2003: 13, 17, 5); each step gives
 * the state's top byte. The seed must not be 0.
 */
#ifndef GUEST_STREAM_H
#define GUEST_STREAM_H

#include <stddef.h>
#include <stdint.h>

static inline uint32_t stream_step(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

static inline void stream_fill(uint8_t *buf, size_t len, uint32_t seed)
{
	uint32_t state = seed;

	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)(stream_step(&state) >> 24);
}

/* CRC-32 (IEEE 802.3, reflected 0xedb88320), continued from `crc` (0 to start). */
static inline uint32_t stream_crc32(uint32_t crc, const uint8_t *p, size_t len)
{
	crc = ~crc;
	for (size_t i = 0; i < len; i++) {
		crc ^= p[i];
		for (unsigned int b = 0; b < 8; b++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
	}
	return ~crc;
}

#endif /* GUEST_STREAM_H */
