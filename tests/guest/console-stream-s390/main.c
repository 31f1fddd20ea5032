/* SPDX-License-Identifier: MIT */
/*
 * No lost bytes, s390x virtio path: the stream goes to a virtio console
 * (QEMU -chardev file) in pieces of random length (1..MAX_PIECE,
 * harness/console_stream.c), each queue kick a KVM hypercall
 * (hyp_kvm_virtio_ccw_notify(), DIAGNOSE 0x500 subcode 3) that QEMU itself
 * serves; check-stream.py compares the file with the stream byte for byte.
 * One buffer in flight: the next piece goes only after the device used the
 * last one.
 */
#include <guest/test.h>
#include <guest/virtio_ccw.h>
#include <harness/console_stream.h>
#include <hyp/hyp.h>

#define VIRTIO_ID_CONSOLE   3
#define CONSOLE_TRANSMITQ   1
#define MAX_PIECE           4096u
#define USED_TIMEOUT_US     2000000u

static struct vccw_dev con;

static long send(const uint8_t *piece, uint32_t len)
{
	long ret = vccw_transfer(&con, CONSOLE_TRANSMITQ, (void *)(uintptr_t)piece, len, false,
				 USED_TIMEOUT_US);

	return ret < 0 ? ret : (long)len;
}

void test_main(void)
{
	struct console_stream_sent s;

	hyp_init(NULL);
	if (!report(hyp_get_info() && (hyp_get_info()->families & HYP_FAMILY_KVM),
		    "KVM hypercalls (DIAGNOSE 0x500) available"))
		return;
	if (!report(vccw_find(&con, VIRTIO_ID_CONSOLE) == 0,
		    "virtio console on subchannel 0.0.%04x", con.schid & 0xffff))
		return;
	if (!report(vccw_driver_ready(&con, CONSOLE_TRANSMITQ) == 0, "console driver ready"))
		return;

	console_stream_pieces(&s, MAX_PIECE, send);
	report(s.failed == 0 && s.sent == console_stream_len,
	       "%lu of %u bytes through %u kicks (pieces %u..%u bytes)%s", s.sent,
	       (unsigned int)console_stream_len, s.pieces, s.smallest, s.largest,
	       s.failed ? ": a transfer failed" : "");
	report(con.q[CONSOLE_TRANSMITQ].cookie >= 0, "last kick answered %ld",
	       con.q[CONSOLE_TRANSMITQ].cookie);
}
