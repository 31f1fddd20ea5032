/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for SBI DBCN and the SBI console (lib/riscv/sbi_calls.c,
 * sbi_console.c built for the host with the ecall replaced by
 * tests/host/sbi_host/) against an implementation whose every answer comes
 * from the input. The caller's two virtual pages map to physical frames 3
 * and 1 (out of order). Input: byte 0 the call (0 read, 1 write, 2
 * console_write), u16 offset and u16 length in the two pages, then 5 bytes
 * per ecall: error selector (0: success, else -(n % 14)), 32-bit value.
 * Input used up: success, everything taken. Checked: every ecall names a
 * range inside one physical page and inside the caller's buffer; the
 * result is at most the length; an error answer never ends in a count;
 * ecalls bounded; no library code.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyp/sbi.h>

#define PAGE        4096u
#define PHYS_BASE   0x80000000ull

unsigned char hyp_sbi_gate = HYP_GATE_OPEN;
uint32_t hyp_sbi_extensions = HYP_SBI_HAS_BASE | HYP_SBI_HAS_DBCN;

static uint8_t pages[2 * PAGE] __attribute__((aligned(PAGE)));
static const uint8_t *in;
static size_t in_left, off, len;
static unsigned long calls, bound;
static bool last_failed;

static void check(bool ok)
{
	if (!ok)
		abort();
}

uint64_t hyp_virt_to_phys(const void *va)
{
	uintptr_t o = (uintptr_t)va - (uintptr_t)pages;

	check(o < 2 * PAGE);
	return PHYS_BASE + (o < PAGE ? 3 : 1) * PAGE + o % PAGE;
}

/* The caller's offset of a physical address. */
static size_t virt_off(uint64_t pa)
{
	uint64_t frame = (pa - PHYS_BASE) / PAGE;

	check(pa >= PHYS_BASE && (frame == 1 || frame == 3));
	return (frame == 3 ? 0 : PAGE) + (size_t)(pa % PAGE);
}

struct hyp_sbiret host_sbi_ecall(unsigned long eid, unsigned long fid, unsigned long a0,
				 unsigned long a1, unsigned long a2, unsigned long a3,
				 unsigned long a4, unsigned long a5)
{
	uint64_t pa = (uint64_t)a1 | (uint64_t)a2 << 32;
	struct hyp_sbiret r = { HYP_SBI_SUCCESS, (long)a0 };

	(void)a3;
	(void)a4;
	(void)a5;
	check(eid == HYP_SBI_EXT_DBCN && fid <= HYP_SBI_DBCN_CONSOLE_READ);
	check(++calls <= bound);
	check(a0 >= 1 && (pa % PAGE) + a0 <= PAGE);                     /* one physical page */
	check(virt_off(pa) >= off && virt_off(pa) + a0 <= off + len);   /* the caller's bytes */
	if (in_left >= 5) {
		uint32_t v;

		memcpy(&v, in + 1, 4);
		r.error = in[0] ? -(long)(in[0] % 14) : HYP_SBI_SUCCESS;
		r.value = (long)(int32_t)v;
		in += 5;
		in_left -= 5;
	}
	last_failed = r.error != HYP_SBI_SUCCESS;
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t o, l;
	int r;

	if (size < 5)
		return 0;
	memcpy(&o, data + 1, 2);
	memcpy(&l, data + 3, 2);
	off = o % (2 * PAGE);
	len = l % (2 * PAGE - off + 1);
	in = data + 5;
	in_left = size - 5;
	calls = 0;
	last_failed = false;
	bound = (len + 1) * (HYP_SBI_CONSOLE_STALLS + 3);
	switch (data[0] % 3) {
	case 0:
		r = hyp_sbi_debug_console_read((char *)pages + off, len);
		break;
	case 1:
		r = hyp_sbi_debug_console_write((const char *)pages + off, len);
		break;
	default:
		r = hyp_sbi_console_write((const char *)pages + off, len);
		break;
	}
	check(r <= (int)len && !HYP_IS_LIBRARY_ERROR(r));
	if (last_failed)
		check(r < 0);
	if (data[0] % 3 != 2)
		check(calls <= 3);
	return 0;
}
