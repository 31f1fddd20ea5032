/* SPDX-License-Identifier: MIT */
/*
 * No lost bytes, Xen console_io (CONSOLEIO_write, real Xen 4.17 as PVH
 * dom0 under QEMU TCG): Xen's serial console turns "\n" into "\r\n" and the
 * COM1 it owns also carries its own lines, so the stream travels as text:
 * STREAM_BYTES of <guest/stream.h>'s stream from STREAM_SEED, hex-encoded in
 * 128-byte lines ("=" + 63 bytes as 126 hex digits + "\n"; eight lines per
 * 1024-byte console piece, so a line of Xen's own can only fall between
 * ours). The whole text goes through one hyp_xen_console_write() call;
 * check-stream.py --hex-lines decodes the "=" lines from the console and
 * compares them with the stream byte for byte.
 */
#include <guest/stream.h>
#include <guest/test.h>
#include <hyp/hyp.h>

#define LINE_BYTES      63u
#define LINE_LEN        128u        /* "=" + 126 hex + "\n" */
#define LINES           ((STREAM_BYTES + LINE_BYTES - 1) / LINE_BYTES)

static uint8_t buf[STREAM_BYTES];
static char text[LINES * LINE_LEN];

static size_t encode(void)
{
	static const char hex[] = "0123456789abcdef";
	size_t out = 0;

	for (size_t at = 0; at < sizeof(buf); at += LINE_BYTES) {
		size_t n = sizeof(buf) - at < LINE_BYTES ? sizeof(buf) - at : LINE_BYTES;

		text[out++] = '=';
		for (size_t i = 0; i < n; i++) {
			text[out++] = hex[buf[at + i] >> 4];
			text[out++] = hex[buf[at + i] & 15];
		}
		text[out++] = '\n';
	}
	return out;
}

void test_main(void)
{
	const struct hyp_info *info;
	size_t len;
	int ret;

	stream_fill(buf, sizeof(buf), STREAM_SEED);
	len = encode();
	ret = hyp_init(NULL);
	info = hyp_get_info();
	report(ret == HYP_OK && info && (info->families & HYP_FAMILY_XEN), "hyp_init: Xen found");
	ret = hyp_xen_console_write(text, len);
	report(ret == (int)len, "console_write returned %d of %u text bytes (%u stream bytes)", ret,
	       (unsigned int)len, (unsigned int)sizeof(buf));
}
