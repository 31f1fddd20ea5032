/* SPDX-License-Identifier: MIT */
/*
 * PowerPC PAPR (pseries terminal, H_RANDOM, cache-inhibited loads), ePAPR
 * (byte channels, interrupt controller) and OSI against a hostile
 * hypervisor, on the host: lib/powerpc/papr.c, epapr.c, osi_calls.c and the
 * error maps built for ppc64 with the `sc`/area stubs replaced
 * (powerpc_host/hyp/powerpc/). The hypervisor answers distinct values in
 * every output register, counts above what was asked, busy forever, and
 * every library code as the status. Checked: each output is the register
 * the ABI names; no write outside caller objects (each against a PROT_NONE
 * page); no library code from an answer; calls bounded. KVM-PR's calls
 * (kvm_ppc.c) are not here: they read the magic page with inline asm;
 * `kvm-pr-ppc64` runs them under the real KVM-PR.
 * Closing line: "N passed, N failed".
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "abi_report.h"
#include "hostile_harness.h"

#undef __x86_64__               /* the library's ppc64 API (its sources are built so) */
#define __powerpc__ 1
#define __powerpc64__ 1
#include <hyp/epapr.h>
#include <hyp/osi.h>
#include <hyp/papr.h>

unsigned char hyp_osi_gate = HYP_GATE_OPEN;

static struct hyp_info info = { .ppc_has_idle = 1 };

const struct hyp_info *hyp_get_info(void)
{
	return &info;
}

static struct {
	long status;                    /* r3 answered */
	unsigned long out[9];           /* the output registers answered */
	unsigned int calls;
	unsigned long a[9];             /* the arguments of the last call */
} hv;

long host_ppc_call(enum host_ppc_family fam, unsigned long nr, const unsigned long a[9],
		   unsigned long *out, unsigned int nout)
{
	(void)fam;
	(void)nr;
	hv.calls++;
	memcpy(hv.a, a, sizeof(hv.a));
	memcpy(out, hv.out, nout * sizeof(*out));
	return hv.status;
}

/* Status `st`, outputs 0x1111..., 0x2222..., ... (or `out0` first when given). */
static void answer(long st, unsigned long out0)
{
	hv.status = st;
	for (unsigned int i = 0; i < 9; i++)
		hv.out[i] = 0x1111111111111111ul * (i + 1);
	hv.out[0] = out0;
	hv.calls = 0;
}

static void papr(void)
{
	char *buf = hostile_guard_tail(HYP_PAPR_TERM_CHAR_MAX);
	uint64_t *val = hostile_guard_tail(8);
	unsigned long *ci = hostile_guard_tail(sizeof(unsigned long));
	int r;

	answer(HYP_PAPR_H_SUCCESS, HYP_PAPR_TERM_CHAR_MAX + 1);
	r = hyp_papr_get_term_char(0, buf);
	check(r == HYP_EIO && hv.calls == 1, "H_GET_TERM_CHAR count 17 of 16: HYP_EIO (got %d)", r);
	answer(HYP_PAPR_H_SUCCESS, HYP_PAPR_TERM_CHAR_MAX);
	hv.out[1] = 0x6162636465666768ul;
	hv.out[2] = 0x696a6b6c6d6e6f70ul;
	r = hyp_papr_get_term_char(0, buf);
	check(r == 16 && !memcmp(buf, "abcdefghijklmnop", 16),
	      "H_GET_TERM_CHAR count 16: the bytes of r5 then r6, big-endian, to the guard page");
	answer(HYP_PAPR_H_SUCCESS, 0x0123456789abcdeful);
	check(hyp_papr_random(val) == 0 && *val == 0x0123456789abcdefull, "H_RANDOM: the value is r4");
	check(hyp_papr_logical_ci_load(8, 0x1000, ci) == 0 && *ci == 0x0123456789abcdeful,
	      "H_LOGICAL_CI_LOAD: the value is r4");
	answer(HYP_PAPR_H_BUSY, 0);
	r = hyp_papr_term_write(0, "abc", 3, 5);
	check(r == HYP_EAGAIN && hv.calls == 6, "H_PUT_TERM_CHAR busy forever, 5 retries: HYP_EAGAIN "
	      "after 6 calls (got %d, %u calls)", r, hv.calls);
	answer(HYP_PAPR_H_SUCCESS, 0);
	r = hyp_papr_put_term_char(0, "abcdefghijklmnopq", 17);
	check(r == HYP_EINVAL && hv.calls == 0, "H_PUT_TERM_CHAR of 17 bytes: HYP_EINVAL, no call");
}

