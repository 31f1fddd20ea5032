/* SPDX-License-Identifier: MIT */
/*
 * No lost bytes, s390x virtio path: STREAM_BYTES of <guest/stream.h>'s
 * stream from STREAM_SEED go to a virtio console (QEMU -chardev file) in
 * pieces of random length (1..MAX_PIECE), each queue kick a KVM hypercall
 * (hyp_kvm_virtio_ccw_notify(), DIAGNOSE 0x500 subcode 3) that QEMU itself
 * serves; check-stream.py compares the file with the stream byte for byte.
 * One buffer in flight: the next piece goes only after the device used the
 * last one.
 */
#include <guest/stream.h>
#include <guest/test.h>
#include <guest/virtio_ccw.h>
#include <hyp/hyp.h>

#define VIRTIO_ID_CONSOLE   3
#define CONSOLE_TRANSMITQ   1
#define MAX_PIECE           4096u
#define PIECE_SEED          0x5eed1234u
#define USED_TIMEOUT_US     2000000u

static uint8_t buf[STREAM_BYTES] __attribute__((aligned(8)));

void test_main(void)
{
	static struct vccw_dev con;
	uint32_t rng = PIECE_SEED;
	unsigned long sent = 0;
	unsigned int kicks = 0, smallest = MAX_PIECE, largest = 0;
	long failed = 0;

	stream_fill(buf, sizeof(buf), STREAM_SEED);
	hyp_init(NULL);
	if (!report(hyp_get_info() && (hyp_get_info()->families & HYP_FAMILY_KVM),
		    "KVM hypercalls (DIAGNOSE 0x500) available"))
		return;
	if (!report(vccw_find(&con, VIRTIO_ID_CONSOLE) == 0,
		    "virtio console on subchannel 0.0.%04x", con.schid & 0xffff))
		return;
	if (!report(vccw_driver_ready(&con, CONSOLE_TRANSMITQ) == 0, "console driver ready"))
		return;

	while (sent < sizeof(buf)) {
		unsigned long left = sizeof(buf) - sent;
		uint32_t piece = 1 + stream_step(&rng) % MAX_PIECE;
		long ret;

		if (piece > left)
			piece = (uint32_t)left;
		ret = vccw_transfer(&con, CONSOLE_TRANSMITQ, buf + sent, piece, false, USED_TIMEOUT_US);
		kicks++;
		if (ret < 0) {
			failed = ret;
			break;
		}
		smallest = piece < smallest ? piece : smallest;
		largest = piece > largest ? piece : largest;
		sent += piece;
	}
	report(failed == 0 && sent == sizeof(buf),
	       "%lu of %u bytes through %u kicks (pieces %u..%u bytes)%s", sent,
	       (unsigned int)sizeof(buf), kicks, smallest, largest, failed ? ": a transfer failed" : "");
	report(con.q[CONSOLE_TRANSMITQ].cookie >= 0, "last kick answered %ld",
	       con.q[CONSOLE_TRANSMITQ].cookie);
}
