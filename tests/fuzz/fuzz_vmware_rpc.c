/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the VMware RPC channel (lib/x86/vmware_rpc.c) against
 * a backdoor whose every answer comes from the input (host_stubs/ replaces
 * the backdoor stubs). Input: byte 0 the operation (bit 0: send, else
 * receive), byte 1 the message length or buffer size (0-255), then 12 bytes
 * per call: eax, ebx, ecx (little endian); edx, esi, edi as sent. A
 * high-bandwidth transfer moves the ecx bytes the library named through
 * esi/edi (ASan sees any byte outside the caller's exact-size buffer).
 * Input used up: a cooperative answer (eax 0, ecx SUCCESS).
 * Checked: the result is one the header documents (receive: 0..size or
 * HYP_EIO/EAGAIN/ENOSPC/E2BIG; send: 0 or HYP_EIO/EAGAIN); an answer with
 * eax ~0 (MESSAGE not served) ends the operation with HYP_EIO; calls stay
 * within HYP_VMWARE_RPC_RETRIES x (3 + max(size, HYP_VMWARE_RPC_DRAIN_MAX) / 4).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyp/hyp.h>

unsigned char hyp_vmware_gate = HYP_GATE_VMWARE_PORT;

static const uint8_t *in;
static size_t in_left;
static unsigned long calls, bound;
static bool unserved;

static void check(bool ok)
{
	if (!ok)
		abort();
}

static uint32_t next32(uint32_t dflt)
{
	uint32_t v;

	if (in_left < 4)
		return dflt;
	memcpy(&v, in, 4);
	in += 4;
	in_left -= 4;
	return v;
}

void host_vmware_call(struct hyp_vmware_regs *r, int hb, unsigned long bp)
{
	uint32_t ax, bx, cx;

	(void)bp;
	check(++calls <= bound);
	ax = next32(0);
	bx = next32(0);
	cx = next32(HYP_VMWARE_MSG_SUCCESS << 16);
	if (hb == 1) {                  /* the backdoor reads what the library named */
		volatile const char *p = (const char *)(uintptr_t)r->si;

		for (unsigned long i = 0; i < r->cx; i++)
			(void)p[i];
	} else if (hb == 2) {           /* and writes what it named */
		memset((void *)(uintptr_t)r->di, 'r', r->cx);
	}
	if (hb) {
		r->bx = bx;             /* HB: status in ebx's high half */
		r->cx = 0;
		return;
	}
	if (ax == HYP_VMWARE_UNKNOWN)
		unserved = true;
	r->ax = ax;
	r->bx = bx;
	r->cx = cx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hyp_vmware_channel ch = { .id = 1, .cookie_high = 2, .cookie_low = 3 };
	size_t n;
	char *buf;
	int r;

	if (size < 2)
		return 0;
	n = data[1];
	in = data + 2;
	in_left = size - 2;
	calls = 0;
	unserved = false;
	bound = HYP_VMWARE_RPC_RETRIES * (3 + ((n > HYP_VMWARE_RPC_DRAIN_MAX ? n : HYP_VMWARE_RPC_DRAIN_MAX) + 3) / 4);
	buf = malloc(n ? n : 1);
	check(buf != NULL);
	memset(buf, 'm', n);
	if (data[0] & 1) {
		r = hyp_vmware_rpc_send(&ch, buf, n);
		check(r == 0 || r == HYP_EIO || r == HYP_EAGAIN);
	} else {
		r = hyp_vmware_rpc_receive(&ch, buf, n);
		check((r >= 0 && (size_t)r <= n) || r == HYP_EIO || r == HYP_EAGAIN ||
		      r == HYP_ENOSPC || r == HYP_E2BIG);
	}
	if (unserved)
		check(r == HYP_EIO);
	free(buf);
	return 0;
}
