/* SPDX-License-Identifier: MIT */
/*
 * SBI DBCN and the SBI console against a hostile implementation, on the
 * host: lib/riscv/sbi_calls.c and sbi_console.c built with the ecall
 * replaced (sbi_host/hyp/riscv/sbi_call.h). Guest-physical memory is four
 * 4 KiB frames: the caller's two virtual pages map to frames 3 and 1 (out of
 * order), frame 2 is a neighbour's, frame 4 does not exist; the virtual
 * page after the caller's is PROT_NONE. The implementation reads and writes
 * physical bytes from the address and length it is given, as firmware does.
 * Checked: no byte moved outside the caller's buffer (the neighbour's frame
 * unchanged, no access to a missing frame), each ecall inside one physical
 * page, counts above what was asked never returned, errors after progress
 * not reported as success, stalls bounded. Closing line: "N passed, N failed".
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <hyp/sbi.h>

#include "abi_report.h"

#define PAGE        4096u
#define PHYS_BASE   0x80000000ull
#define FRAMES      4

unsigned char hyp_sbi_gate = HYP_GATE_OPEN;
uint32_t hyp_sbi_extensions = HYP_SBI_HAS_BASE | HYP_SBI_HAS_DBCN;

static unsigned char *virt;             /* two caller pages, then a PROT_NONE page */
static unsigned char *frame[FRAMES];    /* frame i at PHYS_BASE + i * PAGE; [0] and [3+1] none */
static unsigned char neighbour[PAGE];

enum mode {
	HONEST,         /* moves all it is asked */
	CLAIM_64,       /* moves what it is asked, says 64 */
	CLAIM_ONE_MORE, /* moves what it is asked, says one more */
	ONE_THEN_FAIL,  /* moves 1 byte per call, the second call fails */
	SLOW,           /* 15 answers of 0, then 1 byte */
	NEVER,          /* always 0 */
};

static struct {
	enum mode mode;
	unsigned int calls, crossed, missing;
	unsigned char next;             /* the next byte a read supplies */
	size_t moved;                   /* bytes written to the console */
	char out[3 * PAGE];
} fw;

/* The kernel's translation: virtual page 0 -> frame 3, page 1 -> frame 1. */
uint64_t hyp_virt_to_phys(const void *va)
{
	uintptr_t off = (uintptr_t)va - (uintptr_t)virt;

	if (off >= 2 * PAGE)
		return ~0ull;
	return PHYS_BASE + (off < PAGE ? 3 : 1) * PAGE + off % PAGE;
}

static unsigned char *phys(uint64_t pa)
{
	uint64_t i = (pa - PHYS_BASE) / PAGE;

	if (pa < PHYS_BASE || i >= FRAMES || !frame[i]) {
		fw.missing++;
		return NULL;
	}
	return frame[i] + (pa - PHYS_BASE) % PAGE;
}

static size_t take(size_t len)
{
	switch (fw.mode) {
	case ONE_THEN_FAIL:
		return 1;
	case SLOW:
		return fw.calls % 16 == 0 ? 1 : 0;
	case NEVER:
		return 0;
	default:
		return len;
	}
}

struct hyp_sbiret host_sbi_ecall(unsigned long eid, unsigned long fid, unsigned long a0,
				 unsigned long a1, unsigned long a2, unsigned long a3,
				 unsigned long a4, unsigned long a5)
{
	uint64_t pa = (uint64_t)a1 | (uint64_t)a2 << 32;
	size_t n;

	(void)a3;
	(void)a4;
	(void)a5;
	if (eid != HYP_SBI_EXT_DBCN || (fid != HYP_SBI_DBCN_CONSOLE_WRITE &&
					fid != HYP_SBI_DBCN_CONSOLE_READ))
		return (struct hyp_sbiret){ HYP_SBI_ERR_NOT_SUPPORTED, 0 };
	fw.calls++;
	if (fw.mode == ONE_THEN_FAIL && fw.calls == 2)
		return (struct hyp_sbiret){ HYP_SBI_ERR_FAILED, 0 };
	if (a0 && (pa % PAGE) + a0 > PAGE)
		fw.crossed++;
	n = take(a0);
	for (size_t i = 0; i < n; i++) {
		unsigned char *p = phys(pa + i);

		if (!p)
			break;
		if (fid == HYP_SBI_DBCN_CONSOLE_READ)
			*p = fw.next++;
		else if (fw.moved < sizeof(fw.out))
			fw.out[fw.moved++] = (char)*p;
	}
	return (struct hyp_sbiret){ HYP_SBI_SUCCESS, fw.mode == CLAIM_64 ? 64 :
				    fw.mode == CLAIM_ONE_MORE ? (long)n + 1 : (long)n };
}

static void reset(enum mode mode)
{
	memset(&fw, 0, sizeof(fw));
	fw.mode = mode;
	fw.next = 'A';
	memset(virt, '.', 2 * PAGE);
	memset(neighbour, 0x5a, sizeof(neighbour));
}

