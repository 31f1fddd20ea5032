/* SPDX-License-Identifier: MIT */
/*
 * PowerPC patcher throughput (part 4 of tests/bench/run.sh): the KVM magic
 * page patcher (lib/powerpc/patch.c, portable C) over a 4 MiB synthetic text
 * against the plain read bandwidth of the same buffer (a loop summing its
 * words), same process, same run. Best of 7 rounds each; the text is
 * restored from a pristine copy before every patch round (not timed).
 *
 * The text is generated with a fixed seed and a kernel-like mix: loads and
 * stores, integer arithmetic, compares, branches, LR moves (mfspr/mtspr of a
 * register the patcher does not touch, so the SPR decode runs on them too),
 * and 0.5% privileged instructions the patcher rewrites: mfmsr, mtmsr,
 * mtmsrd, wrteei, mfspr/mtspr of SPRG0-3, SRR0/1, DAR, DSISR, and tlbsync.
 * Output: "row<TAB>item<TAB>cell<TAB>goal<TAB>note".
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hyp/error.h>
#include <hyp/ppc_patch.h>

#define WORDS       (1u << 20)                  /* 4 MiB of text */
#define GEN_WORDS   (1u << 18)
#define CODE_ADDR   0x100000ull
#define GEN_ADDR    (CODE_ADDR + WORDS * 4ull)

static uint32_t pristine[WORDS], text[WORDS], gen[GEN_WORDS];
static volatile uint64_t sink;
static uint64_t seed = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (uint32_t)(seed >> 16);
}

static uint32_t spr_field(unsigned int spr)
{
	return ((spr & 31u) << 16) | ((spr >> 5) << 11);
}

static uint32_t privileged(void)
{
	static const unsigned int sprs[] = { 272, 273, 274, 275, 26, 27, 19, 18 };
	uint32_t r = (rnd() % 32u) << 21;

	switch (rnd() % 8u) {
	case 0: return 0x7c0000a6u | r;                                 /* mfmsr */
	case 1: return 0x7c000124u | r;                                 /* mtmsr */
	case 2: return 0x7c000164u | r | 0x10000u;                      /* mtmsrd r, 1 */
	case 3: return 0x7c000146u | ((rnd() & 1u) << 15);              /* wrteei */
	case 4: case 5: return 0x7c0002a6u | r | spr_field(sprs[rnd() % 8u]);  /* mfspr */
	case 6: return 0x7c0003a6u | r | spr_field(sprs[rnd() % 8u]);   /* mtspr */
	default: return 0x7c00046cu;                                    /* tlbsync */
	}
}

static uint32_t ordinary(void)
{
	uint32_t rd = (rnd() % 32u) << 21, ra = (rnd() % 32u) << 16, rb = (rnd() % 32u) << 11;
	uint32_t imm = rnd() & 0xfffcu;

	switch (rnd() % 20u) {
	case 0: case 1: case 2: return (32u << 26) | rd | ra | imm;     /* lwz */
	case 3: case 4: return (36u << 26) | rd | ra | imm;             /* stw */
	case 5: case 6: return (58u << 26) | rd | ra | imm;             /* ld */
	case 7: return (62u << 26) | rd | ra | imm;                     /* std */
	case 8: case 9: return (14u << 26) | rd | ra | imm;             /* addi */
	case 10: return (31u << 26) | rd | ra | rb | (266u << 1);       /* add */
	case 11: return (24u << 26) | rd | ra | imm;                    /* ori */
	case 12: return (21u << 26) | rd | ra | rb | (rnd() & 0x7feu);  /* rlwinm */
	case 13: return (31u << 26) | ((rnd() % 8u) << 23) | ra | rb;   /* cmpw */
	case 14: return (18u << 26) | (rnd() & 0x3fffcu);               /* b */
	case 15: return (18u << 26) | (rnd() & 0x3fffcu) | 1u;          /* bl */
	case 16: return (16u << 26) | (12u << 21) | ra | imm;           /* bc */
	case 17: return 0x7c0002a6u | rd | spr_field(8);                /* mflr */
	case 18: return 0x7c0003a6u | rd | spr_field(8);                /* mtlr */
	default: return 0x4e800020u;                                    /* blr */
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(void)
{
	struct hyp_kvm_ppc_patch_stats st;
	double best_patch = 1e9, best_read = 1e9;
	unsigned int priv = 0;

	for (unsigned int i = 0; i < WORDS; i++) {
		bool p = rnd() % 1000u < 5u;

		pristine[i] = p ? privileged() : ordinary();
		priv += p;
	}
	for (int round = 0; round < 7; round++) {
		double t;
		uint64_t sum = 0;

		memcpy(text, pristine, sizeof(text));
		t = now();
		if (hyp_kvm_ppc_patch_words(text, WORDS, CODE_ADDR, gen, GEN_WORDS, GEN_ADDR,
					    HYP_KVM_PPC_PATCH_64, &st) != HYP_OK) {
			fprintf(stderr, "patcher failed\n");
			return 1;
		}
		t = now() - t;
		if (t < best_patch)
			best_patch = t;

		t = now();
		for (unsigned int i = 0; i < WORDS; i++)
			sum += text[i];
		sink = sum;
		t = now() - t;
		if (t < best_read)
			best_read = t;
	}
	if (st.loads_stores + st.branches + st.skipped == 0) {
		fprintf(stderr, "patcher changed nothing: the mix is wrong\n");
		return 1;
	}
	printf("row\tpatch 4 MiB text (%u privileged of %u): patcher / read MB/s\t%.0f / %.0f = %.2f"
	       "\t>= 0.50\t%u rewritten, %u branches, %u skipped%s\n",
	       priv, WORDS, WORDS * 4 / best_patch / 1e6, WORDS * 4 / best_read / 1e6,
	       best_read / best_patch, st.loads_stores, st.branches, st.skipped,
	       best_read / best_patch >= 0.5 ? "" : "; MISS");
	return 0;
}
