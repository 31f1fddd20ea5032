/* SPDX-License-Identifier: MIT */
/*
 * No lost bytes, PAPR console (H_PUT_TERM_CHAR, served by QEMU's pseries):
 * STREAM_BYTES of <guest/stream.h>'s stream from STREAM_SEED go to a second
 * virtual terminal (spapr-vty reg STREAM_VTERM, QEMU -chardev file) through
 * hyp_papr_term_write() in pieces of random length (1..MAX_PIECE: the
 * 16-byte packing into r6/r7 and the last partial word at every offset),
 * and check-stream.py compares the file with the stream byte for byte.
 */
#include <guest/stream.h>
#include <guest/test.h>
#include <hyp/hyp.h>

#define STREAM_VTERM    0x71000002ul
#define MAX_PIECE       200u
#define PIECE_SEED      0x5eed1234u
#define BUSY_RETRIES    1000u

static uint8_t buf[STREAM_BYTES];

void test_main(void)
{
	struct hyp_platform plat = { .ppc_papr = true };
	uint32_t rng = PIECE_SEED;
	unsigned long sent = 0;
	unsigned int pieces = 0;
	int ret = 0;

	stream_fill(buf, sizeof(buf), STREAM_SEED);
	report(hyp_init(&plat) == HYP_OK && hyp_get_info() &&
	       (hyp_get_info()->families & HYP_FAMILY_PAPR), "hyp_init: PAPR declared");
	while (sent < sizeof(buf)) {
		unsigned long left = sizeof(buf) - sent;
		size_t piece = 1 + stream_step(&rng) % MAX_PIECE;

		if (piece > left)
			piece = left;
		ret = hyp_papr_term_write(STREAM_VTERM, (const char *)buf + sent, piece, BUSY_RETRIES);
		pieces++;
		if (ret != (int)piece)
			break;
		sent += piece;
	}
	report(sent == sizeof(buf), "%lu of %u bytes through hyp_papr_term_write() in %u pieces%s",
	       sent, (unsigned int)sizeof(buf), pieces, sent == sizeof(buf) ? "" : ": a write failed");
	if (sent != sizeof(buf))
		report_info("last write returned %d (%s)", ret, hyp_strerror(ret));
}
