/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the Xen hypercall page check (lib/x86/xen_page.c,
 * hyp_xen_hypercall_page_valid()) on one 4 KiB page, with ASan watching for
 * any read outside it. Input byte 0 picks how the page is made: odd, the
 * rest of the input is the page (zero-padded); even, a page as Xen writes it
 * (`mov $op, %eax` + vmcall + ret per 32-byte slot, PV push prefix if bit 1,
 * ud2 in the iret slot) changed by the rest as (offset low, offset high,
 * byte) triples. Checked: the answer equals a reference reading of the
 * rule (every slot but iret loads its own number with b8 imm32 within its
 * first 8 bytes), and a page the library filled itself is never valid.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyp/hyp.h>

#define MOV_SEARCH  8

static uint8_t page[HYP_XEN_PAGE_SIZE] __attribute__((aligned(HYP_XEN_PAGE_SIZE)));

static void check(bool ok)
{
	if (!ok)
		abort();
}

static void xen_written(bool pv)
{
	static const uint8_t push[] = { 0x51, 0x41, 0x53 };     /* push %rcx; push %r11 */
	static const uint8_t tail[] = { 0x0f, 0x01, 0xc1, 0xc3 };

	memset(page, 0xcc, sizeof(page));
	for (uint32_t op = 0; op < HYP_XEN_HYPERCALL_PAGE_SLOTS; op++) {
		uint8_t *s = page + op * HYP_XEN_HYPERCALL_STUB_SIZE;
		size_t at = 0;

		if (op == HYP_XEN_HYPERCALL_iret) {
			s[0] = 0x0f;
			s[1] = 0x0b;
			continue;
		}
		if (pv) {
			memcpy(s, push, sizeof(push));
			at = sizeof(push);
		}
		s[at] = 0xb8;
		memcpy(s + at + 1, &op, 4);                     /* little endian imm32 */
		memcpy(s + at + 5, tail, sizeof(tail));
	}
}

static bool reference_valid(void)
{
	for (uint32_t op = 0; op < HYP_XEN_HYPERCALL_PAGE_SLOTS; op++) {
		const uint8_t *s = page + op * HYP_XEN_HYPERCALL_STUB_SIZE;
		bool loads = false;

		if (op == HYP_XEN_HYPERCALL_iret)
			continue;
		for (unsigned int i = 0; i < MOV_SEARCH && !loads; i++)
			loads = s[i] == 0xb8 && (uint32_t)(s[i + 1] | s[i + 2] << 8 | s[i + 3] << 16 |
							   (uint32_t)s[i + 4] << 24) == op;
		if (!loads)
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] & 1) {
		size_t n = size - 1 < sizeof(page) ? size - 1 : sizeof(page);

		memset(page, 0, sizeof(page));
		memcpy(page, data + 1, n);
	} else {
		xen_written(data[0] & 2);
		check(hyp_xen_hypercall_page_valid(page));          /* as Xen writes it */
		for (size_t i = 1; i + 3 <= size; i += 3)
			page[(data[i] | data[i + 1] << 8) % sizeof(page)] = data[i + 2];
	}
	check(hyp_xen_hypercall_page_valid(page) == reference_valid());
	check(!hyp_xen_hypercall_page_valid(NULL));
	hyp_xen_hypercall_page_fill(page);
	check(!hyp_xen_hypercall_page_valid(page));
	return 0;
}
