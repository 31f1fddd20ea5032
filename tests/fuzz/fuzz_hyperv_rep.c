/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for Hyper-V's slow and rep calls (lib/x86/hyperv_call.c,
 * hyp_hyperv_call()) against a hypervisor whose every result value comes
 * from the input (host_stubs/ replaces the hypercall stub). Input: u16 reps
 * (low 12 bits), u16 input offset in a page-aligned 8 KiB buffer, u64 input
 * size, then 8 bytes per call: the result value. Input used up: success
 * with no progress. Checked: a buffer is accepted (a call made) exactly when
 * it is 8-byte aligned and inside one page (reference rule, no wrap), else
 * HYP_EINVAL with no call; at most reps + 64 calls (1 for reps 0); each
 * call restarts from the reps completed, and *done never goes back nor
 * passes reps; 0 only with every rep done; no library code.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyp/hyp.h>

unsigned char hyp_hyperv_gate = HYP_GATE_OPEN;
const void *hyp_hyperv_call_page;

static uint8_t buffer[2 * HYP_HYPERV_PAGE_SIZE] __attribute__((aligned(HYP_HYPERV_PAGE_SIZE)));
static const uint8_t *in;
static size_t in_left;
static unsigned int calls, reps, last_start;

uint64_t hyp_virt_to_phys(const void *va)
{
	return (uint64_t)(uintptr_t)va;
}

static void check(bool ok)
{
	if (!ok)
		abort();
}

uint64_t host_hyperv_call(uint64_t control, uint64_t gin, uint64_t gout)
{
	unsigned int start = (unsigned int)(control >> HYP_HYPERV_CALL_REP_START_SHIFT) & 0xfffu;
	uint64_t v = (uint64_t)start << HYP_HYPERV_RESULT_REP_SHIFT;

	(void)gin;
	(void)gout;
	calls++;
	check(calls <= reps + 64u + 1u);
	check(start >= last_start && start <= reps);
	last_start = start;
	if (in_left >= 8) {
		memcpy(&v, in, 8);
		in += 8;
		in_left -= 8;
	}
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t r16, off;
	uint64_t in_size;
	unsigned int done = 12345;
	bool fits;
	int r;

	if (size < 12)
		return 0;
	memcpy(&r16, data, 2);
	memcpy(&off, data + 2, 2);
	memcpy(&in_size, data + 4, 8);
	reps = r16 & 0xfffu;
	off %= HYP_HYPERV_PAGE_SIZE;
	if (in_size > SIZE_MAX)
		in_size = SIZE_MAX;
	in = data + 12;
	in_left = size - 12;
	calls = 0;
	last_start = 0;
	fits = in_size && !(off & 7u) && in_size <= HYP_HYPERV_PAGE_SIZE - off;
	r = hyp_hyperv_call(0x7f00, reps, 0, buffer + off, (size_t)in_size, NULL, 0, &done);
	if (!fits) {
		check(r == HYP_EINVAL && calls == 0 && done == 0);
		return 0;
	}
	check(calls >= 1 && calls <= (reps ? reps + 64u : 1u));
	check(done <= reps && done >= last_start);
	check(!HYP_IS_LIBRARY_ERROR(r) && r <= 0);
	if (r == 0 && reps)
		check(done == reps);
	return 0;
}
