/* SPDX-License-Identifier: MIT */
/*
 * MIPS KVM (console output, clock frequency, exit) against a hostile
 * hypervisor, on the host: lib/mips/kvm.c and lib/kvm_common.c built for
 * mips64 with HYPCALL replaced (mips_host/hyp/mips/). The caller's buffer is
 * a KSEG0 address whose bytes the hypervisor reads from host memory at the
 * same offset, the buffer ending where a PROT_NONE page starts: handing KVM
 * a byte beyond it faults. Checked: counts above what was offered are
 * HYP_EIO, never progress; an error after progress is the error; answers
 * of 0 bounded by HYP_KVM_MIPS_CONSOLE_STALLS in a row (counted afresh
 * after progress); no library code from an answer.
 * Closing line: "N passed, N failed".
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "abi_report.h"
#include "hostile_harness.h"

#undef __x86_64__               /* the library's mips64 API (its sources are built so) */
#define __mips__ 1
#include <hyp/kvm.h>

#define KSEG0   0xffffffff80000000ul

unsigned char hyp_kvm_gate = HYP_GATE_OPEN;

const struct hyp_info *hyp_get_info(void)
{
	return NULL;
}

static unsigned char *mem;      /* guest physical page 0; page 1 is PROT_NONE */

enum mode { TAKE_ALL, CLAIM_MORE, THREE_THEN_ERROR, SLOW, NEVER, FIXED };

static struct {
	enum mode mode;
	long fixed;
	unsigned int calls;
	size_t took;
	char out[HOSTILE_PAGE];
} kvm;

long host_hypcall(unsigned long nr, unsigned long a0, unsigned long a1, unsigned long a2,
		  unsigned long a3)
{
	const unsigned char *src = mem + (a1 - KSEG0);
	size_t n = a2;

	(void)a0;
	(void)a3;
	kvm.calls++;
	if (nr != HYP_KVM_HC_MIPS_CONSOLE_OUTPUT || kvm.mode == FIXED)
		return kvm.fixed;
	switch (kvm.mode) {
	case THREE_THEN_ERROR:
		if (kvm.calls > 1)
			return -HYP_KVM_EFAULT;
		n = 3;
		break;
	case SLOW:              /* HYP_KVM_MIPS_CONSOLE_STALLS - 1 answers of 0, then a byte */
		n = kvm.calls % HYP_KVM_MIPS_CONSOLE_STALLS == 0;
		break;
	case NEVER:
		n = 0;
		break;
	default:
		break;
	}
	for (size_t i = 0; i < n; i++)          /* KVM reads what it takes, from the address given */
		kvm.out[kvm.took++ % sizeof(kvm.out)] = (char)src[i];
	return kvm.mode == CLAIM_MORE ? (long)a2 + 1 : (long)n;
}

static const char *caller(const char *s)
{
	size_t n = strlen(s);

	memcpy(mem + HOSTILE_PAGE - n, s, n);
	return (const char *)(KSEG0 + HOSTILE_PAGE - n);
}

static void reset(enum mode mode)
{
	memset(&kvm, 0, sizeof(kvm));
	kvm.mode = mode;
}

int main(void)
{
	unsigned int spoofed = 0, calls = 0;
	int r;

	mem = hostile_guard_tail(HOSTILE_PAGE);

	reset(TAKE_ALL);
	r = hyp_kvm_mips_console_write(0, caller("abcdefgh"), 8);
	check(r == 8 && kvm.calls == 1 && !memcmp(kvm.out, "abcdefgh", 8),
	      "8 bytes ending at the guard page: one call, KVM read only them");
	reset(CLAIM_MORE);
	r = hyp_kvm_mips_console_output(0, caller("abcdefgh"), 8);
	check(r == HYP_EIO && kvm.calls == 1, "console_output of 8 answered 9: HYP_EIO (got %d)", r);
	reset(CLAIM_MORE);
	r = hyp_kvm_mips_console_write(0, caller("abcdefgh"), 8);
	check(r == HYP_EIO && kvm.calls == 1, "console_write of 8 answered 9: HYP_EIO, not progress");
	reset(THREE_THEN_ERROR);
	r = hyp_kvm_mips_console_write(0, caller("abcdefgh"), 8);
	check(r == HYP_EFAULT && kvm.calls == 2 && !memcmp(kvm.out, "abc", 3),
	      "3 bytes taken, then EFAULT: the error, not 3 (got %d)", r);
	reset(SLOW);
	r = hyp_kvm_mips_console_write(0, caller("abcd"), 4);
	check(r == 4 && kvm.calls == 4 * HYP_KVM_MIPS_CONSOLE_STALLS && !memcmp(kvm.out, "abcd", 4),
	      "one byte after every %u answers of 0: all 4 bytes (stalls counted afresh), %u calls",
	      HYP_KVM_MIPS_CONSOLE_STALLS - 1, kvm.calls);
	reset(NEVER);
	r = hyp_kvm_mips_console_write(0, caller("abcd"), 4);
	check(r == HYP_EAGAIN && kvm.calls == HYP_KVM_MIPS_CONSOLE_STALLS,
	      "nothing ever taken: HYP_EAGAIN after %u calls", kvm.calls);

	for (unsigned int i = 0; i < HOSTILE_ANSWERS; i++) {
		int rs[4];

		reset(FIXED);
		kvm.fixed = (long)hostile_answer(i);
		rs[0] = hyp_kvm_mips_console_output(0, caller("ab"), 2);
		rs[1] = hyp_kvm_mips_console_write(0, caller("ab"), 2);
		rs[2] = hyp_kvm_mips_get_clock_freq();
		rs[3] = hyp_kvm_mips_exit_vm();
		for (unsigned int j = 0; j < 4; j++)
			spoofed += HYP_IS_LIBRARY_ERROR(rs[j]);
		calls += kvm.calls != 4;
	}
	check(spoofed == 0 && calls == 0, "%u answers in the library range: %u reached the caller as "
	      "library codes, %u rounds not 4 calls", HOSTILE_ANSWERS, spoofed, calls);
	return abi_summary();
}