/* `s` copied into the caller's first page (what the kernel translates), at offset 200. */
static const char *caller(const char *s)
{
	return memcpy(virt + 200, s, strlen(s));
}

static int neighbour_intact(void)
{
	for (size_t i = 0; i < sizeof(neighbour); i++)
		if (neighbour[i] != 0x5a)
			return 0;
	return 1;
}

static int in_order(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)('A' + i))
			return 0;
	return 1;
}

int main(void)
{
	unsigned char *end, *mid;
	char buf[8];
	int r;

	virt = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (virt == MAP_FAILED || mprotect(virt + 2 * PAGE, PAGE, PROT_NONE))
		return 2;
	frame[1] = virt + PAGE;
	frame[2] = neighbour;
	frame[3] = virt;
	end = virt + 2 * PAGE;          /* the guard page */
	mid = virt + PAGE;              /* the boundary between the caller's pages */

	/* Defect: one address and the whole length in one ecall. */
	reset(HONEST);
	r = hyp_sbi_debug_console_read((char *)mid - 2, 8);
	check(r == 8 && in_order(mid - 2, 8) && fw.crossed == 0 && fw.missing == 0 && fw.calls == 2,
	      "read of 8 bytes across the virtual page boundary: two ecalls, one per physical page "
	      "(%d, %u calls, %u crossing)", r, fw.calls, fw.crossed);
	reset(HONEST);
	r = hyp_sbi_debug_console_read((char *)virt + PAGE - 4 + PAGE, 4);
	check(r == 4 && in_order(end - 4, 4) && neighbour_intact() && fw.crossed == 0,
	      "read of the last 4 bytes before the guard page: the neighbour's frame untouched");
	reset(HONEST);
	memcpy(mid - 3, "abcdef", 6);
	r = hyp_sbi_debug_console_write((const char *)mid - 3, 6);
	check(r == 6 && !memcmp(fw.out, "abcdef", 6) && fw.crossed == 0 && fw.missing == 0 && neighbour_intact(),
	      "write of 6 bytes across the boundary: the firmware read only the caller's bytes");
	reset(HONEST);
	r = hyp_sbi_debug_console_write((const char *)virt, 2 * PAGE);
	check(r == (int)(2 * PAGE) && fw.calls == 2 && fw.crossed == 0 && fw.moved == 2 * PAGE,
	      "write of two whole pages: two ecalls");

	/* Defect: counts returned unchecked (far above what was asked, and one more). */
	for (enum mode m = CLAIM_64; m <= CLAIM_ONE_MORE; m++) {
		const char *said = m == CLAIM_64 ? "64" : "5 (the limit + 1)";

		reset(m);
		r = hyp_sbi_debug_console_read(buf, 4);
		check(r == HYP_EIO, "read(buf, 4) answered %s: HYP_EIO (got %d)", said, r);
		reset(m);
		r = hyp_sbi_debug_console_write(caller("abcd"), 4);
		check(r == HYP_EIO, "write(\"abcd\", 4) answered %s: HYP_EIO (got %d)", said, r);
		reset(m);
		r = hyp_sbi_console_write(caller("abcd"), 4);
		check(r == HYP_EIO, "console_write(\"abcd\", 4) answered %s: HYP_EIO (got %d)", said, r);
	}
	reset(CLAIM_64);
	memcpy(end - 4, "wxyz", 4);
	r = hyp_sbi_debug_console_write((const char *)end - 4, 4);
	check(r == HYP_EIO && fw.missing == 0, "write of 4 bytes before the guard page answered 64: HYP_EIO");

	/* Progress, then an error: not success. */
	reset(ONE_THEN_FAIL);
	r = hyp_sbi_console_write(caller("abcd"), 4);
	check(r == HYP_EIO && fw.calls == 2, "console_write: 1 byte taken, then FAILED: HYP_EIO, not 1 (got %d)", r);
	reset(ONE_THEN_FAIL);
	r = hyp_sbi_debug_console_write((const char *)mid - 1, 2);
	check(r == HYP_EIO && fw.calls == 2,
	      "debug_console_write: first page's piece taken, the second FAILED: HYP_EIO (got %d)", r);

	/* Stalls: counted afresh after progress, bounded. */
	reset(SLOW);
	r = hyp_sbi_console_write(caller("abcdefgh"), 8);
	check(r == 8 && fw.calls == 8 * 16 && !memcmp(fw.out, "abcdefgh", 8),
	      "console_write, 1 byte per 16 answers: all 8 bytes, 128 calls (stalls reset by progress)");
	reset(NEVER);
	r = hyp_sbi_console_write(caller("abcd"), 4);
	check(r == HYP_EAGAIN && fw.calls == HYP_SBI_CONSOLE_STALLS,
	      "console_write, nothing ever taken: HYP_EAGAIN after %u calls", fw.calls);
	return abi_summary();
}
