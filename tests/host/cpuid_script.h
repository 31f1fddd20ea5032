/* SPDX-License-Identifier: MIT */
/* A scripted CPUID for host tests: leaves set by the test, everything else zero. */
#ifndef HOST_CPUID_SCRIPT_H
#define HOST_CPUID_SCRIPT_H

#include <stdint.h>
#include <string.h>

#define CPUID_SCRIPT_MAX 32

struct cpuid_script {
	unsigned int n;
	unsigned int calls;
	struct { uint32_t leaf, regs[4]; } leaf[CPUID_SCRIPT_MAX];
};

static inline void cpuid_script_set(struct cpuid_script *s, uint32_t leaf, uint32_t a,
				    uint32_t b, uint32_t c, uint32_t d)
{
	s->leaf[s->n].leaf = leaf;
	s->leaf[s->n].regs[0] = a;
	s->leaf[s->n].regs[1] = b;
	s->leaf[s->n].regs[2] = c;
	s->leaf[s->n].regs[3] = d;
	s->n++;
}

/* Leaf 0 with a vendor string ("GenuineIntel" is ebx edx ecx), leaf 1 with ECX[31] = hv. */
static inline void cpuid_script_cpu(struct cpuid_script *s, const char vendor[12], int hv)
{
	uint32_t w[3];

	memcpy(w, vendor, 12);
	cpuid_script_set(s, 0, 0xd, w[0], w[2], w[1]);
	cpuid_script_set(s, 1, 0, 0, hv ? 0x80000000u : 0, 0);
}

/* A hypervisor base: eax = max, ebx ecx edx = 12-byte signature. */
static inline void cpuid_script_hv(struct cpuid_script *s, uint32_t base, uint32_t max,
				   const char sig[12])
{
	uint32_t w[3];

	memcpy(w, sig, 12);
	cpuid_script_set(s, base, max, w[0], w[1], w[2]);
}

static inline void cpuid_script_fn(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	struct cpuid_script *s = ctx;

	(void)subleaf;
	__atomic_fetch_add(&s->calls, 1, __ATOMIC_RELAXED);
	regs[0] = regs[1] = regs[2] = regs[3] = 0;
	for (unsigned int i = 0; i < s->n; i++)
		if (s->leaf[i].leaf == leaf)
			memcpy(regs, s->leaf[i].regs, sizeof(s->leaf[i].regs));
}

#endif