static void epapr(void)
{
	char *buf4 = hostile_guard_tail(4), *buf = hostile_guard_tail(HYP_EPAPR_BYTE_CHANNEL_MAX);
	uint32_t *w = hostile_guard_tail(3 * sizeof(uint32_t));
	int r;

	answer(HYP_EV_SUCCESS, 5);
	r = hyp_epapr_byte_channel_receive(1, buf4, 4);
	check(r == HYP_EIO && hv.a[1] == 4, "byte channel receive of 4 answered 5: HYP_EIO, nothing "
	      "written past the 4 bytes (got %d)", r);
	answer(HYP_EV_SUCCESS, 16);
	hv.out[1] = 0x61626364;
	hv.out[2] = 0x65666768;
	hv.out[3] = 0x696a6b6c;
	hv.out[4] = 0x6d6e6f70;
	r = hyp_epapr_byte_channel_receive(1, buf, 16);
	check(r == 16 && !memcmp(buf, "abcdefghijklmnop", 16),
	      "byte channel receive of 16: the bytes of r5-r8, big-endian, to the guard page");
	answer(HYP_EV_SUCCESS, 4);
	r = hyp_epapr_byte_channel_send(1, "abc", 3);
	check(r == HYP_EIO, "byte channel send of 3 answered 4: HYP_EIO (got %d)", r);
	answer(HYP_EV_SUCCESS, 0);
	r = hyp_epapr_byte_channel_write(1, "abc", 3, 5);
	check(r == HYP_EAGAIN && hv.calls == 6, "byte channel write, nothing ever taken, 5 retries: "
	      "HYP_EAGAIN after 6 calls (got %d, %u)", r, hv.calls);
	answer(HYP_EV_SUCCESS, 1);
	r = hyp_epapr_byte_channel_write(1, "abcdef", 6, 0);
	check(r == 6 && hv.calls == 6, "byte channel write, one byte per answer: 6 calls");
	answer(HYP_EV_SUCCESS, 0xa1);
	r = hyp_epapr_byte_channel_poll(1, &w[0], &w[1]);
	check(r == 0 && w[0] == 0xa1 && w[1] == 0x22222222u, "byte channel poll: rx r4, tx r5");
	r = hyp_epapr_int_get_config(1, &w[0], &w[1], &w[2]);
	check(r == 0 && w[0] == 0xa1 && w[1] == 0x22222222u && w[2] == 0x33333333u,
	      "int_get_config: config r4, priority r5, destination r6");
	w[2] = 0;
	check(hyp_epapr_int_get_mask(1, &w[2]) == 0 && w[2] == 0xa1, "int_get_mask: r4");
	w[2] = 0;
	check(hyp_epapr_int_iack(1, &w[2]) == 0 && w[2] == 0xa1, "int_iack: r4");
	w[2] = 0;
	check(hyp_epapr_int_get_task_priority(&w[2]) == 0 && w[2] == 0xa1, "int_get_task_priority: r4");
}

/* Every library code as the status register: never a library code to the caller, one call. */
static void no_spoofed_codes(void)
{
	char *buf = hostile_guard_tail(HYP_PAPR_TERM_CHAR_MAX);
	uint32_t *w = hostile_guard_tail(3 * sizeof(uint32_t));
	uint64_t *val = hostile_guard_tail(8);
	struct hostile_tally t = { 0 };

#define SPOOF(expr) HOSTILE_TALLY(t, expr, hv.calls, 1)

	for (unsigned int i = 0; i < HOSTILE_ANSWERS; i++) {
		answer((long)hostile_answer(i), 0);
		SPOOF(hyp_papr_get_term_char(0, buf));
		SPOOF(hyp_papr_put_term_char(0, "ab", 2));
		SPOOF(hyp_papr_term_write(0, "ab", 2, 0));
		SPOOF(hyp_papr_random(val));
		SPOOF(hyp_papr_logical_ci_store(4, 0x1000, 0));
		SPOOF(hyp_papr_set_mode(0, 0, 0, 0));
		SPOOF(hyp_papr_cede());
		SPOOF(hyp_epapr_byte_channel_send(1, "ab", 2));
		SPOOF(hyp_epapr_byte_channel_receive(1, buf, 16));
		SPOOF(hyp_epapr_byte_channel_poll(1, &w[0], &w[1]));
		SPOOF(hyp_epapr_idle());
		SPOOF(hyp_epapr_int_set_config(1, 0, 0, 0));
		SPOOF(hyp_epapr_int_get_config(1, &w[0], &w[1], &w[2]));
		SPOOF(hyp_epapr_int_set_mask(1, 0));
		SPOOF(hyp_epapr_int_get_mask(1, &w[0]));
		SPOOF(hyp_epapr_int_iack(1, &w[0]));
		SPOOF(hyp_epapr_int_eoi(1));
		SPOOF(hyp_epapr_int_send_ipi(1));
		SPOOF(hyp_epapr_int_set_task_priority(1));
		SPOOF(hyp_epapr_int_get_task_priority(&w[0]));
		SPOOF(hyp_epapr_doorbell_send(1));
		SPOOF(hyp_osi_call_available(1));
	}
	check(t.spoofed == 0 && t.miscounted == 0, "PAPR, ePAPR, OSI: %u status answers in the library "
	      "range, %u reached the caller as library codes (first: %s), %u calls not one",
	      HOSTILE_ANSWERS, t.spoofed, t.first, t.miscounted);
}

int main(void)
{
	hyp_papr_gate = HYP_GATE_OPEN;
	hyp_epapr_gate = HYP_GATE_OPEN;
	papr();
	epapr();
	no_spoofed_codes();
	return abi_summary();
}
