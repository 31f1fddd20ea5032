/* SPDX-License-Identifier: MIT */
/*
 * No lost bytes, PAPR console (H_PUT_TERM_CHAR, served by QEMU's pseries):
 * the stream goes to a second virtual terminal (spapr-vty reg STREAM_VTERM,
 * QEMU -chardev file) through hyp_papr_term_write() in pieces of random
 * length (1..MAX_PIECE: the 16-byte packing into r6/r7 and the last partial
 * word at every offset), and check-stream.py compares the file with the
 * stream byte for byte.
 */
#include <guest/test.h>
#include <harness/console_stream.h>
#include <hyp/hyp.h>

#define STREAM_VTERM    0x71000002ul
#define MAX_PIECE       200u
#define BUSY_RETRIES    1000u

static long send(const uint8_t *piece, uint32_t len)
{
	return hyp_papr_term_write(STREAM_VTERM, (const char *)piece, len, BUSY_RETRIES);
}

void test_main(void)
{
	struct hyp_platform plat = { .ppc_papr = true };
	struct console_stream_sent s;
	bool all;

	report(hyp_init(&plat) == HYP_OK && hyp_get_info() &&
	       (hyp_get_info()->families & HYP_FAMILY_PAPR), "hyp_init: PAPR declared");
	console_stream_pieces(&s, MAX_PIECE, send);
	all = s.sent == console_stream_len;
	report(all, "%lu of %u bytes through hyp_papr_term_write() in %u pieces%s", s.sent,
	       (unsigned int)console_stream_len, s.pieces, all ? "" : ": a write failed");
	if (!all)
		report_info("last write returned %d (%s)", (int)s.failed, hyp_strerror((int)s.failed));
}
