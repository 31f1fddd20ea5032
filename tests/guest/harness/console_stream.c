/* SPDX-License-Identifier: MIT */
/* The console stream of <harness/console_stream.h>. */
#include <guest/stream.h>
#include <guest/test.h>

#include "console_stream.h"

#define CONSOLE_STREAM_SEED 0x5eed1234u         /* answers and piece lengths */

uint8_t console_stream_buf[STREAM_BYTES] __attribute__((aligned(8)));
const size_t console_stream_len = STREAM_BYTES;

void console_stream_start(struct console_stream *cs)
{
	stream_fill(console_stream_buf, console_stream_len, STREAM_SEED);
	cs->rng = CONSOLE_STREAM_SEED;
}

static unsigned long pick(struct console_stream *cs, unsigned long count)
{
	uint32_t r = stream_step(&cs->rng);
	unsigned long cap = count < cs->max_take ? count : cs->max_take;

	if (r % 8 == 0 && cs->idle_run < CONSOLE_STREAM_MAX_IDLE) {
		cs->idle_run++;
		cs->idle_answers++;
		return 0;
	}
	cs->idle_run = 0;
	if (r % 8 == 1 || count <= 1) {
		cs->full_answers++;
		return cap;
	}
	cs->short_answers++;
	return 1 + (r >> 8) % (cap < count ? cap : count - 1);
}

unsigned long console_stream_take(struct console_stream *cs, const uint8_t *bytes,
				  unsigned long count, bool bad)
{
	unsigned long n;

	cs->calls++;
	if (bad) {
		cs->bad_call = true;
		return 0;
	}
	n = count ? pick(cs, count) : 0;
	for (unsigned long i = 0; i < n; i++)
		cs->put(bytes[i]);
	cs->crc = stream_crc32(cs->crc, bytes, n);
	cs->bytes += n;
	return n;
}

void console_stream_check(struct console_stream *cs, int ret)
{
	uint32_t crc = stream_crc32(0, console_stream_buf, console_stream_len);

	report(ret == (int)console_stream_len, "%s returned %d of %u bytes", cs->write, ret,
	       (unsigned int)console_stream_len);
	report(!cs->bad_call, "every call was %s", cs->call);
	report(cs->bytes == console_stream_len, "the %s took %lu bytes in %u calls", cs->who,
	       cs->bytes, cs->calls);
	report(cs->short_answers > 0 && cs->idle_answers > 0,
	       "retries proven: %u short answers, %u %s, %u full", cs->short_answers,
	       cs->idle_answers, cs->idle, cs->full_answers);
	report(cs->crc == crc, "CRC-32 of what the %s sent %08x = the buffer's %08x", cs->who,
	       cs->crc, crc);
}

void console_stream_pieces(struct console_stream_sent *s, uint32_t max_piece,
			   long (*send)(const uint8_t *piece, uint32_t len))
{
	uint32_t rng = CONSOLE_STREAM_SEED;

	stream_fill(console_stream_buf, console_stream_len, STREAM_SEED);
	*s = (struct console_stream_sent){ .smallest = max_piece };
	while (s->sent < console_stream_len) {
		unsigned long left = console_stream_len - s->sent;
		uint32_t piece = 1 + stream_step(&rng) % max_piece;
		long r;

		if (piece > left)
			piece = (uint32_t)left;
		r = send(console_stream_buf + s->sent, piece);
		s->pieces++;
		if (r != (long)piece) {
			s->failed = r;
			break;
		}
		s->smallest = piece < s->smallest ? piece : s->smallest;
		s->largest = piece > s->largest ? piece : s->largest;
		s->sent += piece;
	}
}
