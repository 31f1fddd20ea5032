/* SPDX-License-Identifier: MIT */
/* x86 guest runtime: trap frames, hooks, port I/O, PVH start info. */
#ifndef GUEST_X86_H
#define GUEST_X86_H

#include <stdbool.h>
#include <stdint.h>

#include <guest/trap.h>

/* Saved by the vector stubs, lowest address first; a handler may change any
 * field. The cause is `vector`, the pc `ip`. */
struct guest_frame {
#ifdef __x86_64__
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
#endif
	unsigned long bp, di, si, dx, cx, bx, ax;
	unsigned long vector, error;
	unsigned long ip, cs, flags;        /* the CPU's frame */
#ifdef __x86_64__
	unsigned long sp, ss;
#endif
};

#define X86_VEC_UD      6
#define X86_VEC_GP      13
#define X86_VEC_PF      14
#define X86_FLAGS_ARITH (0x001ul | 0x004ul | 0x010ul | 0x040ul | 0x080ul | 0x800ul) /* CF PF AF ZF SF OF */

/* PVH start info (xen/include/public/arch-x86/hvm/start_info.h), version >= 0 fields. */
struct hvm_start_info {
	uint32_t magic;             /* 0x336ec578 */
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;
	uint64_t cmdline_paddr;
	uint64_t rsdp_paddr;
	uint64_t memmap_paddr;      /* version >= 1 */
	uint32_t memmap_entries;
	uint32_t reserved;
};
#define HVM_START_MAGIC 0x336ec578u

/* The start info the loader passed in ebx, or NULL if its magic was wrong. */
const struct hvm_start_info *x86_start_info(void);
/* Defined by a test that must end itself (a Xen domU); arch_exit() calls it first. */
void guest_exit_hook(bool pass);

/* Value of "key=" in the command line, copied into buf; false if absent. */
#include <stdbool.h>
#include <stddef.h>
bool guest_cmdline_get(const char *key, char *buf, size_t size);

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* Start and end of the image's .text (checksums of code bytes). */
extern const unsigned char __text_start[], __text_end[];

#endif /* GUEST_X86_H */
