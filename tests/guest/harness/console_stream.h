/* SPDX-License-Identifier: MIT */
/*
 * "No lost bytes" through a console (console-stream-*): STREAM_BYTES of
 * <guest/stream.h>'s stream from STREAM_SEED (the test's DEFINES), sent
 * through one library call, arrive byte for byte where check-stream.py
 * reads them.
 *
 * Where the image plays the hypervisor (epapr, mips), the test's answer hook
 * decodes its hypervisor's console call and asks console_stream_take() how
 * many of the offered bytes to take; the harness picks the answer (a random
 * short count, all, or now and then nothing: busy or zero, never more than
 * CONSOLE_STREAM_MAX_IDLE in a row), sends what was taken to the test's
 * second UART, counts, and reports. Where a real hypervisor answers (papr,
 * s390), console_stream_pieces() cuts the stream into pieces of random
 * length.
 */
#ifndef HARNESS_CONSOLE_STREAM_H
#define HARNESS_CONSOLE_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CONSOLE_STREAM_MAX_IDLE 3u      /* well below the library's retry limits */

/* The stream (filled by console_stream_start() or console_stream_pieces()). */
extern uint8_t console_stream_buf[];
extern const size_t console_stream_len;

struct console_stream {
	/* Set by the test: how the reports name things, and where bytes go. */
	const char *write;              /* the library call: "console_write" */
	const char *call;               /* what every call must be: "CONSOLE_OUTPUT on vterm 0" */
	const char *who;                /* "host": "the host took ..." */
	const char *idle;               /* an answer of nothing: "answers of 0" */
	unsigned long max_take;         /* bytes one answer takes at most */
	void (*put)(uint8_t c);         /* the second UART check-stream.py reads */

	/* Kept by the harness. */
	uint32_t rng;
	unsigned int calls, short_answers, idle_answers, idle_run, full_answers;
	unsigned long bytes;
	uint32_t crc;
	bool bad_call;
};

/* Fill the stream and seed the answers; then install the answer hook. */
void console_stream_start(struct console_stream *cs);

/*
 * For the answer hook, on each call offering `count` bytes at `bytes`: how
 * many it takes (0: busy or zero, as the hypervisor says it). With
 * `bad` (the call's number or arguments are wrong) it takes nothing and
 * the final check fails.
 */
unsigned long console_stream_take(struct console_stream *cs, const uint8_t *bytes,
				  unsigned long count, bool bad);

/* The reports on what `ret` = the write call of the whole stream returned. */
void console_stream_check(struct console_stream *cs, int ret);

/* What console_stream_pieces() did. */
struct console_stream_sent {
	unsigned long sent;             /* bytes of the pieces that went whole */
	unsigned int pieces, smallest, largest;
	long failed;                    /* send() of the piece that did not go whole; 0 if none */
};

/*
 * Fill the stream and send it in pieces of 1..max_piece bytes, each
 * through send(), which returns the bytes it sent or a negative error; the
 * first piece not sent whole stops the loop.
 */
void console_stream_pieces(struct console_stream_sent *s, uint32_t max_piece,
			   long (*send)(const uint8_t *piece, uint32_t len));

#endif /* HARNESS_CONSOLE_STREAM_H */
