/* SPDX-License-Identifier: MIT */
/*
 * s390x hello: find the hypervisor with STSI, then print a line through a
 * virtio console whose queue kicks are KVM hypercalls (DIAGNOSE 0x500,
 * subcode 3), served here by QEMU itself.
 */
#include <guest/test.h>
#include <guest/virtio_ccw.h>
#include <hyp/hyp.h>

#define VIRTIO_ID_CONSOLE   3
#define CONSOLE_TRANSMITQ   1       /* port 0's transmit queue (no multiport) */

/* "INFO:" so that the test runner, which shows INFO lines, shows it too. */
static const char hello[] = "INFO: Hello from libhyp: this line went through virtio-console, kicked by diag 0x500\n";

void test_main(void)
{
	static struct vccw_dev con;
	const struct hyp_info *info;
	long len;

	hyp_init(NULL);
	info = hyp_get_info();
	report_info("hypervisor: %s (control program \"%s\", VM \"%s\")",
		    hyp_kind_name(info->kind), info->signature, info->s390_vm_name);
	if (!report(info->families & HYP_FAMILY_KVM, "KVM hypercalls (DIAGNOSE 0x500) available"))
		return;

	/* The first virtio console among the first subchannels. */
	if (!report(vccw_find(&con, VIRTIO_ID_CONSOLE) == 0,
		    "virtio console on subchannel 0.0.%04x", con.schid & 0xffff))
		return;
	if (!report(vccw_driver_ready(&con, CONSOLE_TRANSMITQ) == 0, "console driver ready"))
		return;

	len = vccw_transfer(&con, CONSOLE_TRANSMITQ, (void *)hello, sizeof(hello) - 1,
			    false, 2000000);
	report(len >= 0, "virtio console took the line (kick answered %ld)", con.q[1].cookie);
}
